/**
 * Puts a published build into an external store with the SPARQL 1.1 Graph Store Protocol: each named
 * graph is replaced by an HTTP PUT of its triples (N-Triples, sent as Turtle, which every store reads),
 * graphs of an older build that this one no longer has are deleted, and last a small record graph
 * states which build the store now holds, so a restart does not load the same build again and a
 * load that failed half-way is retried. Credentials, where the store asks for them, are answered with
 * HTTP Basic or Digest authentication, whichever the store's challenge names (Virtuoso: Digest).
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
}

/** The graph (and subject) recording the loaded build: outside {base}graph/, so never served as data. */
export const loadRecordIri = (base: string) => `${base}store/loaded-build`;

const loadedVersionTemplate = parseQuery(`SELECT ?version WHERE { GRAPH ?record { ?record <${schema('version').value}> ?version } }`);

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

export interface LoadReport { readonly graphs: number; readonly triples: number; readonly deleted: number }

/**
 * Loads the build in `builtDir` into the store. `report` gets one line per step.
 */
export async function loadIntoStore(builtDir: string, client: SparqlStoreClient, settings: GraphStoreSettings, report: (message: string) => void = () => {}): Promise<LoadReport> {
  const manifest = readManifest(builtDir);
  const record = loadRecordIri(manifest.base);
  const graphUrl = (iri: string) => `${settings.url}${settings.url.includes('?') ? '&' : '?'}${new URLSearchParams({ graph: iri })}`;
  const send = await authenticatedFetch(settings, graphUrl(record));
  const request = async (method: 'PUT' | 'DELETE', iri: string, triples?: readonly Quad[]) => {
    const body = triples && await writeRdf(triples, 'N-Triples');
    const response = await send(graphUrl(iri), { method, ...(body !== undefined && { body, headers: { 'content-type': 'text/turtle; charset=utf-8' } }) });
    if (!response.ok && !(method === 'DELETE' && response.status === 404)) {
      throw new StoreFailure(`${method} of the graph <${iri}> at ${settings.url} answered ${response.status}: ${(await response.text()).slice(0, 300).trim()}`);
    }
  };

  const graphs = await readGraphs(join(builtDir, 'dataset.nq'));
  let triples = 0;
  for (const [iri, quads] of graphs) {
    await request('PUT', iri, quads);
    triples += quads.length;
    report(`loaded ${quads.length} triples into <${iri}>`);
  }
  const stale = (await StoreSlices.graphsIn(client, manifest.base)).filter((iri) => !graphs.has(iri));
  for (const iri of stale) {
    await request('DELETE', iri);
    report(`deleted <${iri}>, which this build no longer has`);
  }
  await request('PUT', record, recordOf(manifest));
  report(`the store now holds build ${manifest.version}`);
  return { graphs: graphs.size, triples, deleted: stale.length };
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

function recordOf(manifest: BuildManifest): Quad[] {
  const record = namedNode(loadRecordIri(manifest.base));
  return [quad(record, schema('version'), literal(manifest.version), defaultGraph())];
}

/** The build's quads by named graph, each as triples. */
function readGraphs(nquadsFile: string): Promise<Map<string, Quad[]>> {
  const graphs = new Map<string, Quad[]>();
  return new Promise((resolve, reject) => {
    createReadStream(nquadsFile, 'utf8')
      .pipe(new StreamParser({ format: 'N-Quads' }))
      .on('data', (q: Quad) => {
        const triples = graphs.get(q.graph.value) ?? [];
        triples.push(quad(q.subject, q.predicate, q.object, defaultGraph()));
        graphs.set(q.graph.value, triples);
      })
      .on('error', reject)
      .on('end', () => resolve(graphs));
  });
}
