/**
 * The load test (`npm run test:load`, run by .ci/run after the test suite): the real server in its own
 * process, on loopback only, under a realistic mix at 50 concurrent connections for 60 s (entity pages
 * in HTML, JSON-LD and Turtle, search, source texts, fast example queries, dumps), while a runaway query
 * is sent again and again to be stopped at the time limit. It is bounded and stops by itself.
 *
 * It fails (exit 1) on any failed request, on resident memory growing by more than a quarter from the
 * start of the measured run to its end, or on an entity page slower than the query time limit while the
 * runaway queries run. The figures go to stdout and to tests/load/results.md.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 50);
const queryTimeoutMs = 10_000;
const base = 'http://localhost:3000/';
const repo = new URL('../../', import.meta.url).pathname;

interface Sample { readonly at: number; readonly rssMb: number }

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function startServer(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: repo,
    // One client sends everything here, so the per-client rate limit is off; its own test is in the suite.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BASE_IRI: base, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info', QUERY_TIMEOUT_MS: String(queryTimeoutMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    // The request log goes on, as in production; only the start-up line is read.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.url && entry.msg?.startsWith('serving')) resolve(entry.url);
    });
  });
  // Ready, and every entity representation made ahead (the server's default), or ten minutes passed.
  const waitUntil = Date.now() + 600_000;
  while (Date.now() < waitUntil) {
    const readiness = await fetch(new URL('readyz', url)).then((r) => r.json() as Promise<{ representationsPrepared?: boolean }>, () => ({ representationsPrepared: false }));
    if (readiness.representationsPrepared) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url, pid: child.pid!,
    stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

async function main(): Promise<void> {
  const server = await startServer();
  const { url } = server;
  const get = async (path: string, accept: string) => {
    const res = await fetch(new URL(path, url), { headers: { accept } });
    return { status: res.status, body: await res.text() };
  };

  // The mix: entities from the dataset, fast example queries (measured here: under 500 ms alone).
  const entities = (JSON.parse((await get('sparql?query=' + encodeURIComponent('SELECT DISTINCT ?e WHERE { ?m <http://www.w3.org/ns/oa#hasBody> ?e } LIMIT 300'), 'application/sparql-results+json')).body) as { results: { bindings: Array<{ e: { value: string } }> } })
    .results.bindings.map((b) => new URL(b.e.value).pathname.slice(1)).filter((p) => p.startsWith('id/'));
  const texts = (JSON.parse((await get('sparql?query=' + encodeURIComponent('SELECT ?t WHERE { ?t a <http://localhost:3000/ontology#SourceText> }'), 'application/sparql-results+json')).body) as { results: { bindings: Array<{ t: { value: string } }> } })
    .results.bindings.map((b) => new URL(b.t.value).pathname.slice(1));
  const fastQueries: string[] = [];
  for (const file of readdirSync(new URL('../../queries/', import.meta.url))) {
    const query = readFileSync(new URL(`../../queries/${file}`, import.meta.url), 'utf8');
    const started = performance.now();
    const answer = await get(`sparql?query=${encodeURIComponent(query)}`, 'application/sparql-results+json');
    if (answer.status === 200 && performance.now() - started < 500) fastQueries.push(query);
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
  const mix: Array<[number, () => { path: string; accept: string }]> = [
    [35, () => ({ path: pick(entities), accept: 'text/html' })],
    [15, () => ({ path: pick(entities), accept: 'application/ld+json' })],
    [15, () => ({ path: pick(entities), accept: 'text/turtle' })],
    [10, () => ({ path: `search?q=${encodeURIComponent(pick(['троцк', 'trotsky', 'oppos', 'зиновьев', 'платформа', 'centralists']))}`, accept: 'text/html' })],
    [8, () => ({ path: pick(texts), accept: 'text/html' })],
    [12, () => ({ path: `sparql?query=${encodeURIComponent(pick(fastQueries))}`, accept: 'application/sparql-results+json' })],
    [5, () => ({ path: pick(['dump.ttl.gz', 'dump.nq.gz', '.well-known/void']), accept: '*/*' })],
  ];
  const total = mix.reduce((sum, [weight]) => sum + weight, 0);
  const nextRequest = () => {
    let roll = Math.random() * total;
    for (const [weight, make] of mix) { roll -= weight; if (roll < 0) return make(); }
    return mix[0][1]();
  };

  const run = (duration: number) => autocannon({
    url, connections, duration, timeout: 30,
    requests: [{ setupRequest: (request) => { const { path, accept } = nextRequest(); return { ...request, path: `/${path}`, headers: { ...request.headers, accept, 'accept-encoding': 'gzip' } }; } }],
  });

  console.log(`warming up for 10 s (${entities.length} entities, ${texts.length} texts, ${fastQueries.length} fast example queries)`);
  await run(10);

  // The runaway queries and a probe of entity-page latency, alongside the measured run.
  let running = true;
  const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
  const runawayStatuses: number[] = [];
  const runaways = (async () => {
    while (running) runawayStatuses.push((await get(`sparql?query=${encodeURIComponent(runaway)}`, 'application/sparql-results+json')).status);
  })();
  const probe: number[] = [];
  const probing = (async () => {
    while (running) {
      const started = performance.now();
      await get(pick(entities), 'text/turtle');
      probe.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const memory: Sample[] = [];
  const sampling = setInterval(() => memory.push({ at: Date.now(), rssMb: rssMb(server.pid) }), 1000);
  memory.push({ at: Date.now(), rssMb: rssMb(server.pid) });

  const result = await run(seconds);
  running = false;
  clearInterval(sampling);
  memory.push({ at: Date.now(), rssMb: rssMb(server.pid) });
  await Promise.all([runaways, probing]);
  await server.stop();

  const failed = result.errors + result.timeouts + result.non2xx;
  const startRss = memory[0].rssMb;
  const endRss = memory.at(-1)!.rssMb;
  const peakRss = Math.max(...memory.map((m) => m.rssMb));
  const figures = {
    seconds, connections, requests: result.requests.total, requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    failed: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, statusCodes: result.statusCodeStats },
    entityProbeMs: { samples: probe.length, p50: Math.round(percentile(probe, 50)), p99: Math.round(percentile(probe, 99)), max: Math.round(Math.max(...probe)) },
    runawayQueries: { sent: runawayStatuses.length, stoppedWith503: runawayStatuses.filter((s) => s === 503).length },
    rssMb: { start: Math.round(startRss), end: Math.round(endRss), peak: Math.round(peakRss) },
  };
  const verdicts = [
    [failed === 0, `no failed requests (${failed})`],
    [endRss <= startRss * 1.25, `resident memory stable (${Math.round(startRss)} → ${Math.round(endRss)} MB)`],
    [figures.entityProbeMs.max < queryTimeoutMs, `entity pages answered within the query time limit while runaway queries ran (max ${figures.entityProbeMs.max} ms)`],
    [runawayStatuses.length > 0 && runawayStatuses.every((s) => s === 503), `every runaway query stopped with 503 (${runawayStatuses.length})`],
  ] as const;
  const report = [
    `# Load test: ${new Date().toISOString().slice(0, 10)}, ${connections} connections, ${seconds} s, loopback`,
    '',
    '```json', JSON.stringify(figures, null, 2), '```', '',
    ...verdicts.map(([ok, text]) => `- ${ok ? 'PASS' : 'FAIL'}: ${text}`), '',
  ].join('\n');
  writeFileSync(new URL('./results.md', import.meta.url), report);
  console.log(report);
  process.exitCode = verdicts.every(([ok]) => ok) ? 0 : 1;
}

await main();
