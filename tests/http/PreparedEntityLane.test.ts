/**
 * The prepared-entity lane answers, in front of Express, only a plain GET or HEAD of an entity whose
 * representation is already made, and leaves everything else to Express untouched; what it sends is
 * what the Express route sends (the equivalence over real servers is in EntityRepresentations.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { currentBuildDir } from '../../src/dataset/Publication.ts';
import { entityRepresentation } from '../../src/http/EntityRepresentations.ts';
import { preparedEntityLane, type NodeMiddleware } from '../../src/http/PreparedEntityLane.ts';
import { ServedDataset } from '../../src/http/ServedDataset.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';

const base = 'http://localhost:3000/';
let dataset: ServedDataset;
let server: Server;
let url: string;
let draining = false;
const seenByMiddleware: string[] = [];

beforeAll(async () => {
  const corpus = makeFixtureCorpus();
  await buildDataset({ base, location: corpus, distDir: corpus.distDir });
  dataset = await ServedDataset.load(currentBuildDir(corpus.distDir)!);
  await entityRepresentation(dataset, `${base}id/person/trotsky`, 'text/turtle', 'en');
  await entityRepresentation(dataset, `${base}id/person/trotsky`, 'text/html', 'ru');
  const marker: NodeMiddleware = (req, res, next) => { seenByMiddleware.push(req.url!); res.setHeader('X-Before', 'ran'); next(); };
  const lane = preparedEntityLane({ dataset: () => dataset, draining: () => draining, before: [marker] });
  // What Express would be: a recognisable answer for everything the lane leaves.
  server = createServer((req, res) => { if (!lane(req, res)) { res.statusCode = 299; res.end('left to express'); } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(url + path, { method, headers });

describe('the prepared-entity lane', () => {
  it('answers a prepared representation, negotiated or by extension, after running the shared middleware', async () => {
    const negotiated = await get('/id/person/trotsky', { accept: 'text/turtle', 'accept-encoding': 'identity' });
    expect(negotiated.status).toBe(200);
    expect(negotiated.headers.get('x-before')).toBe('ran');
    expect(negotiated.headers.get('vary')).toContain('Accept');
    expect(negotiated.headers.get('content-location')).toBe('/id/person/trotsky.ttl');
    const made = dataset.cachedRepresentation(`${base}id/person/trotsky`, 'text/turtle')!;
    expect(Buffer.from(await negotiated.arrayBuffer()).equals(made.body)).toBe(true);
    const byExtension = await get('/id/person/trotsky.ttl', { 'accept-encoding': 'identity' });
    expect(byExtension.status).toBe(200);
    expect(byExtension.headers.get('vary') ?? '').not.toMatch(/\bAccept\b(?!-)/);
    expect(seenByMiddleware).toEqual(['/id/person/trotsky', '/id/person/trotsky.ttl']);
  });

  it('honours the reader\'s language for pages, conditional requests, HEAD and compression', async () => {
    expect((await get('/id/person/trotsky.html', { 'accept-language': 'ru' })).status).toBe(200);
    expect((await get('/id/person/trotsky.html', { 'accept-language': 'en' })).status).toBe(299); // the English page is not made yet
    const gz = await get('/id/person/trotsky.ttl', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect((await get('/id/person/trotsky.ttl', { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.get('etag')! })).status).toBe(304);
    const head = await get('/id/person/trotsky.ttl', { 'accept-encoding': 'identity' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(dataset.cachedRepresentation(`${base}id/person/trotsky`, 'text/turtle')!.body.length);
  });

  it('leaves to Express whatever it has not made or does not own', async () => {
    const before = seenByMiddleware.length;
    for (const path of [
      '/id/person/trotsky.nt', // not made yet
      '/id/person/trotsky?lang=ru', // a query string
      '/id/person/no-such-person', // unknown (Express redirects or answers 404)
      '/id/person/trotsky.bib', // a citation
      '/id/person/trotsky/', '/id/person/%74rotsky', '/id/person', '/sparql', '/',
    ]) expect((await get(path, { accept: 'text/turtle' })).status, path).toBe(299);
    expect((await get('/id/person/trotsky', { accept: 'image/png' })).status).toBe(299); // Express answers 406
    expect((await fetch(`${url}/id/person/trotsky.ttl`, { method: 'POST' })).status).toBe(299);
    draining = true;
    expect((await get('/id/person/trotsky.ttl')).status).toBe(299); // Express answers 503
    draining = false;
    expect(seenByMiddleware.length).toBe(before); // nothing left to Express went through the lane's middleware
  });
});
