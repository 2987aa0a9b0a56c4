/**
 * Loading a build into an external store by the Graph Store Protocol, against a small store made on
 * purpose (tests/support/fakeSparqlStore.ts): the build is the small fixture corpus's, or a dataset.nq
 * written here to put graphs larger than a chunk, graphs met twice and blank nodes where a test wants
 * them. The loader is also run against a real Virtuoso with the whole corpus by npm run test:store (its
 * global setup loads the store with it).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { writeRdf } from '../../src/dataset/RdfFormats.ts';
import { readManifest } from '../../src/store/DatasetStore.ts';
import { ensureLoaded, graphsOfLoadedBuild, loadedVersion, loadIntoStore, loadRecordIri } from '../../src/store/GraphStoreLoader.ts';
import { StoreFailure } from '../../src/store/QueryExecutor.ts';
import { SparqlStoreClient } from '../../src/store/SparqlStoreClient.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';
import { startFakeSparqlStore, type FakeSparqlStore } from '../support/fakeSparqlStore.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;
let fake: FakeSparqlStore;
let built: string;

beforeAll(async () => {
  const corpus = makeFixtureCorpus();
  built = (await buildDataset({ base: 'http://example.org/', location: corpus, distDir: corpus.distDir })).dir!;
  fake = await startFakeSparqlStore();
});
afterAll(() => fake?.close());
beforeEach(() => { fake.store = new Store(); fake.forget(); });

const client = () => new SparqlStoreClient(fake.endpoint, 60_000);
const settings = (more: { chunkTriples?: number } = {}) => ({ url: fake.graphStore, ...fake.credentials, ...more });
const requestLines = () => fake.requests.map((r) => `${r.method} ${r.graph}`);

const base = 'http://example.org/';
const graph = (name: string) => namedNode(`${base}graph/${name}`);
/** `n` triples `<s{i}> <p> "{i}"` in the graph. */
const triplesIn = (g: ReturnType<typeof graph>, n: number, from = 0): Quad[] =>
  Array.from({ length: n }, (_, i) => quad(namedNode(`${base}s${from + i}`), namedNode(`${base}p`), literal(String(from + i)), g));

/** A build folder holding just a manifest and a dataset.nq of these quads, in this order. */
async function madeBuild(quads: readonly Quad[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rcp-loader-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ base, ontologyNamespace: `${base}ontology#`, version: 'made-1', statistics: { quads: quads.length } }));
  writeFileSync(join(dir, 'dataset.nq'), await writeRdf(quads, 'N-Quads'));
  return dir;
}

describe('loading a build into a store by the Graph Store Protocol', () => {
  it('puts every named graph of the build, then records the build version and its graphs', async () => {
    const manifest = readManifest(built);
    const report = await loadIntoStore(built, client(), settings());
    expect(report.triples).toBe(manifest.statistics.quads);
    expect(fake.store.getGraphs(null, null, null).length).toBe(report.graphs + 1); // and the record graph
    expect(fake.store.countQuads(null, null, null, null)).toBe(manifest.statistics.quads + 1 + report.graphs);
    expect(requestLines().at(-1)).toBe(`PUT ${loadRecordIri(manifest.base)}`);
    expect(await loadedVersion(client(), manifest.base)).toBe(manifest.version);
    const graphs = fake.store.getGraphs(null, null, null).map((g) => g.value).filter((g) => g !== loadRecordIri(manifest.base)).sort();
    expect(await graphsOfLoadedBuild(client(), manifest.base)).toEqual(graphs);
  });

  it('loads when the store holds no build, and not again once it holds this one', async () => {
    expect(await ensureLoaded(built, client(), settings(), () => {})).toBe(true);
    fake.forget();
    expect(await ensureLoaded(built, client(), settings(), () => {})).toBe(false);
    expect(fake.requests).toEqual([]);
  });

  it('deletes the graphs of an older build that this build no longer has, and no graph outside the dataset', async () => {
    const stale = graph('a-text-since-removed');
    const foreign = namedNode('http://example.org/someone-elses-graph');
    for (const g of [stale, foreign]) fake.store.addQuad(namedNode(`${base}s`), namedNode(`${base}p`), literal('o'), g);
    const report = await loadIntoStore(built, client(), settings());
    expect(report.deleted).toBe(1);
    expect(requestLines()).toContain(`DELETE ${stale.value}`);
    expect(fake.store.countQuads(null, null, null, stale)).toBe(0);
    expect(fake.store.countQuads(null, null, null, foreign)).toBe(1);
  });

  it('fails with the store\'s answer when the credentials are refused, and never records the build', async () => {
    const refused = { url: fake.graphStore, user: 'loader', password: 'wrong' };
    await expect(loadIntoStore(built, client(), refused)).rejects.toThrow(StoreFailure);
    await expect(loadIntoStore(built, client(), refused)).rejects.toThrow(/answered 401/);
    expect(await loadedVersion(client(), base)).toBeUndefined();
  });

  it('without a Graph Store Protocol URL, says how to load the store instead of serving it empty', async () => {
    await expect(ensureLoaded(built, client(), {}, () => {})).rejects.toThrow(/holds no build.*SPARQL_GRAPH_STORE.*load-store/);
  });

  it('finds the graphs by scanning the store when the record lists none (a store loaded by its own bulk loader)', async () => {
    await loadIntoStore(built, client(), settings());
    const listed = await graphsOfLoadedBuild(client(), base);
    const record = namedNode(loadRecordIri(base));
    for (const q of fake.store.getQuads(record, namedNode('http://schema.org/hasPart'), null, record)) fake.store.removeQuad(q);
    expect(await graphsOfLoadedBuild(client(), base)).toEqual(listed);
  });
});

describe('loading in chunks, so that memory is bounded by a chunk and not by a graph', () => {
  it('sends a graph larger than a chunk as one PUT and then POSTs, none larger than the chunk, and the store holds all of it', async () => {
    const quads = [...triplesIn(graph('big'), 25), ...triplesIn(graph('small'), 3, 100)];
    const report = await loadIntoStore(await madeBuild(quads), client(), settings({ chunkTriples: 10 }));
    expect(fake.requests.map((r) => `${r.method} ${r.graph} ${r.triples}`)).toEqual([
      `PUT ${graph('big').value} 10`, `POST ${graph('big').value} 10`, `POST ${graph('big').value} 5`,
      `PUT ${graph('small').value} 3`,
      `PUT ${loadRecordIri(base)} 3`, // the version and the two graphs
    ]);
    expect(report).toMatchObject({ graphs: 2, triples: 28, requests: 5 });
    expect(fake.store.countQuads(null, null, null, graph('big'))).toBe(25);
    expect(fake.store.countQuads(null, null, null, graph('small'))).toBe(3);
  });

  it('replaces what an earlier load left in a graph with its first chunk, and merges the rest', async () => {
    fake.store.addQuad(namedNode(`${base}old`), namedNode(`${base}p`), literal('old'), graph('big'));
    await loadIntoStore(await madeBuild(triplesIn(graph('big'), 12)), client(), settings({ chunkTriples: 5 }));
    expect(fake.store.countQuads(namedNode(`${base}old`), null, null, null)).toBe(0);
    expect(fake.store.countQuads(null, null, null, graph('big'))).toBe(12);
  });

  it('merges a graph met again after another one rather than replacing what was sent of it', async () => {
    const quads = [...triplesIn(graph('a'), 4), ...triplesIn(graph('b'), 2, 10), ...triplesIn(graph('a'), 3, 20)];
    await loadIntoStore(await madeBuild(quads), client(), settings({ chunkTriples: 100 }));
    expect(requestLines().slice(0, 3)).toEqual([`PUT ${graph('a').value}`, `PUT ${graph('b').value}`, `POST ${graph('a').value}`]);
    expect(fake.store.countQuads(null, null, null, graph('a'))).toBe(7);
  });

  it('keeps blank nodes whole within the first chunk of a graph, and refuses to split them across requests', async () => {
    const g = graph('with-blank-nodes');
    const list = blankNode('list');
    const first = [quad(namedNode(`${base}c`), namedNode(`${base}members`), list, g), quad(list, namedNode(`${base}first`), literal('x'), g)];
    await loadIntoStore(await madeBuild([...first, ...triplesIn(g, 8)]), client(), settings({ chunkTriples: 4 }));
    expect(fake.store.countQuads(null, null, null, g)).toBe(10);

    fake.store = new Store();
    const split = [...triplesIn(g, 5), ...first];
    await expect(loadIntoStore(await madeBuild(split), client(), settings({ chunkTriples: 4 }))).rejects.toThrow(/blank nodes after its first 4 triples/);
    expect(await loadedVersion(client(), base)).toBeUndefined();
  });

  it('refuses a chunk size that is not a positive whole number', async () => {
    await expect(loadIntoStore(built, client(), settings({ chunkTriples: 0 }))).rejects.toThrow(/chunk size/);
  });
});
