/**
 * Starting, reloading and stopping the server (the edge where the process meets the network):
 * builds the dataset if it is out of date, loads it (into the embedded store, or into an external SPARQL
 * store if it holds another build), warms the query workers, listens with timeouts
 * that slow clients cannot hold open, reloads a new build without dropping requests, and shuts down
 * gracefully: in-flight requests finish, new ones are refused.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { ensureBuilt } from '../dataset/Freshness.ts';
import { currentBuildDir, defaultDistDir } from '../dataset/Publication.ts';
import { ExternalQueryExecutor } from '../store/ExternalQueryExecutor.ts';
import { readManifest } from '../store/DatasetStore.ts';
import { ensureLoaded, graphsOfLoadedBuild } from '../store/GraphStoreLoader.ts';
import type { QueryExecutor } from '../store/QueryExecutor.ts';
import { QueryPool } from '../store/QueryPool.ts';
import { SparqlStoreClient } from '../store/SparqlStoreClient.ts';
import { StoreSlices } from '../store/StoreSlices.ts';
import { createRequestListener } from './App.ts';
import type { ServerConfiguration } from './Configuration.ts';
import { ServedDataset } from './ServedDataset.ts';
import { prepareEntityRepresentations } from './EntityRepresentations.ts';

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly log: Logger;
  /** Loads the current published build and swaps it in; requests in flight finish on the old one. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Skip building: serve whatever is published (tests that prepare their own dist). */
  readonly build?: boolean;
  readonly logger?: Logger;
}

export async function startServer(configuration: ServerConfiguration, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.logger ?? pino({ level: configuration.logLevel });
  const distDir = configuration.distDir ?? defaultDistDir;
  const started = performance.now();
  const dir = options.build === false ? currentBuildDir(distDir) : await ensureBuilt(configuration.base, (m) => log.info(m), distDir);
  if (!dir) throw new Error(`no published dataset in ${distDir}: run npm run build`);
  const open = (builtDir: string) => openDataset(builtDir, configuration, log);
  let { dataset, queries } = await open(dir);
  let ready = false;
  let draining = false;
  let prepared = false;
  const prepare = (served: ServedDataset) => {
    if (!configuration.prepareRepresentations) return;
    const began = performance.now();
    prepareEntityRepresentations(served, () => dataset === served && !draining).then((made) => {
      if (dataset !== served || draining) return;
      prepared = true;
      log.info({ representations: made, ms: Math.round(performance.now() - began) }, `prepared ${made} entity representations`);
    }, (error: unknown) => log.error({ err: error }, 'preparing representations failed; they are made on request instead'));
  };
  const app = createRequestListener({ dataset: () => dataset, queries: () => queries, ready: () => ready, draining: () => draining, prepared: () => prepared }, configuration, log);

  const server = createServer({
    maxHeaderSize: 16_384, requestTimeout: configuration.requestTimeoutMs, headersTimeout: configuration.headersTimeoutMs, keepAliveTimeout: 5_000,
    // How often Node looks for clients past those timeouts (its default, 30 s, lets a slow client hold a socket far longer).
    connectionsCheckingInterval: Math.min(1_000, configuration.headersTimeoutMs),
  }, app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(configuration.port, configuration.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${configuration.host === '0.0.0.0' ? 'localhost' : configuration.host}:${port}/`;
  await queries.warmUp();
  ready = true;
  prepare(dataset);
  const stats = dataset.manifest.statistics;
  log.info({
    url, base: configuration.base, dataset: dir, version: dataset.version, triples: stats.triples, quads: stats.quads, entities: stats.entities,
    texts: stats.texts, startupMs: Math.round(performance.now() - started),
  }, `serving ${stats.triples} triples (${stats.entities} entities, ${stats.texts} texts) at ${url}: SPARQL ${configuration.base}sparql, entities ${configuration.base}id/…, dumps ${configuration.base}dump.nq`);

  return {
    server, url, log,
    async reload() {
      const next = currentBuildDir(distDir);
      if (!next || next === dataset.dir) return;
      const opened = await open(next);
      await opened.queries.warmUp();
      const old = queries;
      ({ dataset, queries } = opened);
      prepared = false;
      prepare(dataset);
      log.info({ dataset: next, version: dataset.version }, 'reloaded the published dataset');
      setTimeout(() => void old.close(), configuration.queryTimeoutMs + 1000).unref();
    },
    async close() {
      draining = true;
      ready = false;
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queries.close();
    },
  };
}

/**
 * The build in `dir` and where its queries run: loaded whole into the embedded store with a pool of
 * query workers, or, with SPARQL_STORE, read from the external store (loaded into it first if it holds
 * another build), with the queries sent to it and only the build's entity index held here.
 */
async function openDataset(dir: string, configuration: ServerConfiguration, log: Logger): Promise<{ dataset: ServedDataset; queries: QueryExecutor }> {
  const { base, ontologyNamespace } = readManifest(dir);
  if (base !== configuration.base) throw new Error(`the build in ${dir} is for ${base}, not ${configuration.base}: rebuild`);
  const external = configuration.externalStore;
  if (!external) {
    // The pages' dataset first, then the pool, whose threads load the build while the pages are served:
    // on two cores, loading all at once put the benchmark's first answer at 8.0 s, this order at about
    // 5 s, and the workers are ready no later (see "Performance" in the README).
    const dataset = await ServedDataset.load(dir, configuration);
    const queries = new QueryPool(
      { builtDir: dir, workers: configuration.queryWorkers, queue: configuration.queryQueue, timeoutMs: configuration.queryTimeoutMs, memoryMb: configuration.queryMemoryMb },
      (error) => log.error({ err: error }, 'a query worker died; a new one takes its place'));
    return { dataset, queries };
  }
  const client = new SparqlStoreClient(external.endpoint, configuration.queryTimeoutMs);
  // Start-up talks to a store that may be busy (loading, or serving other instances): it is not held to
  // the time limit of one client's query, which is for serving.
  const startup = new SparqlStoreClient(external.endpoint, Math.max(configuration.queryTimeoutMs, 120_000));
  await ensureLoaded(dir, startup, { url: external.graphStore, user: external.user, password: external.password }, (message) => log.info({ store: external.endpoint }, message));
  // The graph list from the load record, the entity index from the build: nothing here reads
  // dataset.nq (unless the store was to be loaded) or the store's whole content.
  const slices = new StoreSlices(client, await graphsOfLoadedBuild(startup, base), base, ontologyNamespace);
  return {
    dataset: await ServedDataset.connect(dir, slices, configuration),
    queries: new ExternalQueryExecutor(client, slices.graphs, { concurrent: configuration.queryWorkers + configuration.queryQueue }),
  };
}
