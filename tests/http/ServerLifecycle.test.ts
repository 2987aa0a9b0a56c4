/**
 * The server as an operator runs it (`rcpkg serve` in its own process): it reloads a new build on
 * SIGHUP without failing a single request, and on SIGTERM finishes the requests in flight, refuses new
 * connections and exits cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { fixtureText, makeFixtureCorpus } from '../support/fixtureCorpus.ts';

const base = 'http://localhost:3000/';
const corpus = makeFixtureCorpus();
let child: ChildProcess;
let url: string;
let exited: Promise<number | null>;

beforeAll(async () => {
  await buildDataset({ base, location: corpus, distDir: corpus.distDir });
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BASE_IRI: base, DIST_DIR: corpus.distDir, DATA_DIR: corpus.dataDir, SEEDS_DIR: corpus.seedsDir, QUERY_WORKERS: '1', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before serving`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.url && entry.msg?.startsWith('serving')) resolve(entry.url);
    });
  });
});
afterAll(() => { if (child.exitCode === null) child.kill('SIGKILL'); });

async function version(): Promise<string> {
  return ((await (await fetch(new URL('/readyz', url))).json()) as { version: string }).version;
}

describe('a running server', () => {
  it('reloads a new build on SIGHUP without failing a request', async () => {
    const before = await version();
    writeFileSync(join(corpus.dataDir, 'texts', 'fixture.ann'), fixtureText.replace('date=1928-09', 'date=1928-10'));
    await buildDataset({ base, location: corpus, distDir: corpus.distDir });

    const statuses: number[] = [];
    let reloaded = false;
    const loop = async () => {
      while (!reloaded) {
        const res = await fetch(new URL('/id/person/v-smirnov', url), { headers: { accept: 'text/turtle' } });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    };
    const loops = Promise.all([loop(), loop(), loop(), loop()]);
    child.kill('SIGHUP');
    while ((await version()) === before) await new Promise((resolve) => setTimeout(resolve, 50));
    reloaded = true;
    await loops;

    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const turtle = await (await fetch(new URL('/id/person/v-smirnov', url), { headers: { accept: 'text/turtle' } })).text();
    expect(turtle).toContain('1928-10');
  });

  it('on SIGTERM finishes the request in flight, refuses new connections, and exits with 0', async () => {
    const query = 'ASK { ?s ?p ?o }';
    const { port } = new URL(url);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/sparql', method: 'POST', headers: { 'content-type': 'application/sparql-query', 'content-length': Buffer.byteLength(query), accept: 'application/sparql-results+json' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => { body += c.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(query.slice(0, 5)); // half a request: in flight when the signal comes
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(query.slice(5)), 1000);
      }, 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    await expect(fetch(new URL('/healthz', url))).rejects.toThrow();
    const inFlight = await answer;
    expect(inFlight.status).toBe(200);
    expect(JSON.parse(inFlight.body)).toEqual({ head: {}, boolean: true });
    expect(await exited).toBe(0);
  });
});
