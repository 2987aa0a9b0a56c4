/**
 * Clients that nobody on this project wrote, used as their users use them, against the real server:
 * Comunica querying /sparql as a SPARQL source, fetch-sparql-endpoint, rdf-dereference and jsonld on
 * entity IRIs, and Debian's python3-sparqlwrapper, python3-rdflib and rapper on the endpoint and the
 * dumps. (.ci/run installs the Debian packages.)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { QueryEngine } from '@comunica/query-sparql';
import { SparqlEndpointFetcher } from 'fetch-sparql-endpoint';
import jsonld from 'jsonld';
import { rdfDereferencer } from 'rdf-dereference';
import type { Quad } from '@rdfjs/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let endpoint: string;
const base = 'http://localhost:3000/';
const criticsOfSmirnov = `SELECT ?critic WHERE { ?critic <${base}ontology#criticised> <${base}id/person/v-smirnov> } ORDER BY ?critic`;
const expectedCritics = [`${base}id/document/trotsky-second-letter-vi-congress`, `${base}id/person/trotsky`];

beforeAll(async () => {
  server = await startTestServer();
  endpoint = new URL('/sparql', server.url).href;
});
afterAll(() => server?.close());

// Asynchronous on purpose: the server under test runs in this process and must keep answering.
const run = promisify(execFile);

async function python(script: string, ...args: string[]): Promise<string> {
  // Debian's Python packages are seen only by /usr/bin/python3.
  const { stdout } = await run('/usr/bin/python3', ['-c', script, ...args], { timeout: 300_000, maxBuffer: 1 << 26 });
  return stdout.trim();
}

async function rapper(...args: string[]): Promise<{ triples: number; stderr: string }> {
  const { stderr } = await run('rapper', ['-c', ...args], { timeout: 300_000, maxBuffer: 1 << 26 });
  return { triples: Number(/returned (\d+) triples/.exec(stderr)?.[1] ?? -1), stderr };
}

describe('JavaScript clients', () => {
  it('Comunica queries the endpoint as a SPARQL source', async () => {
    const engine = new QueryEngine();
    const bindings = await (await engine.queryBindings(criticsOfSmirnov, { sources: [{ type: 'sparql', value: endpoint }] })).toArray();
    expect(bindings.map((b) => b.get('critic')?.value).sort()).toEqual(expectedCritics);
  });

  it('fetch-sparql-endpoint gets bindings, a boolean and triples', async () => {
    const fetcher = new SparqlEndpointFetcher();
    const stream = await fetcher.fetchBindings(endpoint, criticsOfSmirnov);
    const rows: Record<string, { value: string }>[] = [];
    for await (const row of stream as AsyncIterable<Record<string, { value: string }>>) rows.push(row);
    expect(rows.map((r) => r.critic.value).sort()).toEqual(expectedCritics);
    expect(await fetcher.fetchAsk(endpoint, `ASK { <${base}id/person/trotsky> ?p ?o }`)).toBe(true);
    const triples: Quad[] = [];
    for await (const t of (await fetcher.fetchTriples(endpoint, `CONSTRUCT WHERE { <${base}id/person/trotsky> <http://www.w3.org/2000/01/rdf-schema#label> ?l }`)) as AsyncIterable<Quad>) triples.push(t);
    expect(triples.map((t) => t.object.value)).toContain('Leon Trotsky');
  });

  it('rdf-dereference dereferences an entity IRI by content negotiation', async () => {
    const { data, url: dereferenced } = await rdfDereferencer.dereference(new URL('/id/person/trotsky', server.url).href);
    const quads: Quad[] = [];
    for await (const q of data as AsyncIterable<Quad>) quads.push(q);
    expect(dereferenced).toBe(new URL('/id/person/trotsky', server.url).href);
    expect(quads.some((q) => q.subject.value === `${base}id/person/trotsky` && q.object.value === 'Leon Trotsky')).toBe(true);
  });

  it('jsonld expands an entity fetched from its IRI, with no remote context', async () => {
    const expanded = await jsonld.expand(new URL('/id/person/trotsky.jsonld', server.url).href as unknown as jsonld.JsonLdDocument);
    expect(JSON.stringify(expanded)).toContain('"@value":"Leon Trotsky"');
  });
});

describe('Debian clients', () => {
  it('python3-sparqlwrapper runs a query and reads the JSON results', async () => {
    const out = await python(`
import sys, json
from SPARQLWrapper import SPARQLWrapper, JSON
s = SPARQLWrapper(sys.argv[1]); s.setQuery(sys.argv[2]); s.setReturnFormat(JSON)
print(json.dumps(sorted(b["critic"]["value"] for b in s.query().convert()["results"]["bindings"])))
`, endpoint, criticsOfSmirnov);
    expect(JSON.parse(out)).toEqual(expectedCritics);
  });

  it('python3-rdflib parses an entity and the N-Quads dump with its graphs, and queries the endpoint', async () => {
    const out = await python(`
import sys, rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
g = rdflib.Graph(); g.parse(sys.argv[1] + "id/person/trotsky.ttl", format="turtle")
ds = rdflib.Dataset(); ds.parse(sys.argv[1] + "dump.nq", format="nquads")
dump = set((s, p, o) for s, p, o, _ in ds.quads((None, None, None, None)))
store = rdflib.Graph(SPARQLStore(sys.argv[1] + "sparql"))
asked = store.query("ASK { <${base}id/person/trotsky> ?p ?o }").askAnswer
print(len(g), len(dump), len(list(ds.contexts())), asked)
`, server.url);
    const [entity, dump, graphs, asked] = out.split(' ');
    const manifest = JSON.parse(readFileSync(join(inject('builtDir'), 'manifest.json'), 'utf8'));
    expect(Number(entity)).toBeGreaterThan(50);
    expect(Number(dump)).toBe(manifest.statistics.triples);
    expect(Number(graphs)).toBeGreaterThan(manifest.statistics.texts);
    expect(asked).toBe('True');
  }, 300_000);

  it('rapper parses the Turtle dump and an entity in RDF/XML without errors', async () => {
    const manifest = JSON.parse(readFileSync(join(inject('builtDir'), 'manifest.json'), 'utf8'));
    const turtle = await rapper('-i', 'turtle', new URL('/dump.ttl', server.url).href, base);
    expect(turtle.stderr).not.toMatch(/error/i);
    expect(turtle.triples).toBe(manifest.statistics.triples);
    const rdfxml = await rapper('-i', 'rdfxml', new URL('/id/person/trotsky.rdf', server.url).href);
    expect(rdfxml.triples).toBeGreaterThan(50);
  });
});
