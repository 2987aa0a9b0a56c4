/**
 * The dereferenceable URLs: entities (/id/{class}/{slug}), the ontology (/ontology), source texts and
 * their graphs (/text/{id}, /graph/{id}), the JSON-LD context, the VoID description and the dumps.
 * Each RDF resource answers in every format by content negotiation and by file extension.
 */
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import express, { type Request, type Response, type Router } from 'express';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { unionOf } from '../dataset/RdfFormats.ts';
import { serialiseQuads } from '../store/AnswerFormats.ts';
import { readSourceText, sourceTextWording } from '../store/SourceTextReader.ts';
import { dumpPaths, voidDescription } from './DatasetDescription.ts';
import { chooseFormat, html, negotiate, rdfFormats, resourceFile, teiMediaType } from './Negotiation.ts';
import { methodNotAllowed, sendError, sendRepresentation } from './Responses.ts';
import type { ServedDataset } from './ServedDataset.ts';
import { renderDocument } from './pages/Html.ts';
import { NotFoundPage } from './pages/NotFoundPage.ts';
import { OntologyPage } from './pages/OntologyPage.ts';
import { TextPage } from './pages/TextPage.ts';
import { TextListPage } from './pages/TextListPage.ts';
import { DatasetPage } from './pages/DatasetPage.ts';
import { entityRepresentation, readEntityRequest } from './EntityRepresentations.ts';
import { entityCitation } from './Citation.ts';
import { isCitationExtension, sendCitation } from './ExportRoutes.ts';
import { uiLanguage } from './UiLanguage.ts';

const rdfMediaTypes = rdfFormats.map((f) => f.mediaType);

function notAcceptable(res: Response, offered: readonly string[]) {
  sendError(res, 406, `none of the formats you accept is available; this resource is offered as ${offered.join(', ')}`);
}

export function linkedDataRoutes(current: () => ServedDataset): Router {
  const router = express.Router();
  const get = ['GET', 'HEAD'];
  const root = () => new URL(current().base).pathname;

  const sendQuads = async (req: Request, res: Response, key: string, mediaType: string, quads: () => Quad[] | Promise<Quad[]>, resourcePath: string, negotiated: boolean) => {
    const dataset = current();
    const format = rdfFormats.find((f) => f.mediaType === mediaType)!;
    const representation = await dataset.representation(key, mediaType, async () => {
      const all = await quads();
      return serialiseQuads(format.graphs ? all : unionOf(all), mediaType, { base: dataset.base, context: dataset.context });
    });
    sendRepresentation(req, res, dataset, representation, { negotiated, resourcePath, contentLocation: `${resourcePath}.${format.extension}` });
  };

  const notFound = (req: Request, res: Response, guess: string) => {
    const dataset = current();
    if (negotiate(req, [html, 'text/plain']) === html) {
      const language = uiLanguage(req);
      const suggestions = dataset.search.search(guess.replace(/-/g, ' '), 5).map((h) => ({
        href: root() + h.iri.slice(dataset.base.length), label: h.labels[language] ?? h.labels.en ?? h.iri, type: h.type,
      }));
      res.status(404).type('text/html; charset=utf-8').send(renderDocument(NotFoundPage(dataset.base, language, req.originalUrl, guess, suggestions)));
      return;
    }
    sendError(res, 404, `nothing is published at ${req.originalUrl}`);
  };

  // --- Entities ------------------------------------------------------------------------------
  router.route('/id/:type/:file').get(async (req, res) => {
    const dataset = current();
    const asked = readEntityRequest(dataset, req.params.type, req.params.file, req);
    switch (asked.kind) {
      case 'not-found': return notFound(req, res, asked.guess);
      case 'unknown-entity': {
        const replacement = await dataset.replacement(asked.iri);
        if (replacement) return res.redirect(301, root() + replacement.slice(dataset.base.length) + (asked.extension ? `.${asked.extension}` : ''));
        return notFound(req, res, asked.guess);
      }
      case 'citation': return sendCitation(req, res, dataset, entityCitation(asked.iri, dataset.labelsOf(asked.iri), dataset.manifest, dataset.lastModified, 'en'), asked.extension);
      case 'not-acceptable': return notAcceptable(res, asked.offered);
      case 'representation':
        return sendRepresentation(req, res, dataset, await entityRepresentation(dataset, asked.iri, asked.mediaType, asked.language), asked.options);
    }
  }).all(methodNotAllowed(get));

  // --- The ontology --------------------------------------------------------------------------
  router.route('/ontology{.:extension}').get(async (req, res) => {
    const dataset = current();
    const extension = req.params.extension;
    const offered = [html, ...rdfMediaTypes];
    const mediaType = chooseFormat(req, extension, offered);
    if (mediaType === 'bad-extension') return notFound(req, res, 'ontology');
    if (!mediaType) return notAcceptable(res, offered);
    const resourcePath = `${root()}ontology`;
    const quads = () => dataset.ontology.quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode(`${dataset.base}graph/ontology`)));
    if (mediaType === html) {
      const language = uiLanguage(req);
      const representation = await dataset.representation(`ontology|${language}`, html, () => renderDocument(OntologyPage(dataset.ontology.quads, dataset.manifest.ontologyNamespace, dataset.base, language, req.path)));
      return sendRepresentation(req, res, dataset, representation, { negotiated: !extension, resourcePath, cors: false });
    }
    return sendQuads(req, res, 'ontology', mediaType, quads, resourcePath, !extension);
  }).all(methodNotAllowed(get));

  router.get('/context.jsonld', async (req, res) => {
    const dataset = current();
    const representation = await dataset.representation('context', 'application/ld+json', () => JSON.stringify(dataset.context, null, 2));
    sendRepresentation(req, res, dataset, representation);
  });

  // --- Source texts and graphs ----------------------------------------------------------------
  router.get('/text/', async (req, res) => {
    const dataset = current();
    const language = uiLanguage(req);
    const representation = await dataset.representation(`texts|${language}`, html, async () =>
      renderDocument(TextListPage(await dataset.sourceTexts(), dataset.base, language, req.path)));
    sendRepresentation(req, res, dataset, representation, { cors: false });
  });
  router.route('/text/:file').get(async (req, res) => {
    const dataset = current();
    const match = resourceFile.exec(req.params.file);
    if (!match) return notFound(req, res, req.params.file);
    const [, id, extension] = match;
    if (!dataset.hasText(id)) return notFound(req, res, id);
    // Read only when a representation is first made (from the store, if external): after that it is
    // served from the cache. The plain text needs only the build's file.
    const view = async () => readSourceText(await dataset.storeWithGraph(`${dataset.base}graph/${id}`), dataset.dir, dataset.base, dataset.manifest.ontologyNamespace, id)!;
    const offered = [html, 'text/plain', ...rdfMediaTypes, teiMediaType];
    const mediaType = chooseFormat(req, extension, offered);
    if (mediaType === 'bad-extension') return notFound(req, res, id);
    if (!mediaType) return notAcceptable(res, offered);
    const resourcePath = `${root()}text/${id}`;
    if (mediaType === 'text/plain') {
      const representation = await dataset.representation(`text|${id}`, 'text/plain', () => sourceTextWording(dataset.dir, id));
      return sendRepresentation(req, res, dataset, representation, { negotiated: !extension, resourcePath, contentLocation: `${resourcePath}.txt` });
    }
    if (mediaType === teiMediaType) {
      const representation = await dataset.representation(`text|${id}`, teiMediaType, () => readFileSync(join(dataset.dir, 'texts', `${id}.tei.xml`), 'utf8'));
      return sendRepresentation(req, res, dataset, representation, { negotiated: !extension, resourcePath, contentLocation: `${resourcePath}.tei.xml` });
    }
    if (mediaType === html) {
      const language = uiLanguage(req);
      const label = (iri: string) => { const l = dataset.labelsOf(iri); return l[language] ?? l.en ?? iri; };
      const representation = await dataset.representation(`text|${id}|${language}`, html, async () => renderDocument(TextPage(await view(), dataset.base, language, req.path, label)));
      return sendRepresentation(req, res, dataset, representation, { negotiated: !extension, resourcePath, cors: false });
    }
    return sendQuads(req, res, `text|${id}`, mediaType, () => dataset.quadsOfGraph(`${dataset.base}graph/${id}`), resourcePath, !extension);
  }).all(methodNotAllowed(get));

  router.route('/graph/:file').get(async (req, res) => {
    const dataset = current();
    const match = resourceFile.exec(req.params.file);
    if (!match) return notFound(req, res, req.params.file);
    const [, id, extension] = match;
    const graph = `${dataset.base}graph/${id}`;
    if (!dataset.ownGraph(graph)) return notFound(req, res, id);
    const offered = ['application/n-quads', 'application/trig', ...rdfMediaTypes.filter((m) => m !== 'application/n-quads' && m !== 'application/trig')];
    const mediaType = chooseFormat(req, extension, offered);
    if (mediaType === 'bad-extension' || mediaType === html) return notFound(req, res, id);
    if (!mediaType) return notAcceptable(res, offered);
    return sendQuads(req, res, `graph|${id}`, mediaType, () => dataset.quadsOfGraph(graph), `${root()}graph/${id}`, !extension);
  }).all(methodNotAllowed(get));

  // --- Dataset description and dumps ----------------------------------------------------------
  router.route('/.well-known/void{.:extension}').get(async (req, res) => {
    const dataset = current();
    const extension = req.params.extension;
    const offered = ['text/turtle', html, ...rdfMediaTypes.filter((m) => m !== 'text/turtle')];
    const mediaType = chooseFormat(req, extension, offered);
    if (mediaType === 'bad-extension') return notFound(req, res, 'void');
    if (!mediaType) return notAcceptable(res, offered);
    const resourcePath = `${root()}.well-known/void`;
    if (mediaType === html) {
      const language = uiLanguage(req);
      const representation = await dataset.representation(`dataset|${language}`, html, () => renderDocument(DatasetPage(dataset.manifest, dataset.base, language, req.path, dataset.lastModified)));
      return sendRepresentation(req, res, dataset, representation, { negotiated: !extension, resourcePath, cors: false });
    }
    return sendQuads(req, res, 'void', mediaType, () => voidDescription(dataset.manifest), resourcePath, !extension);
  }).all(methodNotAllowed(get));

  router.get('/dataset', async (req, res) => {
    const dataset = current();
    const language = uiLanguage(req);
    const representation = await dataset.representation(`dataset|${language}`, html, () => renderDocument(DatasetPage(dataset.manifest, dataset.base, language, req.path, dataset.lastModified)));
    sendRepresentation(req, res, dataset, representation, { cors: false });
  });

  for (const [file, path] of Object.entries(dumpPaths)) {
    const mediaType = rdfFormats.find((f) => path.endsWith(`.${f.extension}`))!.mediaType;
    router.route(`/${path}`).get((req, res) => {
      const dataset = current();
      const compressed = join(dataset.dir, `${file}.gz`);
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cache-Control', 'public, max-age=300, must-revalidate');
      res.append('Vary', 'Accept-Encoding');
      // A client that takes gzip gets the precompressed file; nothing is compressed per request.
      if (req.acceptsEncodings('gzip', 'identity') === 'gzip' && existsSync(compressed)) {
        res.setHeader('Content-Encoding', 'gzip');
        return res.sendFile(compressed, { headers: { 'Content-Type': `${mediaType}; charset=utf-8` }, etag: true, lastModified: true });
      }
      res.sendFile(join(dataset.dir, file), { headers: { 'Content-Type': `${mediaType}; charset=utf-8` }, etag: true, lastModified: true });
    }).all(methodNotAllowed(get));
    router.route(`/${path}.gz`).get((req, res) => {
      const dataset = current();
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.sendFile(join(dataset.dir, `${file}.gz`), { headers: { 'Content-Type': 'application/gzip', 'Content-Disposition': `attachment; filename="${path}.gz"` } });
    }).all(methodNotAllowed(get));
  }
  return router;
}
