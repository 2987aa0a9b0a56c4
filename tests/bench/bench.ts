/**
 * The benchmark suite (`npm run bench`): our server and its peers on the same data, the same machine,
 * in the same run, side by side, with the ratios between them. Not a test: it asserts nothing, it
 * measures and writes tests/bench/results.md (linked from the README).
 *
 *  1. entity dereferencing (HTML, JSON-LD, Turtle) under 32 concurrent connections: ours, a bare Node
 *     server answering each path with the same bytes prebuilt in memory, and Trifid over the same dump;
 *  2. SPARQL: every query in queries/ and heavier analytical ones, cold and repeated: our endpoint,
 *     Oxigraph in process, and Comunica's defaults (a plain N3 store, union default graph);
 *  3. the build: triples per second and where the time goes, against N3.js parsing the Turtle dump;
 *  4. start-up (process start to first answered request) and resident memory, ours and Trifid's.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { mkdtempSync } from 'node:fs';
import autocannon from 'autocannon';
import { Parser, Store, StreamParser } from 'n3';
import oxigraph from 'oxigraph';
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import type { Quad } from '@rdfjs/types';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { ensureBuilt } from '../../src/dataset/Freshness.ts';
import { createReadStream } from 'node:fs';
import { residentMb, startBareNode, startOurs, startTrifid, type RunningPeer } from './peers.ts';

const base = 'http://localhost:3000/';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;
const out: string[] = [];
const say = (line = '') => { out.push(line); console.log(line); };
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function table(head: string[], rows: Array<Array<string | number>>) {
  say(`| ${head.join(' | ')} |`);
  say(`| ${head.map(() => '---').join(' | ')} |`);
  for (const row of rows) say(`| ${row.join(' | ')} |`);
  say();
}

async function load(url: string, paths: string[], accept: string) {
  let i = 0;
  const result = await autocannon({
    url, connections, duration: seconds, timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, path: `/${paths[i++ % paths.length]}`, headers: { accept } }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.errors + result.timeouts + result.non2xx };
}

async function entityDereferencing(dir: string) {
  say('## 1. Entity dereferencing');
  say();
  const ours = await startOurs(4101, 'id/person/trotsky');
  while (!((await (await fetch(`${ours.url}readyz`)).json()) as { representationsPrepared: boolean }).representationsPrepared) await new Promise((r) => setTimeout(r, 500));
  const entities = ((await (await fetch(`${ours.url}sparql?query=${encodeURIComponent(`SELECT ?e WHERE { ?e a <${base}ontology#Person> } ORDER BY ?e LIMIT 100`)}`, { headers: { accept: 'application/sparql-results+json' } })).json()) as { results: { bindings: Array<{ e: { value: string } }> } })
    .results.bindings.map((b) => b.e.value.slice(base.length));
  const trifid = await startTrifid(4102, join(dir, 'dataset.ttl'), base, 'id/person/trotsky');
  say(`${entities.length} person IRIs requested in turn, ${connections} connections, ${seconds} s per run, loopback; our representations made ahead (the default).`);
  say();
  const rows: Array<Array<string | number>> = [];
  for (const accept of ['text/html', 'application/ld+json', 'text/turtle']) {
    const bodies = new Map<string, Buffer>();
    for (const path of entities) bodies.set(`/${path}`, Buffer.from(await (await fetch(`${ours.url}${path}`, { headers: { accept } })).arrayBuffer()));
    const bare = await startBareNode(4103, bodies, accept);
    const b = await load(bare.url, entities, accept);
    await bare.stop();
    const o = await load(ours.url, entities, accept);
    const t = await load(trifid.url, entities, accept);
    rows.push([accept, 'bare node', Math.round(b.rps), b.p50, b.p99, b.failed, '', '']);
    rows.push([accept, 'ours', Math.round(o.rps), o.p50, o.p99, o.failed, ratio(o.rps, b.rps), `${ratio(b.p50 || 0.5, o.p50 || 0.5)} / ${ratio(b.p99 || 0.5, o.p99 || 0.5)}`]);
    rows.push([accept, 'trifid', Math.round(t.rps), t.p50, t.p99, t.failed, ratio(o.rps, t.rps), `${ratio(t.p50 || 0.5, o.p50 || 0.5)} / ${ratio(t.p99 || 0.5, o.p99 || 0.5)}`]);
  }
  table(['format', 'server', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'ours ÷ this (req/s)', 'this ÷ ours (p50 / p99 latency)'], rows);
  say('For the bare-node rows the ratio column reads "ours ÷ bare node" (the share of the practical limit we reach); for Trifid, how many times faster we are.');
  say();
  return { ours, trifid };
}

const heavyQueries: Record<string, string> = {
  'heavy: statements per class pair': `PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?st ?ot (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?s rdf:type ?st . ?o rdf:type ?ot . FILTER(STRSTARTS(STR(?p), "${base}ontology#")) } GROUP BY ?st ?ot ORDER BY DESC(?n)`,
  'heavy: co-members of factions': `PREFIX rcp: <${base}ontology#>
SELECT ?a ?b (COUNT(DISTINCT ?f) AS ?shared) WHERE { ?a rcp:memberOf ?f . ?b rcp:memberOf ?f . FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b ORDER BY DESC(?shared) LIMIT 100`,
  'heavy: degree of every entity': `PREFIX rcp: <${base}ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?e (COUNT(?st) AS ?degree) WHERE { { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } ?st a rcp:Statement } GROUP BY ?e ORDER BY DESC(?degree) LIMIT 50`,
  'heavy: quotes of every criticism': `PREFIX rcp: <${base}ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?s ?o ?quote WHERE { ?st rdf:predicate rcp:criticised ; rdf:subject ?s ; rdf:object ?o . ?a oa:hasBody ?st ; oa:hasTarget/oa:hasSelector/oa:exact ?quote }`,
};

async function readQuads(file: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  await new Promise<void>((resolve, reject) => createReadStream(file).pipe(new StreamParser({ format: 'N-Quads' })).on('data', (q: Quad) => quads.push(q)).on('error', reject).on('end', () => resolve()));
  return quads;
}

/** The time a run took, and its rows; -1 rows when it failed (stopped at the time limit). */
async function timed(run: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const rows = await run().catch(() => -1);
  return { ms: performance.now() - started, rows };
}

async function sparql(ours: RunningPeer, dir: string) {
  say('## 2. SPARQL queries');
  say();
  const queries: Array<[string, string]> = [
    ...readdirSync(new URL('../../queries/', import.meta.url)).sort().map((f): [string, string] => [f.replace(/\.rq$/, ''), readFileSync(new URL(`../../queries/${f}`, import.meta.url), 'utf8')]),
    ...Object.entries(heavyQueries),
  ];
  const quads = await readQuads(join(dir, 'dataset.nq'));
  const oxi = new oxigraph.Store();
  oxi.load(readFileSync(join(dir, 'dataset.nq'), 'utf8'), { format: 'application/n-quads' });
  const plain = new Store(quads);
  const comunica = new QueryEngine();
  const viaHttp = async (query: string) => {
    const res = await fetch(`${ours.url}sparql`, { method: 'POST', headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' }, body: query });
    if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
    const body = await res.json() as { results?: { bindings: unknown[] } };
    return body.results?.bindings.length ?? -1;
  };
  const viaOxigraph = async (query: string) => {
    const result = oxi.query(query, { use_default_graph_as_union: true, results_format: 'application/sparql-results+json' }) as string;
    return (JSON.parse(result) as { results: { bindings: unknown[] } }).results.bindings.length;
  };
  // Stopped at the same time limit as our endpoint's, by destroying its stream.
  const viaComunica = async (query: string) => {
    const stream = await comunica.queryBindings(query, { sources: [plain], unionDefaultGraph: true });
    return new Promise<number>((resolve, reject) => {
      let rows = 0;
      const timer = setTimeout(() => { stream.destroy(); reject(new Error('stopped at the 10 s time limit')); }, 10_000);
      stream.on('data', () => { rows++; });
      stream.on('error', (error: Error) => { clearTimeout(timer); reject(error); });
      stream.on('end', () => { clearTimeout(timer); resolve(rows); });
    });
  };
  const engines: Array<[string, (q: string) => Promise<number>]> = [['ours (HTTP)', viaHttp], ['oxigraph (in process)', viaOxigraph], ['comunica defaults (in process)', viaComunica]];
  const rows: Array<Array<string | number>> = [];
  const summary: Record<string, { cold: number[]; warm: number[] }> = Object.fromEntries(engines.map(([name]) => [name, { cold: [], warm: [] }]));
  for (const [name, query] of queries) {
    const row: Array<string | number> = [name];
    for (const [engine, run] of engines) {
      const cold = await timed(() => run(query));
      const warm: number[] = [];
      for (let i = 0; i < (cold.ms > 5000 || cold.rows < 0 ? 1 : 5); i++) warm.push((await timed(() => run(query))).ms);
      summary[engine].cold.push(cold.ms);
      summary[engine].warm.push(median(warm));
      row.push(cold.rows < 0 ? `stopped at ${ms(cold.ms)}` : `${ms(cold.ms)} / ${ms(median(warm))} (${cold.rows})`);
    }
    rows.push(row);
  }
  table(['query', ...engines.map(([e]) => `${e}: cold / repeated ms (rows)`)], rows);
  const [o, x, c] = engines.map(([e]) => summary[e]);
  table(['median over all queries', 'ours', 'oxigraph', 'comunica defaults', 'ours ÷ oxigraph', 'ours ÷ comunica'], [
    ['cold, ms', ms(median(o.cold)), ms(median(x.cold)), ms(median(c.cold)), ratio(median(o.cold), median(x.cold)), ratio(median(o.cold), median(c.cold))],
    ['repeated, ms', ms(median(o.warm)), ms(median(x.warm)), ms(median(c.warm)), ratio(median(o.warm), median(x.warm)), ratio(median(o.warm), median(c.warm))],
  ]);
  say('Ours is measured over HTTP (protocol, policy, worker hand-off and JSON included); the peers in process, which favours them. "Cold" is the first time the query is asked after start-up; "repeated" the median of five more.');
  say();
}

async function build() {
  say('## 3. The build');
  say();
  const distDir = mkdtempSync(join(tmpdir(), 'rcp-bench-'));
  const started = performance.now();
  const result = await buildDataset({ base, distDir });
  const total = performance.now() - started;
  const quads = result.manifest.statistics.quads;
  const turtle = readFileSync(join(result.dir!, 'dataset.ttl'), 'utf8');
  const parseStarted = performance.now();
  const parsed = new Parser().parse(turtle).length;
  const parseMs = performance.now() - parseStarted;
  table(['phase', 'ms'], Object.entries(result.timings).map(([phase, t]) => [phase, t]));
  table(['', 'quads or triples', 'ms', 'per second', 'ratio'], [
    ['our build (annotated texts → validated, published dataset)', quads, Math.round(total), Math.round(quads / (total / 1000)), ''],
    ['N3.js parsing the Turtle dump it wrote', parsed, Math.round(parseMs), Math.round(parsed / (parseMs / 1000)), ratio(quads / total, parsed / parseMs)],
  ]);
  return result.dir!;
}

function startupAndMemory(ours: RunningPeer, trifid: RunningPeer, triples: number) {
  say('## 4. Start-up and memory');
  say();
  const perMillion = (mb: number) => Math.round(mb / (triples / 1e6));
  const o = residentMb(ours.pid);
  const t = residentMb(trifid.pid);
  table(['server', 'start-up to first answer, ms', 'start-up to ready, ms', 'resident MB after the runs', 'MB per million triples'], [
    ['ours (main process and its query workers, every representation made)', Math.round(ours.startupMs), Math.round(ours.readyMs), Math.round(o), perMillion(o)],
    ['trifid', Math.round(trifid.startupMs), Math.round(trifid.readyMs), Math.round(t), perMillion(t)],
  ]);
  say(`Ours ÷ Trifid start-up: ${ratio(ours.startupMs, trifid.startupMs)} to the first answer (an entity), ${ratio(ours.readyMs, trifid.readyMs)} to ready (ours: /readyz, once the query workers have loaded; Trifid answers SPARQL from its first answer). Ours starts on a dataset already built (the build is measured above).`);
  say();
}

async function main() {
  const cpu = cpus()[0]?.model ?? 'unknown';
  say(`# Benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  say();
  say(`Machine: ${availableParallelism()} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Command: \`npm run bench\`.`);
  say();
  const only = process.env.BENCH_ONLY?.split(',');
  if (!only || only.includes('build')) await build();
  const dir = await ensureBuilt(base, () => undefined);
  const triples = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { statistics: { triples: number } }).statistics.triples;
  const { ours, trifid } = await entityDereferencing(dir);
  await sparql(ours, dir);
  startupAndMemory(ours, trifid, triples);
  await Promise.all([ours.stop(), trifid.stop()]);
  writeFileSync(new URL('./results.md', import.meta.url), out.join('\n'));
}

await main();
