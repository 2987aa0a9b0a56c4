import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { exportStaticSite, fileForUrl, type StaticExportResult } from '../../src/http/StaticExport.ts';
import { rdfFormats } from '../../src/http/Negotiation.ts';
import { base, select } from '../support/dataset.ts';
import { startTestServer } from '../support/server.ts';

const work = mkdtempSync(join(tmpdir(), 'rcp-static-export-'));
chmodSync(work, 0o755); // nginx's workers run as another user when the tests run as root
const out = join(work, 'site');
let exported: StaticExportResult;
let live: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  live = await startTestServer();
  // Through the live server: each representation is made once, for the export, and then compared.
  exported = await exportStaticSite({ out, distDir: inject('distDir'), server: live });
}, 1_200_000);
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

  it('served by nginx with the documented configuration, negotiates each URL as the live server does', async () => {
    const nginx = await startNginx(out);
    try {
      const entities = await select(`SELECT (SAMPLE(?e) AS ?e) WHERE { ?e a ?class . FILTER(STRSTARTS(STR(?e), "${base}id/")) } GROUP BY ?class`);
      const someText = (await select(`SELECT ?t WHERE { ?t a <${base}ontology#SourceText> } LIMIT 1`))[0].t;
      const paths = [...entities.map((r) => relative(r.e)), relative(someText), 'graph/registry', 'ontology', '.well-known/void'];
      const accepts = ['', '*/*', 'text/html,application/xhtml+xml,*/*;q=0.8', ...rdfFormats.map((f) => f.mediaType), 'text/plain'];
      const mediaType = (r: Response) => r.headers.get('content-type')?.split(';')[0];
      let compared = 0;
      for (const path of paths) for (const accept of accepts) {
        const headers = { 'accept-encoding': 'identity', ...(accept && { accept }) };
        const fromLive = await fetch(new URL(path, live.url), { headers });
        if (fromLive.status === 406) continue; // nginx answers its default instead; the configuration says so
        const fromNginx = await fetch(new URL(path, nginx.url), { headers });
        expect([fromNginx.status, mediaType(fromNginx)], `${path} with Accept: ${accept}`).toEqual([fromLive.status, mediaType(fromLive)]);
        expect(fromNginx.headers.get('vary') ?? '', path).toMatch(/Accept/);
        const [a, b] = [Buffer.from(await fromLive.arrayBuffer()), Buffer.from(await fromNginx.arrayBuffer())];
        if (mediaType(fromLive) !== 'text/html') expect(b.equals(a), `${path} with Accept: ${accept}`).toBe(true);
        compared++;
      }
      expect(compared).toBeGreaterThan(paths.length * 5);
    } finally {
      nginx.process.kill();
    }
  }, 120_000);

  it('leaves no partial folder, and writes nothing, when there is no build to export', async () => {
    const empty = mkdtempSync(join(work, 'no-build-'));
    const target = join(work, 'never');
    await expect(exportStaticSite({ out: target, distDir: empty })).rejects.toThrow(/no published dataset/);
    expect(existsSync(target)).toBe(false);
  });
});

/** nginx on a free loopback port with docs/static-export/nginx.conf, its root set to the export. */
async function startNginx(root: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  const prefix = join(work, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const site = readFileSync(new URL('../../docs/static-export/nginx.conf', import.meta.url), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`).replace('root /srv/rcp-factions;', `root ${root};`);
  writeFileSync(join(prefix, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${prefix};`).join(' ');
  writeFileSync(join(prefix, 'nginx.conf'), `pid ${prefix}/nginx.pid; error_log ${prefix}/logs/error.log; events {} http { access_log off; ${temp} include ${prefix}/site.conf; }`);
  const child = spawn('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then(() => true, () => false)) return { url, process: child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('nginx did not start');
}
