/** The pages that are not a resource's representation: home, search (HTML and JSON), browse, language switch. */
import express, { type Router } from 'express';
import { html, negotiate } from './Negotiation.ts';
import { sendRepresentation } from './Responses.ts';
import type { ServedDataset } from './ServedDataset.ts';
import { renderDocument } from './pages/Html.ts';
import { HomePage } from './pages/HomePage.ts';
import { BrowsePage, SearchPage } from './pages/SearchPage.ts';
import { languageCookie, uiLanguage } from './UiLanguage.ts';
import { GraphPage } from './pages/GraphPage.ts';
import { genealogyRelations, networkRelations } from '../store/RelationGraphs.ts';

export function pageRoutes(current: () => ServedDataset): Router {
  const router = express.Router();

  router.get('/', async (req, res) => {
    const dataset = current();
    const language = uiLanguage(req);
    const representation = await dataset.representation(`home|${language}`, html, () => renderDocument(HomePage(dataset.manifest, dataset.base, language, req.path)));
    sendRepresentation(req, res, dataset, representation, { cors: false });
  });

  router.get('/search', (req, res) => {
    const dataset = current();
    const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
    const type = typeof req.query.type === 'string' ? req.query.type : undefined;
    const limit = Math.min(100, Math.max(1, Number(req.query.limit) || 20));
    const hits = dataset.search.search(query, limit, type);
    res.setHeader('Vary', 'Accept');
    if (negotiate(req, [html, 'application/json']) === 'application/json' || req.query.format === 'json') {
      res.setHeader('Access-Control-Allow-Origin', '*');
      return res.json({ query, results: hits.map((h) => ({ iri: h.iri, type: h.type, label: h.labels, matched: h.matched, score: h.score })) });
    }
    res.type('text/html; charset=utf-8').send(renderDocument(SearchPage(query, hits, dataset.base, uiLanguage(req), req.path)));
  });

  router.get('/browse{/:type}', async (req, res) => {
    const dataset = current();
    const language = uiLanguage(req);
    const type = req.params.type?.toLowerCase();
    const counts = dataset.manifest.statistics.entitiesPerClass;
    if (type && !Object.keys(counts).some((c) => c.toLowerCase() === type)) return res.status(404).type('text/plain').send(`no class '${type}'\n`);
    const sort = req.query.sort === 'statements' ? 'statements' : 'name';
    const representation = await dataset.representation(`browse|${type}|${sort}|${language}`, html, async () => {
      const entries = type ? dataset.browseEntries(type) : [];
      return renderDocument(BrowsePage(type, counts, entries, sort, dataset.base, language, req.path));
    });
    sendRepresentation(req, res, dataset, representation, { cors: false });
  });

  // The visualisations: the page, and the nodes and edges it draws (prepared once per dataset and language).
  for (const kind of ['genealogy', 'network'] as const) {
    const relations = kind === 'genealogy' ? genealogyRelations : networkRelations;
    const types = kind === 'genealogy' ? ['Faction'] : ['Person', 'Faction'];
    const graphOf = (dataset: ServedDataset, language: 'en' | 'ru') => dataset.relationGraph(relations, types, language);
    router.get(`/${kind}`, async (req, res) => {
      const dataset = current();
      const language = uiLanguage(req);
      const representation = await dataset.representation(`${kind}|${language}`, html, async () =>
        renderDocument(GraphPage({ kind, graph: await graphOf(dataset, language), base: dataset.base, language, path: req.path })));
      sendRepresentation(req, res, dataset, representation, { cors: false });
    });
    router.get(`/api/${kind}.json`, async (req, res) => {
      const dataset = current();
      const language = uiLanguage(req);
      const representation = await dataset.representation(`api|${kind}|${language}`, 'application/json', async () => JSON.stringify(await graphOf(dataset, language)));
      sendRepresentation(req, res, dataset, representation);
    });
  }

  // The language switch: remembered in a cookie, then back to the page the reader came from.
  router.get('/language/:lang', (req, res) => {
    const lang = req.params.lang === 'ru' ? 'ru' : 'en';
    const back = typeof req.query.back === 'string' && /^\/(?!\/)/.test(req.query.back) ? req.query.back : new URL(current().base).pathname;
    res.cookie(languageCookie, lang, { maxAge: 365 * 24 * 3600 * 1000, sameSite: 'lax', httpOnly: true, path: '/' });
    res.redirect(303, back);
  });
  return router;
}
