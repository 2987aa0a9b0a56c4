/**
 * The application: the prepared-entity lane first (see PreparedEntityLane.ts), then the Express app with
 * the middleware every request passes (request log, security headers, compression) and the routes,
 * mounted under the base IRI's path. The dataset and the query executor are read through functions, so
 * a reload swaps them without rebuilding the app.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type Request, type Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { QueryExecutor } from '../store/QueryExecutor.ts';
import type { ServerConfiguration } from './Configuration.ts';
import { readExampleQueries } from './ExampleQueries.ts';
import { exportRoutes } from './ExportRoutes.ts';
import { linkedDataRoutes } from './LinkedDataRoutes.ts';
import { pageRoutes } from './PageRoutes.ts';
import { preparedEntityLane, type NodeMiddleware } from './PreparedEntityLane.ts';
import { sendError } from './Responses.ts';
import type { ServedDataset } from './ServedDataset.ts';
import { sparqlEndpoint } from './SparqlEndpoint.ts';
import { renderDocument } from './pages/Html.ts';
import { SparqlPage } from './pages/SparqlPage.ts';
import { uiLanguage } from './UiLanguage.ts';

export interface AppState {
  readonly dataset: () => ServedDataset;
  readonly queries: () => QueryExecutor;
  readonly ready: () => boolean;
  readonly draining: () => boolean;
  /** Whether every entity representation has been made ahead (see EntityRepresentations.ts). */
  readonly prepared: () => boolean;
}

/** The Content-Security-Policy of every page: nothing inline, nothing from another host. */
export const cspDirectives = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"],
};

/**
 * The query page only: YASGUI's result table (its column-resizer) injects one fixed <style> element;
 * that exact content is allowed by its hash, nothing else inline. The browser tests fail if it changes.
 */
export const queryPageStyleHashes = ["'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='"];

export const assetsDir = new URL('./assets/', import.meta.url).pathname;
export const bundleDir = new URL('../../dist/assets/', import.meta.url).pathname;

/** Node's request listener: the prepared-entity lane, and Express for everything the lane leaves. */
export function createRequestListener(state: AppState, configuration: ServerConfiguration, log: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  const requestLog = pinoHttp({ logger: log, customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'), autoLogging: { ignore: (req) => req.url === '/healthz' } });
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives },
    crossOriginResourcePolicy: { policy: 'cross-origin' }, // our data is meant to be fetched from other origins
    crossOriginEmbedderPolicy: false,
  }) as NodeMiddleware;
  const app = createApp(state, configuration, log, [requestLog, securityHeaders]);
  const lane = preparedEntityLane({ dataset: state.dataset, draining: state.draining, before: [requestLog, securityHeaders] });
  return (req, res) => { if (!lane(req, res)) app(req, res); };
}

/** The Express application; the two middlewares given are the request log and the security headers, shared with the lane. */
export function createApp(state: AppState, configuration: ServerConfiguration, log: Logger, [requestLog, securityHeaders]: readonly [NodeMiddleware, NodeMiddleware]): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // representations carry their own strong ETags
  app.set('query parser', 'extended');

  app.use(requestLog);
  app.use((req, res, next) => {
    if (state.draining()) { res.setHeader('Connection', 'close'); return sendError(res, 503, 'the server is shutting down', { 'Retry-After': '5' }); }
    next();
  });
  app.use(securityHeaders);
  app.use(compression({ threshold: 1024, filter: (req, res) => !res.getHeader('Content-Encoding') && compression.filter(req, res) }));

  const root = new URL(configuration.base).pathname;
  const router = express.Router();
  router.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  router.get('/readyz', (_req, res) => {
    const ready = state.ready();
    res.status(ready ? 200 : 503).json(ready ? { status: 'ready', version: state.dataset().version, triples: state.dataset().manifest.statistics.triples, representationsPrepared: state.prepared() } : { status: 'starting' });
  });
  router.use('/assets', express.static(assetsDir, { maxAge: '1h', fallthrough: true }), express.static(bundleDir, { maxAge: '1h' }));

  const queryPage = (req: Request, res: Response) => {
    const dataset = state.dataset();
    const hasEditor = existsSync(`${bundleDir}sparql-editor.js`);
    res.type('text/html; charset=utf-8').setHeader('Vary', 'Accept');
    const current = String(res.getHeader('Content-Security-Policy') ?? '');
    res.setHeader('Content-Security-Policy', current.replace("style-src 'self'", `style-src 'self' ${queryPageStyleHashes.join(' ')}`));
    res.send(renderDocument(SparqlPage(readExampleQueries(dataset.base), dataset.base, uiLanguage(req), req.path, hasEditor)));
  };
  router.use('/sparql', sparqlEndpoint({ dataset: state.dataset, queries: state.queries, configuration, log: log.child({ component: 'sparql' }), queryPage }));
  router.get('/queries/:file', (req, res) => {
    const example = readExampleQueries(state.dataset().base).find((q) => q.file === req.params.file);
    if (!example) return sendError(res, 404, 'no such example query');
    res.type('application/sparql-query; charset=utf-8').send(example.query);
  });
  router.use(pageRoutes(state.dataset));
  router.use(linkedDataRoutes(state.dataset));
  router.use(exportRoutes(state.dataset));
  app.use(root, router);

  app.use((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed; this server only reads', { Allow: 'GET, HEAD' });
    sendError(res, 404, `nothing is published at ${req.originalUrl}`);
  });
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: () => void) => {
    const status = error.status && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) log.error({ err: error }, 'request failed');
    if (res.headersSent) return res.end();
    sendError(res, status, status === 413 ? `the request body is larger than the limit of ${configuration.bodyLimitBytes} bytes` : status < 500 ? error.message : 'internal error');
  });
  return app;
}
