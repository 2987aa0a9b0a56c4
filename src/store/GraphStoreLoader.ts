/**
 * Puts a published build into an external store with the SPARQL 1.1 Graph Store Protocol, reading
 * dataset.nq as a stream so that memory is bounded by one chunk of triples, not by a graph or the
 * dataset: the first chunk of each named graph replaces the graph (HTTP PUT), the next chunks of the
 * same graph are merged into it (HTTP POST), each as N-Triples sent as Turtle, which every store reads.
 * Graphs of an older build that this one no longer has are then deleted, and last a small record graph
 * states which build the store now holds and its graphs, so a restart does not load the same build
 * again, a load that failed half-way is retried, and the server learns the graph list without scanning
 * the store. Credentials, where the store asks for them, are answered with HTTP Basic or Digest
 * authentication, whichever the store's challenge names (Virtuoso: Digest).
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, StreamParser } from 'n3';
import { DigestClient } from 'digest-fetch';
import type { Quad } from '@rdfjs/types';
import type { BuildManifest } from '../dataset/DatasetBuilder.ts';
import { writeRdf } from '../dataset/RdfFormats.ts';
import { schema } from '../ontology/Vocabulary.ts';
import { readManifest } from './DatasetStore.ts';
import { StoreFailure } from './QueryExecutor.ts';
import { parseQuery, substituteTerms } from './QueryRewriting.ts';
import type { SparqlStoreClient } from './SparqlStoreClient.ts';
import { StoreSlices } from './StoreSlices.ts';

const { namedNode, literal, quad, defaultGraph } = DataFactory;

export interface GraphStoreSettings {
  /** The Graph Store Protocol URL (indirect graph identification: `?graph=IRI`). */
  readonly url: string;
  readonly user?: string;
  readonly password?: string;
  /** Most triples sent in one request; a larger graph is sent as a PUT and then POSTs (default 100 000). */
  readonly chunkTriples?: number;
}

export const defaultChunkTriples = 100_000;

/** The graph (and subject) recording the loaded build: outside {base}graph/, so never served as data. */
export const loadRecordIri = (base: string) => `${base}store/loaded-build`;

const loadedVersionTemplate = parseQuery(`SELECT ?version WHERE { GRAPH ?record { ?record <${schema('version').value}> ?version } }`);
const loadedGraphsTemplate = parseQuery(`SELECT ?graph WHERE { GRAPH ?record { ?record <${schema('hasPart').value}> ?graph } }`);

/** The version of the build the store holds, if any. */
export async function loadedVersion(client: SparqlStoreClient, base: string): Promise<string | undefined> {
  const record = namedNode(loadRecordIri(base));
  const { rows } = await client.select(substituteTerms(loadedVersionTemplate, { record }));
  return rows[0]?.version?.value;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** A fetch that answers the store's authentication challenge with the given credentials. */
async function authenticatedFetch(settings: GraphStoreSettings, probe: string): Promise<Fetch> {
  if (settings.user === undefined) return (url, init) => fetch(url, init);
  const challenge = (await fetch(probe, { method: 'GET' })).headers.get('www-authenticate') ?? '';
  const client = new DigestClient(settings.user, settings.password ?? '', { basic: !/^digest/i.test(challenge) });
  return (url, init) => client.fetch(url, init) as Promise<Response>;
}

export interface LoadReport { readonly graphs: number; readonly triples: number; readonly deleted: number; readonly requests: number }

/**
 * Loads the build in `builtDir` into the store. `report` gets one line per graph and step.
 * The build writes each graph's quads together, so a graph is one PUT (and POSTs if it is larger than
 * a chunk); a graph met again further on is merged into what was sent of it, never replaced.
 */
export async function loadIntoStore(builtDir: string, client: SparqlStoreClient, settings: GraphStoreSettings, report: (message: string) => void = () => {}): Promise<LoadReport> {
  const manifest = readManifest(builtDir);
  const chunkTriples = settings.chunkTriples ?? defaultChunkTriples;
  if (!Number.isInteger(chunkTriples) || chunkTriples < 1) throw new Error(`the chunk size must be a whole number of triples, not ${chunkTriples}`);
  const record = loadRecordIri(manifest.base);
  const graphUrl = (iri: string) => `${settings.url}${settings.url.includes('?') ? '&' : '?'}${new URLSearchParams({ graph: iri })}`;
  const send = await authenticatedFetch(settings, graphUrl(record));
  let requests = 0;
  const request = async (method: 'PUT' | 'POST' | 'DELETE', iri: string, triples?: readonly Quad[]) => {
    const body = triples && await writeRdf(triples, 'N-Triples');
    requests++;
    const response = await send(graphUrl(iri), { method, ...(body !== undefined && { body, headers: { 'content-type': 'text/turtle; charset=utf-8' } }) });
    if (!response.ok && !(method === 'DELETE' && response.status === 404)) {
      throw new StoreFailure(`${method} of the graph <${iri}> at ${settings.url} answered ${response.status}: ${(await response.text()).slice(0, 300).trim()}`);
    }
    await response.arrayBuffer().catch(() => undefined); // read to the end, so the connection is reused
  };

  // Graphs of which something was sent: a later chunk of one is merged (POST), not put.
  const sent = new Set<string>();
  let current: string | undefined;
  let chunk: Quad[] = [];
  let inCurrent = 0;
  let triples = 0;
  // One request at a time and in order (a graph's PUT lands before its POSTs), while the next chunk is read.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (current === undefined || !chunk.length) return;
    const method = sent.has(current) ? 'POST' : 'PUT';
    sent.add(current);
    const [iri, body] = [current, chunk];
    chunk = [];
    await inFlight;
    inFlight = request(method, iri, body);
    inFlight.catch(() => {}); // its failure is thrown where it is awaited
  };
  for await (const q of readQuads(join(builtDir, 'dataset.nq'))) {
    if (q.graph.termType !== 'NamedNode') throw new Error(`dataset.nq has a quad outside any named graph: ${q.subject.value} ${q.predicate.value}`);
    const iri = q.graph.value;
    if (iri !== current) {
      await flush();
      if (current !== undefined) report(`loaded ${inCurrent} triples into <${current}>`);
      current = iri;
      inCurrent = 0;
    } else if (chunk.length >= chunkTriples) {
      await flush();
    }
    // Blank node labels are scoped to one request: one that spanned two would become two nodes.
    if (sent.has(iri) && hasBlankNode(q)) {
      throw new Error(`the graph <${iri}> has blank nodes after its first ${chunkTriples} triples (or after another graph's quads), which cannot be sent in separate requests without splitting them: load with a larger chunk size`);
    }
    chunk.push(quad(q.subject, q.predicate, q.object, defaultGraph()));
    inCurrent++;
    triples++;
  }
  await flush();
  await inFlight;
  if (current !== undefined) report(`loaded ${inCurrent} triples into <${current}>`);

  const stale = (await StoreSlices.graphsIn(client, manifest.base)).filter((iri) => !sent.has(iri));
  for (const iri of stale) {
    await request('DELETE', iri);
    report(`deleted <${iri}>, which this build no longer has`);
  }
  await request('PUT', record, recordOf(manifest, [...sent]));
  report(`the store now holds build ${manifest.version}`);
  return { graphs: sent.size, triples, deleted: stale.length, requests };
}

/**
 * The named graphs of the build the store holds, as its load record lists them (one small query,
 * where scanning the store for its graphs is slow on a large one); a store loaded by other means,
 * whose record gives only the version, is scanned.
 */
export async function graphsOfLoadedBuild(client: SparqlStoreClient, base: string): Promise<string[]> {
  const { rows } = await client.select(substituteTerms(loadedGraphsTemplate, { record: namedNode(loadRecordIri(base)) }));
  const listed = rows.map((row) => row.graph.value).filter((iri) => iri.startsWith(`${base}graph/`)).sort();
  return listed.length ? listed : StoreSlices.graphsIn(client, base);
}

/**
 * Makes sure the store holds the build in `builtDir`: loads it if the store holds no build or another
 * one, when a Graph Store Protocol URL is given; otherwise says how to load it. True if it loaded.
 */
export async function ensureLoaded(builtDir: string, client: SparqlStoreClient, settings: Partial<GraphStoreSettings>, report: (message: string) => void): Promise<boolean> {
  const manifest = readManifest(builtDir);
  const held = await loadedVersion(client, manifest.base);
  if (held === manifest.version) return false;
  if (!settings.url) {
    throw new Error(`the store at ${client.endpoint} holds ${held ? `build ${held}` : 'no build'}, not ${manifest.version}: set SPARQL_GRAPH_STORE (and SPARQL_STORE_USER, SPARQL_STORE_PASSWORD if it asks) so the server loads it, or run npm run cli -- load-store`);
  }
  report(`the store holds ${held ? `build ${held}` : 'no build'}; loading build ${manifest.version} into it`);
  await loadIntoStore(builtDir, client, { ...settings, url: settings.url }, report);
  return true;
}

function recordOf(manifest: BuildManifest, graphs: readonly string[]): Quad[] {
  const record = namedNode(loadRecordIri(manifest.base));
  return [
    quad(record, schema('version'), literal(manifest.version), defaultGraph()),
    ...[...graphs].sort().map((graph) => quad(record, schema('hasPart'), namedNode(graph), defaultGraph())),
  ];
}

/** The quads of an N-Quads file, read as they are asked for (the parser is paused while they are not). */
function readQuads(nquadsFile: string): AsyncIterable<Quad> {
  const parser = new StreamParser({ format: 'N-Quads' });
  const input = createReadStream(nquadsFile, 'utf8');
  input.on('error', (error) => parser.destroy(error));
  parser.on('close', () => input.destroy()); // a load stopped early closes the file too
  return input.pipe(parser) as AsyncIterable<Quad>;
}

function hasBlankNode(q: Quad): boolean {
  return q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode';
}
