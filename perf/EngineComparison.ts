/**
 * The embedded query engine's alternatives, measured on the current build (`npm run bench:engines`):
 * the store the query workers use (N3.js) against rdf-stores, and Comunica's rdfjs engine against its
 * "lite" build. For each pairing: loading dataset.nq with the union copy (time, heap), the example
 * queries asked once each in a fresh engine (median), and whether `GRAPH ?g` wrongly matches the
 * default graph. Writes perf/results/engines.md. Not a test: it asserts nothing; run it alone.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, StreamParser, Store as N3Store } from 'n3';
import { RdfStore } from 'rdf-stores';
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { QueryEngine as LiteQueryEngine } from '@comunica/query-sparql-rdfjs-lite';
import type { Quad, Store } from '@rdfjs/types';
import { ensureBuilt } from '../src/dataset/Freshness.ts';

const base = 'http://localhost:3000/';
const repoRoot = new URL('../', import.meta.url).pathname;
const queriesDir = join(repoRoot, 'queries');
// Past the server's 10 s limit on every Comunica set-up; it would only make the run longer.
const skipped = new Set(['uncertain-statements.rq']);

interface Loading { readonly loadMs: number; readonly heap: number; readonly quads: number }
type LoadableStore = { addQuad(quad: Quad): unknown; readonly size: number } & Store;
type Engine = { queryBindings(query: string, context: { sources: [Store] }): Promise<{ toArray(): Promise<unknown[]> }> };
const stores: Record<string, () => LoadableStore> = { 'N3.js Store': () => new N3Store(), 'rdf-stores': () => RdfStore.createDefault() };
const engines: Record<string, () => Engine> = { 'query-sparql-rdfjs': () => new QueryEngine() as Engine, 'query-sparql-rdfjs-lite': () => new LiteQueryEngine() as Engine };

async function load(dir: string, store: { addQuad(quad: Quad): unknown }): Promise<void> {
  const defaultGraph = DataFactory.defaultGraph();
  await new Promise<void>((resolve, reject) => createReadStream(join(dir, 'dataset.nq'), 'utf8').pipe(new StreamParser({ format: 'N-Quads' }))
    .on('data', (q: Quad) => { store.addQuad(q); store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object, defaultGraph)); })
    .on('error', reject).on('end', () => resolve()));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const heapMb = () => { (globalThis as { gc?: () => void }).gc?.(); return process.memoryUsage().heapUsed / 2 ** 20; };

const dir = await ensureBuilt(base, () => undefined);
const files = readdirSync(queriesDir).filter((f) => f.endsWith('.rq') && !skipped.has(f)).sort();
const graphQuery = `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }`;
const lines = [`# The embedded engine's alternatives, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, '',
  `${files.length} example queries (${[...skipped].join(', ')} left out), each asked once in a fresh engine. Command: \`npm run bench:engines\`.`, '',
  '| store | engine | quads held | load ms | heap MB | median query ms | `GRAPH ?g` matches the default graph |', '| --- | --- | --- | --- | --- | --- | --- |'];
/** A store's load time and heap. */
async function loading(makeStore: () => LoadableStore): Promise<Loading> {
  const before = heapMb();
  const started = performance.now();
  const store = makeStore();
  await load(dir, store);
  const loadMs = performance.now() - started;
  const heap = heapMb() - before;
  return { loadMs, heap, quads: store.size }; // the store is still in use here, so the heap holds it
}

async function measure(storeName: string, makeStore: () => LoadableStore, { loadMs, heap, quads }: Loading): Promise<string[]> {
  const rows: string[] = [];
  const store = makeStore();
  await load(dir, store);
  for (const [engineName, makeEngine] of Object.entries(engines)) {
    const times: number[] = [];
    for (const file of files) {
      const engine = makeEngine();
      const t = performance.now();
      await (await engine.queryBindings(readFileSync(join(queriesDir, file), 'utf8'), { sources: [store] })).toArray();
      times.push(performance.now() - t);
    }
    const graphs = (await (await makeEngine().queryBindings(graphQuery, { sources: [store] })).toArray()) as Array<{ get(name: string): { value: string } | undefined }>;
    const wrong = graphs.some((b) => b.get('g')?.value === '');
    rows.push(`| ${storeName} | ${engineName} | ${quads} | ${Math.round(loadMs)} | ${Math.round(heap)} | ${Math.round(median(times))} | ${wrong ? 'yes (wrong)' : 'no'} |`);
    console.log(rows.at(-1));
  }
  return rows;
}

// Each store's loading is measured in a process of its own: there nothing else holds memory.
const asked = process.argv.indexOf('--load-only');
if (asked > 0) {
  process.stdout.write(JSON.stringify(await loading(stores[process.argv[asked + 1]])));
  process.exit(0);
}
const loaded = new Map<string, Loading>();
for (const storeName of Object.keys(stores)) {
  const output = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--load-only', storeName], { encoding: 'utf8', maxBuffer: 1 << 20 });
  loaded.set(storeName, JSON.parse(output) as Loading);
}
for (const [storeName, makeStore] of Object.entries(stores)) lines.push(...await measure(storeName, makeStore, loaded.get(storeName)!));
writeFileSync(join(repoRoot, 'perf', 'results', 'engines.md'), lines.join('\n') + '\n');
