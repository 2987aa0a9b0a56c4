/**
 * Entity IRIs, the ontology, the texts, the VoID description and the dumps, over real HTTP:
 * content negotiation, file extensions, caching, redirects and errors, as standard clients expect.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';
import { defaultLocation } from '../../src/dataset/Corpus.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let url: (path: string) => string;
const base = 'http://localhost:3000/';

beforeAll(async () => {
  server = await startTestServer();
  url = (path) => new URL(path, server.url).href;
});
afterAll(() => server?.close());

const get = (path: string, accept?: string, headers: Record<string, string> = {}) =>
  fetch(url(path), { headers: { ...(accept && { accept }), ...headers }, redirect: 'manual' });

describe('entity IRIs', () => {
  it('answer HTML to a browser and Turtle to a data client, varying on Accept', async () => {
    const page = await get('/id/person/trotsky', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('vary')).toContain('Accept');
    const body = await page.text();
    expect(body).toContain('Leon Trotsky');
    expect(body).toContain('application/ld+json'); // schema.org JSON-LD for search engines

    const data = await get('/id/person/trotsky', '*/*');
    expect(data.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(data.headers.get('access-control-allow-origin')).toBe('*');
    expect(data.headers.get('content-location')).toBe('/id/person/trotsky.ttl');
    expect(data.headers.get('link')).toContain('</id/person/trotsky.jsonld>; rel="alternate"; type="application/ld+json"');
    const quads = new Parser({ baseIRI: base }).parse(await data.text());
    expect(quads.some((q) => q.subject.value === `${base}id/person/trotsky` && q.predicate.value === 'http://www.w3.org/2000/01/rdf-schema#label' && q.object.value === 'Leon Trotsky')).toBe(true);
  });

  it('honour q-values', async () => {
    const res = await get('/id/person/trotsky', 'text/turtle;q=0.5, application/n-triples;q=0.9, text/html;q=0.1');
    expect(res.headers.get('content-type')).toBe('application/n-triples; charset=utf-8');
  });

  it('describe the entity with the provenance of each statement: source text, quote and position', async () => {
    const quads = new Parser().parse(await (await get('/id/person/v-smirnov.nt')).text());
    const criticisms = quads.filter((q) => q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#object' && q.object.value === `${base}id/person/v-smirnov`)
      .map((q) => q.subject.value).filter((s) => s.startsWith(`${base}text/trotsky-circular-letter-37#statement-`));
    expect(criticisms.length).toBeGreaterThan(0);
    const exact = quads.filter((q) => q.predicate.value === 'http://www.w3.org/ns/oa#exact').map((q) => q.object.value);
    expect(exact.join(' ')).toContain('закостеневшим представителем кружкового благочестия');
    expect(quads.some((q) => q.predicate.value === 'http://www.w3.org/ns/oa#start')).toBe(true);
    // Incoming statements and the labels of neighbours are there too.
    expect(quads.some((q) => q.subject.value === `${base}id/person/trotsky` && q.predicate.value === `${base}ontology#criticised` && q.object.value === `${base}id/person/v-smirnov`)).toBe(true);
    expect(quads.some((q) => q.subject.value === `${base}id/person/trotsky` && q.predicate.value === 'http://www.w3.org/2000/01/rdf-schema#label')).toBe(true);
  });

  it('serve every format by extension, and JSON-LD that expands with a context the server ships', async () => {
    const expected: Record<string, string> = { ttl: 'text/turtle', jsonld: 'application/ld+json', nt: 'application/n-triples', rdf: 'application/rdf+xml', nq: 'application/n-quads', trig: 'application/trig', html: 'text/html' };
    for (const [extension, type] of Object.entries(expected)) {
      const res = await get(`/id/faction/democratic-centralists.${extension}`);
      expect(res.status, extension).toBe(200);
      expect(res.headers.get('content-type'), extension).toBe(`${type}; charset=utf-8`);
    }
    const document = await (await get('/id/faction/democratic-centralists.jsonld')).json();
    const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads' })) as unknown as string;
    expect(nquads).toContain(`<${base}id/faction/democratic-centralists> <http://www.w3.org/2000/01/rdf-schema#label> "Democratic Centralists"@en <${base}graph/registry> .`);
    const rdfxml = await (await get('/id/faction/democratic-centralists.rdf')).text();
    expect(rdfxml).toContain('<rdf:RDF');
  });

  it('answer 406 when nothing acceptable is offered, and 404 for an unknown id, with suggestions for browsers', async () => {
    expect((await get('/id/person/trotsky', 'image/png')).status).toBe(406);
    const unknown = await get('/id/person/trotskyy', 'text/html');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('href="/id/person/trotsky"');
    expect((await get('/id/person/nobody-at-all', 'text/turtle')).status).toBe(404);
    expect((await get('/id/planet/trotsky')).status).toBe(404);
    expect((await get('/id/person/trotsky.exe')).status).toBe(404);
  });

  it('redirect a renamed id permanently to its new IRI', async () => {
    const redirects = readFileSync(join(defaultLocation.dataDir, 'redirects.yaml'), 'utf8');
    const [, from, to] = /^([a-z0-9-]+):\s*([a-z0-9-]+)/m.exec(redirects)!;
    const res = await get(`/id/person/${from}`);
    expect([301, 404]).toContain(res.status);
    const any = await Promise.all(['person', 'faction', 'document', 'position', 'event', 'place'].map((t) => get(`/id/${t}/${from}.ttl`)));
    const moved = any.find((r) => r.status === 301)!;
    expect(moved.headers.get('location')).toMatch(new RegExp(`/id/[a-z]+/${to}\\.ttl$`));
  });

  it('support conditional GET with strong ETags and Last-Modified', async () => {
    const first = await get('/id/person/trotsky.ttl');
    const etag = first.headers.get('etag')!;
    // fetch() accepts gzip, so the body came compressed: its strong ETag names those bytes.
    expect(etag).toMatch(/^"[0-9a-f]{12}-[0-9a-f]{16}-(gzip|br)"$/);
    expect(first.headers.get('last-modified')).toBeTruthy();
    expect(first.headers.get('cache-control')).toContain('max-age');
    expect((await get('/id/person/trotsky.ttl', undefined, { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/id/person/trotsky.ttl', undefined, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('compress with gzip, and with Brotli where asked, each coding with its own strong ETag', async () => {
    const plain = await get('/id/person/trotsky.ttl', undefined, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toContain('Accept-Encoding');
    const plainText = await plain.text();
    const etags = new Set([plain.headers.get('etag')]);
    for (const encoding of ['gzip', 'br']) {
      const res = await get('/id/person/trotsky.ttl', undefined, { 'accept-encoding': encoding });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(await res.text()).toBe(plainText);
      etags.add(res.headers.get('etag'));
      expect((await get('/id/person/trotsky.ttl', undefined, { 'accept-encoding': encoding, 'if-none-match': res.headers.get('etag')! })).status).toBe(304);
    }
    expect(etags.size).toBe(3);
  });
});

describe('the ontology', () => {
  it('documents every term in HTML, with an anchor per term, and serves its Turtle', async () => {
    const page = await (await get('/ontology', 'text/html')).text();
    for (const term of ['Person', 'Faction', 'Document', 'Position', 'memberOf', 'splitFrom', 'criticised', 'signed', 'authored', 'advocated']) {
      expect(page).toContain(`id="${term}"`);
    }
    expect(page).toContain('org:memberOf');
    const quads = new Parser().parse(await (await get('/ontology', 'text/turtle')).text());
    expect(quads.some((q) => q.subject.value === `${base}ontology#memberOf` && q.object.value === 'http://www.w3.org/ns/org#memberOf')).toBe(true);
    expect((await get('/ontology.jsonld')).headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
  });

  it('publishes the JSON-LD context at a stable URL', async () => {
    const context = await (await get('/context.jsonld')).json();
    expect(context['@context'].memberOf).toEqual({ '@id': 'rcp:memberOf', '@type': '@id' });
  });
});

describe('source texts', () => {
  it('serve the reader, the plain normalised text and the text graph', async () => {
    const reader = await (await get('/text/trotsky-circular-letter-37', 'text/html')).text();
    expect(reader).toContain('id="statement-s6"');
    const plain = await (await get('/text/trotsky-circular-letter-37.txt')).text();
    expect(plain).toContain('В. Смирнов является, очевидно, окончательно закостеневшим');
    const graph = await (await get('/graph/trotsky-circular-letter-37', 'application/n-quads')).text();
    expect(graph).toContain(`<${base}graph/trotsky-circular-letter-37> .`);
  });

  it('have selectors whose offsets point at the quoted words in the served plain text', async () => {
    const plain = Array.from(await (await get('/text/trotsky-circular-letter-37.txt')).text());
    const quads = new Parser().parse(await (await get('/text/trotsky-circular-letter-37.nt')).text());
    const value = (s: string, p: string) => quads.find((q) => q.subject.value === s && q.predicate.value === `http://www.w3.org/ns/oa#${p}`)?.object.value;
    const positions = quads.filter((q) => q.object.value === 'http://www.w3.org/ns/oa#TextPositionSelector').map((q) => q.subject.value);
    expect(positions.length).toBeGreaterThan(50);
    for (const position of positions) {
      const quote = position.replace(/-position$/, '-quote');
      expect(plain.slice(Number(value(position, 'start')), Number(value(position, 'end'))).join('')).toBe(value(quote, 'exact'));
    }
  });
});

describe('dumps and the dataset description', () => {
  it('describe the dataset in VoID and DCAT with the dumps, their sizes and checksums', async () => {
    const quads = new Parser().parse(await (await get('/.well-known/void', 'text/turtle')).text());
    const object = (p: string, s?: string) => quads.filter((q) => q.predicate.value === p && (!s || q.subject.value === s)).map((q) => q.object.value);
    expect(object('http://rdfs.org/ns/void#sparqlEndpoint')).toEqual([`${base}sparql`]);
    expect(object('http://rdfs.org/ns/void#dataDump')).toEqual(expect.arrayContaining([`${base}dump.nq`, `${base}dump.ttl`, `${base}dump.trig`, `${base}dump.jsonld`, `${base}dump.nq.gz`]));
    expect(object('http://purl.org/dc/terms/license')).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    const distribution = `${base}.well-known/void#dump.nq`;
    const bytes = Number(object('http://www.w3.org/ns/dcat#byteSize', distribution)[0]);
    const checksum = object('http://spdx.org/rdf/terms#checksum', distribution)[0];
    const dump = Buffer.from(await (await get('/dump.nq', undefined, { 'accept-encoding': 'identity' })).arrayBuffer());
    expect(dump.length).toBe(bytes);
    expect(checksum).toBe(`sha256:${createHash('sha256').update(dump).digest('hex')}`);
  });

  it('serve each dump plain and gzipped, the same data both ways', async () => {
    for (const [path, type] of [['dump.ttl', 'text/turtle'], ['dump.nq', 'application/n-quads'], ['dump.trig', 'application/trig'], ['dump.jsonld', 'application/ld+json']]) {
      const plain = await get(`/${path}`, undefined, { 'accept-encoding': 'identity' });
      expect(plain.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      const body = Buffer.from(await plain.arrayBuffer());
      const gz = await get(`/${path}.gz`);
      expect(gz.headers.get('content-type')).toBe('application/gzip');
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(body)).toBe(true);
    }
    const built = readFileSync(join(server.configuration.distDir!, 'current', 'dataset.nq'));
    const served = Buffer.from(await (await get('/dump.nq', undefined, { 'accept-encoding': 'identity' })).arrayBuffer());
    expect(served.equals(built)).toBe(true);
  });
});

describe('HTTP errors', () => {
  it('answer 405 with Allow for methods the resource does not take', async () => {
    const res = await fetch(url('/id/person/trotsky'), { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});
