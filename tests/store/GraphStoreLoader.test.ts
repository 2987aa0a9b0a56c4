/**
 * Loading a build into an external store by the Graph Store Protocol, against a small store made on
 * purpose here: an HTTP server with a Graph Store Protocol URL that asks for Basic credentials, and a
 * SPARQL endpoint answering from what was PUT (Comunica over an N3.js store); the build is the small
 * fixture corpus's. The loader is also run against a real Virtuoso with the whole corpus by
 * npm run test:store (its global setup loads the store with it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataFactory, Parser, Store } from 'n3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { readManifest } from '../../src/store/DatasetStore.ts';
import { ensureLoaded, loadedVersion, loadIntoStore, loadRecordIri } from '../../src/store/GraphStoreLoader.ts';
import { StoreFailure } from '../../src/store/QueryExecutor.ts';
import { parseQuery } from '../../src/store/QueryRewriting.ts';
import { SparqlEngine, writeBindings } from '../../src/store/SparqlEngine.ts';
import { SparqlStoreClient } from '../../src/store/SparqlStoreClient.ts';
import type { Variable } from '@rdfjs/types';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';

const credentials = { user: 'loader', password: 'secret' };
let server: Server;
let store: Store;
let requests: string[];
let endpoint: string;
let graphStore: string;
let built: string;

function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve) => { let body = ''; req.setEncoding('utf8'); req.on('data', (c: string) => { body += c; }); req.on('end', () => resolve(body)); });
}

beforeAll(async () => {
  const corpus = makeFixtureCorpus();
  built = (await buildDataset({ base: 'http://example.org/', location: corpus, distDir: corpus.distDir })).dir!;
  server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    const body = await readBody(req);
    if (url.pathname === '/sparql') {
      const query = new URLSearchParams(body).get('query')!;
      const parsed = parseQuery(query) as { variables?: Variable[] };
      const rows = await new SparqlEngine(store).bindings(query);
      res.setHeader('content-type', 'application/sparql-results+xml');
      return res.end(await writeBindings(parsed.variables ?? [], rows, 'application/sparql-results+xml'));
    }
    const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="graph store"' });
      return res.end();
    }
    const graph = DataFactory.namedNode(url.searchParams.get('graph')!);
    requests.push(`${req.method} ${graph.value}`);
    if (req.method === 'PUT' || req.method === 'DELETE') for (const q of store.getQuads(null, null, null, graph)) store.removeQuad(q);
    if (req.method === 'PUT') {
      for (const q of new Parser({ format: 'Turtle' }).parse(body)) store.addQuad(q.subject, q.predicate, q.object, graph);
    }
    res.writeHead(req.method === 'PUT' ? 201 : 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoint = `${origin}/sparql`;
  graphStore = `${origin}/graph-store`;
});
afterAll(() => server?.close());
beforeEach(() => { store = new Store(); requests = []; });

const builtDir = () => built;
const client = () => new SparqlStoreClient(endpoint, 60_000);

describe('loading a build into a store by the Graph Store Protocol', () => {
  it('puts every named graph of the build, then records the build version', async () => {
    const manifest = readManifest(builtDir());
    const report = await loadIntoStore(builtDir(), client(), { url: graphStore, ...credentials });
    expect(report.triples).toBe(manifest.statistics.quads);
    expect(store.getGraphs(null, null, null).length).toBe(report.graphs + 1); // and the record graph
    expect(store.countQuads(null, null, null, null)).toBe(manifest.statistics.quads + 1);
    expect(requests.at(-1)).toBe(`PUT ${loadRecordIri(manifest.base)}`);
    expect(await loadedVersion(client(), manifest.base)).toBe(manifest.version);
  });

  it('loads when the store holds no build, and not again once it holds this one', async () => {
    expect(await ensureLoaded(builtDir(), client(), { url: graphStore, ...credentials }, () => {})).toBe(true);
    requests = [];
    expect(await ensureLoaded(builtDir(), client(), { url: graphStore, ...credentials }, () => {})).toBe(false);
    expect(requests).toEqual([]);
  });

  it('deletes the graphs of an older build that this build no longer has, and no graph outside the dataset', async () => {
    const { base } = readManifest(builtDir());
    const stale = DataFactory.namedNode(`${base}graph/a-text-since-removed`);
    const foreign = DataFactory.namedNode('http://example.org/someone-elses-graph');
    for (const graph of [stale, foreign]) store.addQuad(DataFactory.namedNode('http://example.org/s'), DataFactory.namedNode('http://example.org/p'), DataFactory.literal('o'), graph);
    const report = await loadIntoStore(builtDir(), client(), { url: graphStore, ...credentials });
    expect(report.deleted).toBe(1);
    expect(requests).toContain(`DELETE ${stale.value}`);
    expect(store.countQuads(null, null, null, stale)).toBe(0);
    expect(store.countQuads(null, null, null, foreign)).toBe(1);
  });

  it('fails with the store\'s answer when the credentials are refused, and never records the build', async () => {
    const { base } = readManifest(builtDir());
    await expect(loadIntoStore(builtDir(), client(), { url: graphStore, user: 'loader', password: 'wrong' })).rejects.toThrow(StoreFailure);
    await expect(loadIntoStore(builtDir(), client(), { url: graphStore, user: 'loader', password: 'wrong' })).rejects.toThrow(/answered 401/);
    expect(await loadedVersion(client(), base)).toBeUndefined();
  });

  it('without a Graph Store Protocol URL, says how to load the store instead of serving it empty', async () => {
    await expect(ensureLoaded(builtDir(), client(), {}, () => {})).rejects.toThrow(/holds no build.*SPARQL_GRAPH_STORE.*load-store/);
  });
});
