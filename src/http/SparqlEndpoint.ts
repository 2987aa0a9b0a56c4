/**
 * The SPARQL 1.1 Protocol endpoint (/sparql): query by GET, by POST form and by POST
 * application/sparql-query, with default-graph-uri and named-graph-uri; the answer's format chosen by
 * Accept; queries admitted by the policy (read-only, closed, capped) before anything runs them, then run
 * under the time limit by the query executor (the embedded worker pool, or an external store). Without a
 * query it answers with the Service Description, or the query page for a browser. Each query is logged with the time it took. Answers are kept
 * for the build they came from, so a repeated query is answered from memory.
 */
import express, { type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { admitQuery, QueryRefused, type QueryForm } from '../store/QueryPolicy.ts';
import { QueryTimeout, QueueFull, StoreFailure, type QueryExecutor } from '../store/QueryExecutor.ts';
import { QueryOutOfMemory } from '../store/QueryPool.ts';
import { resultMediaTypes } from '../store/AnswerFormats.ts';
import { serialiseQuads } from '../store/AnswerFormats.ts';
import type { ServerConfiguration } from './Configuration.ts';
import { serviceDescription } from './DatasetDescription.ts';
import { html, negotiate, rdfFormats } from './Negotiation.ts';
import { methodNotAllowed, sendError, sendRepresentation } from './Responses.ts';
import type { ServedDataset } from './ServedDataset.ts';

export interface SparqlEndpointDeps {
  readonly dataset: () => ServedDataset;
  readonly queries: () => QueryExecutor;
  readonly configuration: ServerConfiguration;
  readonly log: Logger;
  readonly queryPage: (req: Request, res: Response) => void;
}

function params(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export function sparqlEndpoint(deps: SparqlEndpointDeps): Router {
  const router = express.Router();
  const { configuration } = deps;
  const limit = `${configuration.bodyLimitBytes}b`;
  router.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'X-SPARQL-Result-Limit, X-SPARQL-Results-Truncated, Retry-After');
    next();
  });
  if (configuration.rateLimitPerMinute > 0) {
    router.use(rateLimit({
      windowMs: 60_000,
      limit: configuration.rateLimitPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      skip: (req) => req.method === 'OPTIONS' || (req.method === 'GET' && req.query.query === undefined),
      handler: (_req, res, _next, options) => sendError(res, 429, `too many SPARQL requests: at most ${options.limit} a minute from one client`),
    }));
  }
  router.options('/', (_req, res) => {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
  });
  router.get('/', (req, res) => handle(req, res, deps, req.query.query === undefined ? undefined : params(req.query.query), req.query as Record<string, unknown>));
  router.post('/',
    express.urlencoded({ extended: false, limit, type: 'application/x-www-form-urlencoded' }),
    express.text({ limit, type: ['application/sparql-query', 'application/sparql-update'] }),
    (req, res) => {
      const type = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
      if (type === 'application/sparql-update' || (type === 'application/x-www-form-urlencoded' && req.body?.update !== undefined)) {
        return sendError(res, 403, 'this endpoint is read-only: SPARQL Update is not accepted');
      }
      if (type === 'application/sparql-query') return handle(req, res, deps, [String(req.body ?? '')], req.query as Record<string, unknown>);
      if (type === 'application/x-www-form-urlencoded') {
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (body.query === undefined) return sendError(res, 400, "a POSTed form must carry the query in a 'query' field");
        return handle(req, res, deps, params(body.query), { ...req.query, ...body });
      }
      return sendError(res, 415, 'POST a query as application/x-www-form-urlencoded (query=…) or as application/sparql-query');
    });
  router.all('/', methodNotAllowed(['GET', 'POST', 'OPTIONS']));
  return router;
}

async function handle(req: Request, res: Response, deps: SparqlEndpointDeps, queries: string[] | undefined, fields: Record<string, unknown>): Promise<void> {
  const dataset = deps.dataset();
  if (queries === undefined) return describeService(req, res, deps, dataset);
  if (queries.length !== 1) return sendError(res, 400, 'give exactly one query');
  const started = performance.now();
  const query = queries[0];
  let form: QueryForm | undefined;
  const log = (status: number, extra: Record<string, unknown> = {}) =>
    deps.log.info({ sparql: { query: query.slice(0, 2000), form, status, ms: Math.round(performance.now() - started), ...extra } }, 'sparql query');
  try {
    const admitted = admitQuery(query, { defaultGraphUris: params(fields['default-graph-uri']), namedGraphUris: params(fields['named-graph-uri']) }, dataset.ownGraph, deps.configuration.resultLimit);
    form = admitted.form;
    const offered = form === 'CONSTRUCT' || form === 'DESCRIBE' ? resultMediaTypes.quads : form === 'ASK' ? resultMediaTypes.boolean : resultMediaTypes.bindings;
    const mediaType = negotiate(req, offered);
    if (!mediaType) {
      log(406);
      return sendError(res, 406, `no acceptable format for a ${form} answer; this endpoint offers ${offered.join(', ')}`);
    }
    const key = JSON.stringify([query, mediaType, params(fields['default-graph-uri']), params(fields['named-graph-uri'])]);
    const cached = dataset.answers.get(key);
    const answer = cached ?? await deps.queries().run({ query: admitted, mediaType, base: dataset.base, context: dataset.context });
    if (!cached) dataset.answers.set(key, answer);
    res.setHeader('Content-Type', `${answer.mediaType}; charset=utf-8`);
    res.setHeader('Vary', 'Accept');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-SPARQL-Result-Limit', String(deps.configuration.resultLimit));
    if (answer.truncated) res.setHeader('X-SPARQL-Results-Truncated', 'true');
    res.status(200).send(answer.body);
    log(200, { results: answer.size, truncated: answer.truncated, cached: cached !== undefined });
  } catch (error) {
    if (error instanceof QueryRefused) { log(error.status, { refused: error.message }); return sendError(res, error.status, error.message); }
    if (error instanceof QueryTimeout) { log(503, { timeout: true }); return sendError(res, 503, error.message); }
    if (error instanceof QueryOutOfMemory) { log(503, { outOfMemory: true }); return sendError(res, 503, error.message); }
    if (error instanceof QueueFull) { log(503, { queueFull: true }); return sendError(res, 503, error.message, { 'Retry-After': '5' }); }
    if (error instanceof StoreFailure) { log(502, { store: error.message }); return sendError(res, 502, error.message); }
    log(500, { error: String(error) });
    deps.log.error({ err: error }, 'query failed');
    return sendError(res, 500, `the query failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function describeService(req: Request, res: Response, deps: SparqlEndpointDeps, dataset: ServedDataset): Promise<void> {
  const mediaType = negotiate(req, [html, ...rdfFormats.map((f) => f.mediaType)]);
  if (mediaType === html) return deps.queryPage(req, res);
  if (!mediaType) return sendError(res, 406, `no acceptable format; offered ${[html, ...rdfFormats.map((f) => f.mediaType)].join(', ')}`);
  const representation = await dataset.representation('service-description', mediaType, () =>
    serialiseQuads(serviceDescription(dataset.manifest, dataset.graphs()), mediaType, { base: dataset.base, context: dataset.context }));
  sendRepresentation(req, res, dataset, representation, { negotiated: true });
}
