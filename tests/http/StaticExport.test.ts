import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { exportStaticSite, fileForUrl, type StaticExportResult } from '../../src/http/StaticExport.ts';
import { rdfFormats } from '../../src/http/Negotiation.ts';
import { base, select } from '../support/dataset.ts';
import { startTestServer } from '../support/server.ts';

const work = mkdtempSync(join(tmpdir(), 'rcp-static-export-'));
const out = join(work, 'site');
let exported: StaticExportResult;
let live: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  exported = await exportStaticSite({ out, distDir: inject('distDir'), concurrency: 4 });
  live = await startTestServer();
}, 600_000);
afterAll(async () => {
  await live?.close();
  rmSync(work, { recursive: true, force: true });
});

const extensions = rdfFormats.map((f) => f.extension);
const relative = (iri: string) => iri.slice(base.length);

/** Every URL at which the live server serves data, found in the dataset itself, not in the exporter. */
async function dataUrls(): Promise<string[]> {
  const entities = await select(`SELECT DISTINCT ?e WHERE { ?e a ?class . FILTER(STRSTARTS(STR(?e), "${base}id/")) }`);
  const texts = await select(`SELECT ?t WHERE { ?t a <${base}ontology#SourceText> }`);
  const graphs = await select('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }');
  return [
    ...entities.flatMap((r) => ['html', ...extensions].map((e) => `${relative(r.e)}.${e}`)),
    ...texts.flatMap((r) => ['html', 'txt', ...extensions].map((e) => `${relative(r.t)}.${e}`)),
    ...graphs.filter((r) => r.g.startsWith(`${base}graph/`)).flatMap((r) => extensions.map((e) => `${relative(r.g)}.${e}`)),
    ...['html', ...extensions].map((e) => `ontology.${e}`),
    ...extensions.map((e) => `.well-known/void.${e}`),
    ...['ttl', 'nq', 'trig', 'jsonld'].flatMap((e) => [`dump.${e}`, `dump.${e}.gz`]),
    'context.jsonld', 'text/', 'dataset',
  ];
}

describe('the static export', () => {
  it('names files after the URLs a static host maps them from', () => {
    expect(fileForUrl('')).toBe('index.html');
    expect(fileForUrl('text/')).toBe('text/index.html');
    expect(fileForUrl('browse/person')).toBe('browse/person.html');
    expect(fileForUrl('id/person/trotsky.ttl')).toBe('id/person/trotsky.ttl');
    expect(fileForUrl('dump.nq.gz')).toBe('dump.nq.gz');
  });

  it('holds, for every URL at which the live server serves data, a file with the same bytes', async () => {
    const urls = await dataUrls();
    const entityCount = (await select(`SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c . FILTER(STRSTARTS(STR(?e), "${base}id/")) }`))[0].n;
    expect(urls.length).toBeGreaterThan(Number(entityCount) * 7);
    const missing: string[] = [];
    const different: string[] = [];
    for (const url of urls) {
      const response = await fetch(new URL(url, live.url), { headers: { 'accept-encoding': 'identity' } });
      expect(response.status, url).toBe(200);
      const answer = Buffer.from(await response.arrayBuffer());
      const file = join(out, fileForUrl(url));
      if (!existsSync(file)) { missing.push(url); continue; }
      if (!answer.equals(readFileSync(file))) different.push(url);
    }
    expect(missing).toEqual([]);
    expect(different).toEqual([]);
    expect(exported.files).toBeGreaterThanOrEqual(urls.length);
  }, 600_000);

  it('leaves no partial folder, and writes nothing, when there is no build to export', async () => {
    const empty = mkdtempSync(join(work, 'no-build-'));
    const target = join(work, 'never');
    await expect(exportStaticSite({ out: target, distDir: empty })).rejects.toThrow(/no published dataset/);
    expect(existsSync(target)).toBe(false);
  });
});
