/**
 * Each source text as TEI P5 over HTTP (`/text/{id}.tei.xml`, or `application/tei+xml` by content
 * negotiation): the file the build wrote, which reads back to the statements of the text's graph.
 */
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTeiText } from '../../src/annotation/TeiReader.ts';
import { defaultLocation, readCorpus } from '../../src/dataset/Corpus.ts';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const get = (path: string, accept?: string) => fetch(new URL(path, server.url), { headers: { ...(accept && { accept }) } });
const textId = 'trotsky-circular-letter-37';

beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server?.close());

describe('source texts as TEI', () => {
  it('serves /text/{id}.tei.xml as application/tei+xml, holding the statements of the text graph', async () => {
    const response = await get(`/text/${textId}.tei.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/tei+xml; charset=utf-8');
    const { corpus } = readCorpus(defaultLocation, 'http://localhost:3000/');
    const { text, errors } = parseTeiText(`${textId}.tei.xml`, await response.text(), { registry: corpus!.registry, relations: corpus!.ontology.relations });
    expect(errors).toEqual([]);
    const graph = new Parser().parse(await (await get(`/graph/${textId}.nq`)).text());
    const statementNodes = new Set(graph.map((q) => q.subject.value).filter((s) => s.includes('#statement-')));
    expect(text!.statements.map((s) => `http://localhost:3000/text/${textId}#statement-${s.id}`).sort()).toEqual([...statementNodes].sort());
  });

  it('answers application/tei+xml on the text IRI by content negotiation, and keeps HTML for browsers', async () => {
    const tei = await get(`/text/${textId}`, 'application/tei+xml');
    expect(tei.headers.get('content-type')).toBe('application/tei+xml; charset=utf-8');
    expect(tei.headers.get('content-location')).toBe(`/text/${textId}.tei.xml`);
    expect(tei.headers.get('vary')).toContain('Accept');
    const page = await get(`/text/${textId}`, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers 404 for the TEI of a text that does not exist, and for TEI of an entity', async () => {
    expect((await get('/text/no-such-text.tei.xml')).status).toBe(404);
    expect((await get('/id/person/trotsky.tei.xml')).status).toBe(404);
  });
});
