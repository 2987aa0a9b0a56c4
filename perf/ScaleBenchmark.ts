/**
 * The scale benchmark (`npm run bench:scale [-- --sizes 1,10,100]`): for each size, a synthetic
 * corpus that many times the real one is generated, built, and served, each in a child process
 * under a time and memory budget; it records build time and peak memory, start-up time (to the first
 * answered `/readyz`), the server's peak memory, and the latency of entity look-ups and example
 * queries. Sizes from `--store-from` (default 10) up are served from an external store, a fresh
 * Virtuoso for each size (.ci/virtuoso.sh, with buffers sized to the corpus): the build is first loaded
 * into it by `load-store` (its own stage: time and the loader's peak memory), then served from it, and
 * Virtuoso's own memory is recorded before it is stopped, and the disk the corpus, the build and the
 * store's database take. A stage that fails records why, from the process's own output, and the later
 * stages of that size are skipped. A size is not started at all when, scaled from the largest smaller
 * size measured, it would need more disk than is free or its build would outlast the stage budget. Writes
 * perf/results/scale.json, scale.md (the table) and scale.svg (the plot), keeping the results of sizes
 * an earlier run measured and this one did not.
 *
 * Not a test: it asserts nothing. It is heavy; run it alone on the machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticEntity } from '../src/annotation/SyntheticCorpus.ts';
import type { EntityType } from '../src/annotation/Registry.ts';
import { buildSecondsAtLeast, diskNeeded, growthPlot, phasesTable, plotPoints, resultsTable, type SizeResult, type StageOutcome, type StoreKind } from './ScaleReport.ts';

const repoRoot = new URL('../', import.meta.url).pathname;
const resultsDir = join(repoRoot, 'perf', 'results');
const base = 'http://localhost:3000/';
const seed = 1;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,2,5,10,100,1000' },
    work: { type: 'string', default: '/tmp/rcp-scale-bench' },
    'heap-mb': { type: 'string', default: '10240' },
    'stage-minutes': { type: 'string', default: '20' },
    /** Sizes from this one up are served from a Virtuoso rather than the embedded store. */
    'store-from': { type: 'string', default: '10' },
    /** Virtuoso's buffers in MB; by default 64 MB per multiple of the real corpus, from 512 MB up to 8 GB. */
    'store-buffers-mb': { type: 'string' },
    /** Only rewrite the table and the plot from perf/results/scale.json. */
    'report-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const heapMb = Number(values['heap-mb']);
const stageMs = Number(values['stage-minutes']) * 60_000;
const storeFrom = Number(values['store-from']);
const storeBuffersMb = (scale: number) => Number(values['store-buffers-mb'] ?? Math.min(8192, Math.max(512, scale * 64)));

interface Run { readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stderr: string; readonly seconds: number; readonly peakRssMb?: number; readonly timedOut: boolean }

/** Runs a command under GNU time (for its peak RSS) with a time limit; the whole process group is killed past it. */
function run(args: readonly string[], env: Record<string, string>, limitMs: number): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kb %M', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-20_000); });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; process.kill(-child.pid!, 'SIGKILL'); }, limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const rss = /peak-rss-kb (\d+)/.exec(stderr)?.[1];
      resolve({ code, signal, stderr, timedOut, seconds: (performance.now() - started) / 1000, ...(rss && { peakRssMb: Number(rss) / 1024 }) });
    });
  });
}

/** Why a run failed, in the words its output gives. */
function failure(r: Run, quadsSoFar?: number): string {
  const at = quadsSoFar ? ` at ${quadsSoFar.toLocaleString('en')} quads` : '';
  const phase = [...r.stderr.matchAll(/^(read .*|extracted .*|SHACL validation.*)$/gm)].at(-1)?.[1];
  const after = phase ? ` (last step done: ${phase})` : '';
  if (r.timedOut) return `over the time budget of ${values['stage-minutes']} min${at}${after}`;
  if (/heap out of memory|Reached heap limit|Allocation failed/.test(r.stderr)) return `out of memory (V8 heap limit ${heapMb} MB)${at}${after}`;
  const last = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('peak-rss-kb') && !l.includes('npm warn')).at(-1);
  return `exit ${r.code ?? r.signal}: ${last ?? 'no message'}${after}`;
}

const tsx = (heap: number) => [process.execPath, `--max-old-space-size=${heap}`, '--import', 'tsx', 'src/cli.ts'];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Bytes of the files under `path` (links not followed), as `du -sb` counts them, less the folders. */
function bytesUnder(path: string): number {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

/** Bytes free for this user on the work folder's file system. */
function freeBytes(): number {
  const { bavail, bsize } = statfsSync(values.work);
  return bavail * bsize;
}

function peakRssOf(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch { return undefined; }
}

/** A Virtuoso started by .ci/virtuoso.sh for one size: where it answers, its database folder and its process id. */
interface Virtuoso { readonly env: Record<string, string>; readonly settings: Record<string, string>; readonly databaseDir: string; readonly pid?: number }

/** Runs .ci/virtuoso.sh start or stop; its output, and whether it succeeded. */
function virtuosoScript(action: 'start' | 'stop', env: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['.ci/virtuoso.sh', action], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-5_000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code) => resolve({ ok: code === 0, output: output.trim() }));
  });
}

/** A fresh Virtuoso on free loopback ports, its database under the work folder, buffers sized to the corpus. */
async function startVirtuoso(scale: number): Promise<Virtuoso | string> {
  const [httpPort, sqlPort] = [await freePort(), await freePort()];
  const buffers = Math.round(storeBuffersMb(scale) * 1024 / 8);
  const state = join(values.work, 'virtuoso.state');
  const env = {
    VIRTUOSO_STATE: state, VIRTUOSO_PARENT: values.work, VIRTUOSO_HTTP_PORT: String(httpPort), VIRTUOSO_SQL_PORT: String(sqlPort),
    VIRTUOSO_BUFFERS: String(buffers), VIRTUOSO_DIRTY_BUFFERS: String(Math.round(buffers * 3 / 4)),
    // Start-up pages through the search index with queries that may take a while at 1000×; visitors' queries are cut by the server's own limit.
    VIRTUOSO_QUERY_SECONDS: '120',
  };
  const started = await virtuosoScript('start', env);
  if (!started.ok) return `Virtuoso did not start: ${started.output.split('\n').at(-1) ?? 'no message'}`;
  const databaseDir = readFileSync(state, 'utf8').trim();
  const pid = Number(readFileSync(join(databaseDir, 'pid'), 'utf8'));
  const settings = {
    SPARQL_STORE: `http://127.0.0.1:${httpPort}/sparql`, SPARQL_GRAPH_STORE: `http://127.0.0.1:${httpPort}/sparql-graph-crud-auth`,
    SPARQL_STORE_USER: 'dba', SPARQL_STORE_PASSWORD: 'dba',
  };
  return { env, settings, databaseDir, ...(Number.isInteger(pid) && { pid }) };
}

const exampleQueries = ['genealogy-of-splits.rq', 'members-of-a-faction-over-time.rq', 'statements-per-relation-and-source.rq'];
const lookups: readonly { name: string; type: EntityType; extension: string }[] = [
  { name: 'person .ttl', type: 'Person', extension: 'ttl' },
  { name: 'faction .html', type: 'Faction', extension: 'html' },
  { name: 'document .jsonld', type: 'Document', extension: 'jsonld' },
];
const latencyNames = [...lookups.map((l) => l.name), ...exampleQueries.map((q) => q.replace(/\.rq$/, ''))];

/** The server's time limit for one query in this benchmark; a request is given a little longer. */
const queryLimitMs = 60_000;

async function timed(url: string, init?: RequestInit): Promise<number | string> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(queryLimitMs + 5_000) });
    await response.arrayBuffer();
    const ms = performance.now() - started;
    return response.ok ? ms : `${response.status}${response.status === 503 ? ' (query time limit)' : ''}`;
  } catch (error) {
    return `no answer in ${(queryLimitMs + 5_000) / 1000} s (${error instanceof Error ? error.name : 'error'})`;
  }
}

/** Starts the server on the built corpus, times start-up and a few requests, stops it. */
async function serveAndMeasure(env: Record<string, string>, counts: Record<EntityType, number>): Promise<Pick<SizeResult, 'serve' | 'latencies'>> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(tsx(heapMb)[0], [...tsx(heapMb).slice(1), 'serve'], {
    cwd: repoRoot, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', BASE_IRI: base, QUERY_WORKERS: '1', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn',
      // A query's time limit as a large corpus's publisher would set it (the default, 10 s, cut an aggregate over 100×): the table then shows how long it takes.
      QUERY_TIMEOUT_MS: String(queryLimitMs) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-20_000); });
  let exited: string | undefined;
  child.on('exit', (code, signal) => { exited = signal ? `killed by ${signal}` : `exit code ${code}`; });
  const root = `http://127.0.0.1:${port}/`;
  try {
    let ready = false;
    while (!ready && !exited && performance.now() - started < stageMs) {
      ready = await fetch(`${root}readyz`).then((r) => r.ok, () => false);
      if (!ready) await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    if (!ready) {
      const reason = exited
        ? (/heap out of memory|Reached heap limit/.test(stderr) ? `out of memory (V8 heap limit ${heapMb} MB)` : `${exited}: ${stderr.trim().split('\n').at(-1) || 'no message'}`)
        : `not ready within the time budget of ${values['stage-minutes']} min`;
      return { serve: { ok: false, seconds, reason, peakRssMb: peakRssOf(child.pid!) } };
    }
    const latencies: Record<string, number | string> = {};
    for (const { name, type, extension } of lookups) {
      const entity = syntheticEntity(type, Math.floor(counts[type] / 2), seed);
      latencies[name] = await timed(`${root}id/${type.toLowerCase()}/${entity.id}.${extension}`);
    }
    for (const file of exampleQueries) {
      const query = await (await fetch(`${root}queries/${file}`)).text();
      latencies[file.replace(/\.rq$/, '')] = await timed(`${root}sparql`, {
        method: 'POST', body: new URLSearchParams({ query }), headers: { accept: 'application/sparql-results+json' },
      });
    }
    return { serve: { ok: true, seconds, peakRssMb: peakRssOf(child.pid!) }, latencies };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    if (!exited) child.kill('SIGKILL');
  }
}

/** Loads the build into the store (timed, the loader's peak memory), serves from it, and records the store's memory. */
async function measureOnVirtuoso(scale: number, env: Record<string, string>, counts: Record<EntityType, number>): Promise<Pick<SizeResult, 'load' | 'serve' | 'latencies' | 'storeRssMb'> & { storeBytes?: number }> {
  process.stderr.write(`${scale}×: starting Virtuoso (${storeBuffersMb(scale)} MB of buffers)\n`);
  const virtuoso = await startVirtuoso(scale);
  if (typeof virtuoso === 'string') return { load: { ok: false, seconds: 0, reason: virtuoso } };
  try {
    process.stderr.write(`${scale}×: loading the store\n`);
    const loaded = await run([...tsx(heapMb), 'load-store'], { ...env, ...virtuoso.settings }, stageMs);
    const load: StageOutcome = { ok: loaded.code === 0, seconds: loaded.seconds, peakRssMb: loaded.peakRssMb, ...(loaded.code !== 0 && { reason: failure(loaded) }) };
    if (!load.ok) return { load, storeRssMb: virtuoso.pid && peakRssOf(virtuoso.pid) };
    process.stderr.write(`${scale}×: serving from Virtuoso\n`);
    const storeBytes = bytesUnder(virtuoso.databaseDir);
    const served = await serveAndMeasure({ ...env, ...virtuoso.settings }, counts);
    return { load, ...served, storeRssMb: virtuoso.pid && peakRssOf(virtuoso.pid), storeBytes };
  } finally {
    const stopped = await virtuosoScript('stop', virtuoso.env);
    if (!stopped.ok) process.stderr.write(`${scale}×: stopping Virtuoso failed: ${stopped.output}\n`);
  }
}

async function measure(scale: number, earlier: readonly SizeResult[]): Promise<SizeResult> {
  const corpus = join(values.work, `corpus-${scale}`);
  const dist = join(values.work, `dist-${scale}`);
  rmSync(dist, { recursive: true, force: true });
  // A size that would fill the disk, or outlast its time budget, part way is not started: it would fail
  // after hours. What it would need is scaled from the largest smaller size measured (said so in the table).
  const needed = diskNeeded(scale, earlier);
  const free = freeBytes();
  const buildTime = buildSecondsAtLeast(scale, earlier);
  const gb = (n: number) => `${Math.round(n / 1024 ** 3)} GB`;
  const blockers = [
    ...(needed && needed.bytes > free ? [`it needs about ${gb(needed.bytes)} of disk, ${gb(free)} free (the ${needed.from}× run's corpus, build and store, scaled)`] : []),
    ...(buildTime && buildTime.seconds * 1000 > stageMs ? [`its build would take at least ${(buildTime.seconds / 3600).toFixed(1)} h, over the stage budget of ${values['stage-minutes']} min (the ${buildTime.from}× build, scaled linearly)`] : []),
  ];
  if (blockers.length) return { scale, generate: { ok: false, notStarted: true, seconds: 0, reason: blockers.join('; ') } };
  process.stderr.write(`${scale}×: generating\n`);
  const generated = await run([...tsx(4096), 'generate', '--scale', String(scale), '--seed', String(seed), '--out', corpus], {}, stageMs);
  const generate: StageOutcome = { ok: generated.code === 0, seconds: generated.seconds, peakRssMb: generated.peakRssMb, ...(generated.code !== 0 && { reason: failure(generated) }) };
  if (!generate.ok) return { scale, generate };
  const env = { DATA_DIR: corpus, SEEDS_DIR: join(corpus, 'seeds'), DIST_DIR: dist, BASE_IRI: base };
  process.stderr.write(`${scale}×: building\n`);
  const built = await run([...tsx(heapMb), 'build'], env, stageMs);
  const counts = /(\d+) texts, (\d+) entities, (\d+) mentions, (\d+) statements, (\d+) quads/.exec(built.stderr);
  const quadsSoFar = Number(/extracted (\d+) quads/.exec(built.stderr)?.[1]) || undefined;
  const phases = /phases \(ms\): ([^;]+);/.exec(built.stderr)?.[1];
  const build = {
    ok: built.code === 0, seconds: built.seconds, peakRssMb: built.peakRssMb,
    ...(built.code !== 0 && { reason: failure(built, quadsSoFar) }),
    ...(phases && { phases: Object.fromEntries(phases.split(', ').map((p) => { const [k, v] = p.split(' '); return [k, Number(v)]; })) }),
  };
  const sizes = counts ? { texts: Number(counts[1]), entities: Number(counts[2]), statements: Number(counts[4]), quads: Number(counts[5]) } : { quads: quadsSoFar };
  if (!build.ok) return { scale, ...sizes, generate, build };
  const disk = { corpus: bytesUnder(corpus), build: bytesUnder(join(dist, 'builds')) };
  const registry = JSON.parse(readFileSync(join(dist, 'current', 'manifest.json'), 'utf8')) as { statistics: { entitiesPerClass: Record<EntityType, number> } };
  const store: StoreKind = scale >= storeFrom ? 'Virtuoso' : 'embedded';
  let served: Pick<SizeResult, 'load' | 'serve' | 'latencies' | 'storeRssMb'> & { storeBytes?: number };
  if (store === 'Virtuoso') {
    served = await measureOnVirtuoso(scale, env, registry.statistics.entitiesPerClass);
  } else {
    process.stderr.write(`${scale}×: serving\n`);
    served = await serveAndMeasure(env, registry.statistics.entitiesPerClass);
  }
  rmSync(dist, { recursive: true, force: true });
  const { storeBytes, ...measured } = served;
  return { scale, ...sizes, generate, build, store, ...measured, disk: { ...disk, ...(storeBytes !== undefined && { store: storeBytes }) } };
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  if (values['report-only']) return writeReport((JSON.parse(readFileSync(join(resultsDir, 'scale.json'), 'utf8')) as { results: SizeResult[] }).results);
  mkdirSync(values.work, { recursive: true });
  // Sizes measured before (another run) are kept, unless measured again: 1000× is run once, alone.
  const earlier = existsSync(join(resultsDir, 'scale.json'))
    ? (JSON.parse(readFileSync(join(resultsDir, 'scale.json'), 'utf8')) as { results: SizeResult[] }).results.filter((r) => !sizes.includes(r.scale)) : [];
  const measured: SizeResult[] = [];
  for (const scale of sizes) {
    const result = await measure(scale, [...earlier, ...measured]);
    measured.push(result);
    const results = [...earlier, ...measured].sort((a, b) => a.scale - b.scale);
    process.stderr.write(`${JSON.stringify(result)}\n`);
    rmSync(join(values.work, `corpus-${scale}`), { recursive: true, force: true });
    // Written after every size, so a long run that is stopped keeps what it measured.
    writeFileSync(join(resultsDir, 'scale.json.tmp'), JSON.stringify({ machine: machineNote(), heapLimitMb: heapMb, stageMinutes: Number(values['stage-minutes']), storeFrom, results }, null, 2) + '\n');
    renameSync(join(resultsDir, 'scale.json.tmp'), join(resultsDir, 'scale.json'));
    await writeReport(results);
  }
}

/** The table (and the build's phases) and the plot, from the results; each file replaced whole. */
async function writeReport(results: readonly SizeResult[]) {
  const write = (name: string, content: string) => { writeFileSync(join(resultsDir, `${name}.tmp`), content); renameSync(join(resultsDir, `${name}.tmp`), join(resultsDir, name)); };
  write('scale.md', `${resultsTable(results, latencyNames)}\nBuild phases:\n\n${phasesTable(results)}`);
  write('scale.svg', await growthPlot(plotPoints(results, latencyNames), results.map((r) => r.scale)));
}

function machineNote(): string {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length;
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]);
  return `${cpus} CPU cores, ${Math.round(memKb / 1024 / 1024)} GB RAM, Node ${process.version}`;
}

main().catch((error: unknown) => { process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`); process.exitCode = 1; });
