/**
 * The exports and citations over real HTTP: the export files next to the dumps (media types, sizes and
 * checksums as the manifest and DCAT say), the paged Web Annotation collection, the links on the dataset
 * page, and the BibLaTeX and CSL-JSON citations of the dataset and of an entity, read back by Citation.js.
 */
import { createHash } from 'node:crypto';
import { Cite } from '@citation-js/core';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetExports } from '../../src/dataset/Exports.ts';
import { annotationPageSize } from '../../src/http/ExportRoutes.ts';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const base = 'http://localhost:3000/';
const get = (path: string, accept?: string) => fetch(new URL(path, server.url), { headers: { ...(accept && { accept }) }, redirect: 'manual' });
const annotationType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const annoContext = JSON.parse(readFileSync(new URL('../support/anno.jsonld', import.meta.url), 'utf8')) as object;

beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server?.close());

describe('the export files', () => {
  it('are served next to the dumps with their media type, as listed in the manifest', async () => {
    const manifest = await (await get('/readyz')).json() as { version: string };
    expect(manifest.version).toBeTruthy();
    const voidTurtle = await (await get('/.well-known/void.ttl')).text();
    const quads = new Parser().parse(voidTurtle);
    const objects = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
    for (const exported of datasetExports) {
      const response = await get(`/${exported.file}`);
      expect(response.status, exported.file).toBe(200);
      expect(response.headers.get('content-type')).toBe(`${exported.mediaType}; charset=utf-8`);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = Buffer.from(await response.arrayBuffer());
      // DCAT describes each as a distribution: where to get it, its type, size and checksum.
      const distribution = `${base}.well-known/void#${exported.file}`;
      expect(objects(`${base}.well-known/void#dataset`, 'http://www.w3.org/ns/dcat#distribution')).toContain(distribution);
      expect(objects(distribution, 'http://www.w3.org/ns/dcat#downloadURL')).toEqual([`${base}${exported.file}`]);
      expect(objects(distribution, 'http://www.w3.org/ns/dcat#mediaType')).toEqual([exported.mediaType]);
      expect(objects(distribution, 'http://www.w3.org/ns/dcat#byteSize').map(Number)).toEqual([body.length]);
      expect(objects(distribution, 'http://spdx.org/rdf/terms#checksum')).toEqual([`sha256:${createHash('sha256').update(body).digest('hex')}`]);
      expect(objects(distribution, 'http://purl.org/dc/terms/conformsTo')).toEqual([exported.conformsTo]);
    }
  });

  it('are one click from the dataset page', async () => {
    const page = await (await get('/dataset', 'text/html')).text();
    for (const exported of datasetExports) expect(page).toContain(`href="/${exported.file}"`);
    expect(page).toContain('href="/annotations"');
  });
});

describe('the paged Web Annotation collection', () => {
  it('answers the collection with total, first and last, in the protocol\'s media type', async () => {
    const response = await get('/annotations');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(`${annotationType}; charset=utf-8`);
    const collection = await response.json() as { type: string; total: number; first: string; last: string; '@context': string };
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: `${base}annotations?page=1` });
    const whole = await (await get('/annotations.jsonld')).json() as { total: number };
    expect(collection.total).toBe(whole.total);
    expect(collection.last).toBe(`${base}annotations?page=${Math.ceil(whole.total / annotationPageSize)}`);
  });

  it('walks the pages from first to last by next, each partOf the collection, together holding every annotation once', async () => {
    const collection = await (await get('/annotations')).json() as { total: number; first: string; last: string };
    const seen = new Set<string>();
    let next: string | undefined = collection.first;
    let previous: string | undefined;
    let pages = 0;
    while (next) {
      const page = await (await get(next.slice(base.length - 1))).json() as { id: string; partOf: string; startIndex: number; prev?: string; next?: string; items: { id: string }[] };
      expect(page).toMatchObject({ id: next, partOf: `${base}annotations`, startIndex: seen.size });
      expect(page.prev).toBe(previous);
      for (const item of page.items) seen.add(item.id);
      previous = page.id;
      next = page.next;
      pages += 1;
    }
    expect(previous).toBe(collection.last);
    expect(seen.size).toBe(collection.total);
    expect(pages).toBe(Math.ceil(collection.total / annotationPageSize));
  });

  it('serves pages that jsonld expands with the W3C context into ordered annotations', async () => {
    const page = await (await get('/annotations?page=2')).json() as jsonld.JsonLdDocument;
    const documentLoader = async (url: string) => {
      if (url !== 'http://www.w3.org/ns/anno.jsonld') throw new Error(`the test tried to fetch ${url}`);
      return { contextUrl: undefined, documentUrl: url, document: annoContext };
    };
    const [expanded] = await jsonld.expand(page, { documentLoader: documentLoader as never }) as Record<string, { '@list': { '@type': string[] }[] }[]>[];
    const items = expanded['http://www.w3.org/ns/activitystreams#items'][0]['@list'];
    expect(items).toHaveLength(annotationPageSize);
    expect(items.every((a) => a['@type'].includes('http://www.w3.org/ns/oa#Annotation'))).toBe(true);
  });

  it('answers 400 to a page that is no number and 404 past the last page', async () => {
    for (const bad of ['0', 'one', '-1', '1.5']) {
      const response = await get(`/annotations?page=${bad}`);
      expect(response.status, bad).toBe(400);
      expect(await response.text()).toContain("'page' must be a page number");
    }
    const past = await get('/annotations?page=100000');
    expect(past.status).toBe(404);
    expect(await past.text()).toContain('its last page is');
  });
});

describe('citations', () => {
  type CslItem = { id: string; type: string; title: string; version: string; URL: string; 'container-title'?: string; issued: { 'date-parts': number[][] } };

  it('cite the dataset in CSL-JSON and BibLaTeX with its version, stable IRI and date of publication', async () => {
    const version = (await (await get('/readyz')).json() as { version: string }).version;
    const csl = await get('/dataset.csl.json');
    expect(csl.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    const [item] = await csl.json() as CslItem[];
    expect(item).toMatchObject({ type: 'dataset', version, URL: base, title: expect.stringContaining('Russian Communist Party') });
    const published = new Date((await get('/dataset.csl.json')).headers.get('last-modified')!);
    expect(item.issued['date-parts'][0]).toEqual([published.getUTCFullYear(), published.getUTCMonth() + 1, published.getUTCDate()]);

    const bib = await get('/dataset.bib');
    expect(bib.headers.get('content-type')).toBe('application/x-bibtex');
    const [parsed] = new Cite(await bib.text()).data as CslItem[];
    expect(parsed).toMatchObject({ type: 'dataset', version, URL: base, title: item.title });
  });

  it('cite an entity by its IRI as an entry of the dataset, in both formats, linked from its page', async () => {
    const page = await (await get('/id/person/trotsky', 'text/html')).text();
    expect(page).toContain('href="/id/person/trotsky.bib"');
    expect(page).toContain('href="/id/person/trotsky.csl.json"');
    expect(page).toContain('@inreference{trotsky');
    const [item] = await (await get('/id/person/trotsky.csl.json')).json() as CslItem[];
    expect(item).toMatchObject({ type: 'entry', title: 'Leon Trotsky', URL: `${base}id/person/trotsky`, 'container-title': expect.stringContaining('Russian Communist Party') });
    const [parsed] = new Cite(await (await get('/id/person/trotsky.bib')).text()).data as CslItem[];
    expect(parsed).toMatchObject({ title: 'Leon Trotsky', URL: `${base}id/person/trotsky`, version: item.version, 'container-title': item['container-title'] });
  });

  it('answer 404 for the citation of an entity that does not exist', async () => {
    expect((await get('/id/person/nobody-at-all.bib')).status).toBe(404);
    expect((await get('/id/person/trotsky.xml.json')).status).toBe(404);
  });
});
