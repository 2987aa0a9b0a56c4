/**
 * The endpoint under abuse and overload, against the real server with small limits: empty, oversized
 * and deeply nested queries, exploding property paths, a flood of slow queries, a query that eats
 * memory, slow clients, many connections, and per-client rate limiting. Each gets a clear answer, and
 * other clients are served all the while.
 */
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let port: number;

beforeAll(async () => {
  server = await startTestServer({ QUERY_WORKERS: '1', QUERY_QUEUE: '2', QUERY_TIMEOUT_MS: '6000', QUERY_MEMORY_MB: '1024', HEADERS_TIMEOUT_MS: '1000', BODY_LIMIT_BYTES: '4096' });
  port = Number(new URL(server.url).port);
});
afterAll(() => server?.close());

const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';

function sparql(query: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(`/sparql?query=${encodeURIComponent(query)}`, server.url), { headers: { accept: 'application/sparql-results+json' }, ...init });
}

async function entityPageAnswers(): Promise<void> {
  const res = await fetch(new URL('/id/person/trotsky', server.url), { headers: { accept: 'text/turtle' } });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

describe('queries that are empty, too big or too deep', () => {
  it('answer an empty query with 400, and a body over the limit with 413 naming the limit', async () => {
    const empty = await sparql('');
    expect(empty.status).toBe(400);
    const big = await fetch(new URL('/sparql', server.url), { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: `ASK { ?s ?p "${'x'.repeat(5000)}" }` });
    expect(big.status).toBe(413);
    expect(await big.text()).toMatch(/4096 bytes/);
  });

  it('refuse groups nested past the limit with 400', async () => {
    const res = await sparql(`SELECT * WHERE ${'{ '.repeat(100)}?s ?p ?o${' }'.repeat(100)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/nest/i);
  });

  it('answer a long property path, and stop an unbounded * path over everything at the time limit', async () => {
    const long = await sparql(`PREFIX rcp: <http://localhost:3000/ontology#> SELECT ?b WHERE { <http://localhost:3000/id/person/trotsky> ${Array(200).fill('rcp:memberOf?').join('/')} ?b } LIMIT 5`);
    expect([200, 503]).toContain(long.status);
    const unbounded = await sparql('SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x:p>|!<urn:x:p>)* ?b . ?b (<urn:x:p>|!<urn:x:p>)* ?c }');
    expect(unbounded.status).toBe(503);
    expect(await unbounded.text()).toMatch(/time limit/);
    await entityPageAnswers();
  });
});

describe('a flood of slow queries', () => {
  it('runs at most workers + queue of them; the rest get 503 with Retry-After at once, and pages are served meanwhile', async () => {
    const flood = Array.from({ length: 12 }, () => sparql(runaway).then(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() })));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await entityPageAnswers();
    const answers = await Promise.all(flood);
    const turnedAway = answers.filter((a) => a.retryAfter !== null);
    expect(answers.every((a) => a.status === 503)).toBe(true);
    expect(turnedAway).toHaveLength(12 - 3); // one worker, two waiting
    expect(turnedAway[0].body).toMatch(/too many queries/);
    expect(answers.filter((a) => /time limit/.test(a.body))).toHaveLength(3);
  });

  it('answers a query already asked of this build from memory, while a new one is turned away', async () => {
    const asked = 'SELECT ?type WHERE { ?s a ?type } GROUP BY ?type ORDER BY ?type';
    const first = await sparql(asked);
    expect(first.status).toBe(200);
    const body = await first.text();
    const flood = Array.from({ length: 3 }, () => sparql(runaway).then((res) => res.text()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await sparql(asked);
    const fresh = await sparql('SELECT ?type WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?type)');
    expect(again.status).toBe(200); // the worker and the queue are full: only the cache can answer it
    expect(await again.text()).toBe(body);
    expect(fresh.status).toBe(503);
    expect(fresh.headers.get('retry-after')).not.toBeNull();
    await Promise.all(flood);
  });
});

describe('a query that eats memory', () => {
  // Its own server, with a time limit far beyond the memory limit's reach, so that on a loaded machine
  // too it is the memory limit that stops the query.
  let hungry: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => { hungry = await startTestServer({ QUERY_WORKERS: '1', QUERY_TIMEOUT_MS: '300000', QUERY_MEMORY_MB: '512' }); });
  afterAll(() => hungry?.close());
  const ask = (query: string) => fetch(new URL(`/sparql?query=${encodeURIComponent(query)}`, hungry.url), { headers: { accept: 'application/sparql-results+json' } });

  it('kills only its own worker thread, gets 503, and the next query is answered by a fresh thread', async () => {
    const doublings = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o'];
    const binds = doublings.slice(1).map((v, i) => `BIND(CONCAT(?${doublings[i]}, ?${doublings[i]}) AS ?${v})`).join(' ');
    const bomb = await ask(`SELECT ?o WHERE { ?s ?p ?x BIND(CONCAT(STR(?x), STR(?x)) AS ?a) ${binds} } ORDER BY ?o`);
    expect(bomb.status).toBe(503);
    expect(await bomb.text()).toMatch(/more memory than the limit of 512 MiB/);
    const after = await ask('ASK { ?s ?p ?o }');
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ head: {}, boolean: true });
  }, 120_000);
});
