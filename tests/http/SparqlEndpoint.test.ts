/**
 * The SPARQL 1.1 Protocol endpoint over real HTTP: the three ways to send a query, the dataset
 * parameters, every result format by Accept, the Service Description, and the refusals (Update,
 * SERVICE, outside FROM, syntax errors, runaway queries), with a loopback listener proving that no
 * request ever leaves the server because of a query.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onExternalStore } from '../support/externalStore.ts';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let endpoint: string;
let trap: Server;
let trapUrl: string;
let trapHits = 0;
const base = 'http://localhost:3000/';
const prefix = `PREFIX rcp: <${base}ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> `;
const criticsOfSmirnov = `${prefix} SELECT ?critic WHERE { ?critic rcp:criticised <${base}id/person/v-smirnov> } ORDER BY ?critic`;

beforeAll(async () => {
  server = await startTestServer();
  endpoint = new URL('/sparql', server.url).href;
  trap = createServer((_req, res) => { trapHits++; res.end(); });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/sparql`;
});
afterAll(async () => {
  await server?.close();
  trap?.close();
});

const getQuery = (query: string, accept = 'application/sparql-results+json', extra = '') =>
  fetch(`${endpoint}?query=${encodeURIComponent(query)}${extra}`, { headers: { accept } });
const postForm = (fields: Record<string, string | string[]>, accept = 'application/sparql-results+json') => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return fetch(endpoint, { method: 'POST', headers: { accept, 'content-type': 'application/x-www-form-urlencoded' }, body });
};
const postQuery = (query: string, accept = 'application/sparql-results+json') =>
  fetch(endpoint, { method: 'POST', headers: { accept, 'content-type': 'application/sparql-query' }, body: query });
const critics = async (res: Response) => ((await res.json()) as { results: { bindings: { critic: { value: string } }[] } }).results.bindings.map((b) => b.critic.value);

describe('the SPARQL 1.1 Protocol', () => {
  it('takes a query by GET, by POSTed form and by POSTed application/sparql-query, with the same answer', async () => {
    const answers = await Promise.all([getQuery(criticsOfSmirnov), postForm({ query: criticsOfSmirnov }), postQuery(criticsOfSmirnov)]);
    for (const res of answers) expect(res.status).toBe(200);
    const [a, b, c] = await Promise.all(answers.map(critics));
    expect(a).toContain(`${base}id/person/trotsky`);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('answers SELECT in JSON, XML, CSV and TSV, chosen by Accept with q-values', async () => {
    const cases: [string, string, RegExp][] = [
      ['application/sparql-results+json', 'application/sparql-results+json', /"bindings"/],
      ['application/sparql-results+xml', 'application/sparql-results+xml', /<sparql xmlns="http:\/\/www.w3.org\/2005\/sparql-results#"/],
      ['text/csv', 'text/csv', /^critic\r?\n/],
      ['text/tab-separated-values', 'text/tab-separated-values', /^\?critic\n/],
      ['text/csv;q=0.4, application/sparql-results+xml;q=0.9', 'application/sparql-results+xml', /<sparql/],
      ['*/*', 'application/sparql-results+json', /"head"/],
    ];
    for (const [accept, type, body] of cases) {
      const res = await getQuery(criticsOfSmirnov, accept);
      expect(res.headers.get('content-type'), accept).toBe(`${type}; charset=utf-8`);
      expect(await res.text(), accept).toMatch(body);
    }
  });

  it('answers ASK in JSON and XML', async () => {
    const ask = `${prefix} ASK { <${base}id/person/trotsky> rcp:criticised <${base}id/person/v-smirnov> }`;
    expect(await (await getQuery(ask)).json()).toMatchObject({ boolean: true });
    expect(await (await getQuery(ask, 'application/sparql-results+xml')).text()).toContain('<boolean>true</boolean>');
  });

  it('answers CONSTRUCT in Turtle, JSON-LD, N-Triples, N-Quads and RDF/XML', async () => {
    const construct = `${prefix} CONSTRUCT { ?c rcp:criticised <${base}id/person/v-smirnov> } WHERE { ?c rcp:criticised <${base}id/person/v-smirnov> }`;
    for (const type of ['text/turtle', 'application/n-triples', 'application/n-quads']) {
      const res = await getQuery(construct, type);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      const quads = new Parser({ format: type === 'text/turtle' ? 'Turtle' : type === 'application/n-quads' ? 'N-Quads' : 'N-Triples' }).parse(await res.text());
      expect(quads.map((q) => q.subject.value)).toContain(`${base}id/person/trotsky`);
    }
    expect(await (await getQuery(construct, 'application/ld+json')).json()).toHaveProperty('@context');
    expect(await (await getQuery(construct, 'application/rdf+xml')).text()).toContain('rdf:RDF');
    expect((await getQuery(construct, 'application/sparql-results+json')).status).toBe(406);
    expect((await getQuery(criticsOfSmirnov, 'text/turtle')).status).toBe(406);
  });

  it('keeps the provenance graphs as named graphs, and takes default-graph-uri and named-graph-uri', async () => {
    const letter = `${base}graph/trotsky-circular-letter-37`;
    const inGraphs = `${prefix} SELECT DISTINCT ?g WHERE { GRAPH ?g { ?c rcp:criticised <${base}id/person/v-smirnov> } }`;
    const graphs = ((await (await getQuery(inGraphs)).json()) as { results: { bindings: { g: { value: string } }[] } }).results.bindings.map((b) => b.g.value);
    expect(graphs).toContain(letter);
    // With default-graph-uri the default graph is that text alone.
    // 001: Trotsky and his "second letter, devoted to the VI Congress" criticise Smirnov.
    const onlyLetter = await critics(await getQuery(criticsOfSmirnov, undefined, `&default-graph-uri=${encodeURIComponent(letter)}`));
    expect(onlyLetter).toEqual([`${base}id/document/trotsky-second-letter-vi-congress`, `${base}id/person/trotsky`]);
    // All criticisms: the letter's alone are fewer than those of all texts together.
    const allCritics = `${prefix} SELECT ?critic WHERE { ?critic rcp:criticised ?target }`;
    const everywhere = await critics(await getQuery(allCritics));
    const inLetter = await critics(await getQuery(allCritics, undefined, `&default-graph-uri=${encodeURIComponent(letter)}`));
    expect(inLetter.length).toBeGreaterThan(0);
    expect(everywhere.length).toBeGreaterThan(inLetter.length);
    const other = await critics(await postForm({ query: criticsOfSmirnov, 'default-graph-uri': `${base}graph/defeat-of-the-opposition-1927` }));
    expect(other).toEqual([]);
    const named = await postForm({ query: inGraphs, 'named-graph-uri': letter });
    expect(((await named.json()) as { results: { bindings: { g: { value: string } }[] } }).results.bindings.map((b) => b.g.value)).toEqual([letter]);
  });

  it('describes itself with a Service Description, and shows the query page to a browser', async () => {
    const sd = new Parser().parse(await (await fetch(endpoint, { headers: { accept: 'text/turtle' } })).text());
    expect(sd.some((q) => q.predicate.value === 'http://www.w3.org/ns/sparql-service-description#endpoint' && q.object.value === `${base}sparql`)).toBe(true);
    expect(sd.some((q) => q.predicate.value === 'http://www.w3.org/ns/sparql-service-description#name' && q.object.value === `${base}graph/trotsky-circular-letter-37`)).toBe(true);
    const page = await fetch(endpoint, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Example queries');
  });

  it('states the result cap in every answer', async () => {
    const res = await getQuery('SELECT * WHERE { ?s ?p ?o } LIMIT 3');
    expect(res.headers.get('x-sparql-result-limit')).toBe(String(server.configuration.resultLimit));
    expect(res.headers.get('x-sparql-results-truncated')).toBeNull();
  });
});

describe('a read-only, closed endpoint', () => {
  it('refuses every form of SPARQL Update with 403', async () => {
    const updates = [
      'INSERT DATA { <http://a> <http://b> <http://c> }', 'DELETE DATA { <http://a> <http://b> <http://c> }',
      'DELETE WHERE { ?s ?p ?o }', 'INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }', `LOAD <${trapUrl}>`, 'CLEAR ALL', 'DROP ALL',
      'CREATE GRAPH <http://g>', 'COPY DEFAULT TO <http://g>', 'MOVE DEFAULT TO <http://g>', 'ADD DEFAULT TO <http://g>',
    ];
    for (const update of updates) {
      const res = await postForm({ query: update });
      expect(res.status, update).toBe(403);
      expect(await res.text()).toContain('read-only');
    }
    expect((await postForm({ update: 'CLEAR ALL' })).status).toBe(403);
    expect((await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/sparql-update' }, body: 'CLEAR ALL' })).status).toBe(403);
  });

  it('never fetches an outside URL: SERVICE and foreign FROM are refused, and the listener gets nothing', async () => {
    for (const target of [trapUrl, 'http://10.0.0.1/sparql', 'http://192.168.1.1/sparql', 'http://example.org/sparql']) {
      const service = await getQuery(`SELECT * WHERE { SERVICE <${target}> { ?s ?p ?o } }`);
      expect(service.status).toBe(403);
      expect(await service.text()).toContain('SERVICE is not allowed');
      expect((await getQuery(`SELECT * FROM <${target}> WHERE { ?s ?p ?o }`)).status).toBe(403);
      expect((await getQuery(`SELECT * FROM NAMED <${target}> WHERE { GRAPH ?g { ?s ?p ?o } }`)).status).toBe(403);
      expect((await getQuery('SELECT * WHERE { ?s ?p ?o } LIMIT 1', undefined, `&default-graph-uri=${encodeURIComponent(target)}`)).status).toBe(403);
    }
    expect((await getQuery(`SELECT * WHERE { { SELECT * WHERE { SERVICE SILENT <${trapUrl}> { ?s ?p ?o } } } }`)).status).toBe(403);
    expect(trapHits).toBe(0);
  });

  it('answers a syntax error with 400 and the parser\'s message and position', async () => {
    const res = await getQuery('SELECT ?x WHERE { ?x ?y }');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/SPARQL syntax error: Parse error on line 1/);
    expect((await getQuery('')).status).toBe(400);
  });

  // Each back end registers its own variant (not a skipped one). On an external store the query runs in
  // the store's own processes, which the server cannot stop; it gives up waiting at the limit (the
  // store's own limit stops the query: MaxQueryExecutionTime in .ci/virtuoso.sh). The embedded variant
  // checks the same and more, with one runaway query per run.
  if (onExternalStore) it('answers a runaway query 503 at the time limit, and answers the next query', async () => {
    const res = await getQuery('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('time limit');
    expect((await getQuery(criticsOfSmirnov)).status).toBe(200);
  });

  // Embedded: this is about the worker pool, whose threads share this process's cores and are
  // terminated at the limit, and replaced.
  else it('stops a runaway query at the time limit while other requests are still served promptly', async () => {
    const started = Date.now();
    const runaway = getQuery('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }');
    await new Promise((r) => setTimeout(r, 500));
    const during = Date.now();
    const page = await fetch(new URL('/id/person/trotsky.ttl', server.url));
    expect(page.status).toBe(200);
    const pageMs = Date.now() - during;
    const res = await runaway;
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('time limit');
    expect(Date.now() - started).toBeLessThan(server.configuration.queryTimeoutMs + 15_000);
    expect(pageMs).toBeLessThan(server.configuration.queryTimeoutMs / 2);
    // The pool replaced the stopped worker: the next query is answered.
    expect((await getQuery(criticsOfSmirnov)).status).toBe(200);
  });
});
