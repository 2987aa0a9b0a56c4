/**
 * The servers a benchmark compares, each started in its own process on loopback, and timed from
 * process start to its first answered request: ours (`rcpkg serve`), a bare Node `http` server that
 * answers one prebuilt buffer (the practical limit of a Node server here), and Zazuko's Trifid serving
 * the same dump (trifid-core with its entity renderer over trifid-handler-fetch, i.e. Oxigraph).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPeer {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** From spawning the process to the first request answered with 200. */
  readonly startupMs: number;
  /** From spawning the process to its readiness probe answering 200 (ours: the query workers have loaded). */
  readonly readyMs: number;
  stop(): Promise<void>;
}

const repo = new URL('../../', import.meta.url).pathname;

// The peers die with the benchmark, however it ends.
const children = new Set<ChildProcess>();
const stopping = new Set<ChildProcess>();
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });

export function residentMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

async function firstAnswer(url: string, accept: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(url, { headers: { accept } }).then(async (r) => { await r.arrayBuffer(); return r.status === 200; }, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no answer from ${url}`);
}

async function startPeer(name: string, command: string[], env: Record<string, string>, port: number, probePath: string, accept: string, readinessPath?: string): Promise<RunningPeer> {
  const started = performance.now();
  const log = join(mkdtempSync(join(tmpdir(), 'rcp-peer-')), `${name.replace(/\W/g, '-')}.log`);
  const output = openSync(log, 'w');
  const child: ChildProcess = spawn(process.execPath, command, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', output, output] });
  child.once('exit', (code, signal) => { if (!stopping.has(child)) console.error(`${name} exited (${code ?? signal}); its output is in ${log}`); });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = `http://127.0.0.1:${port}/`;
  await firstAnswer(url + probePath, accept, Date.now() + 600_000);
  const startupMs = performance.now() - started;
  if (readinessPath) await firstAnswer(url + readinessPath, 'application/json', Date.now() + 600_000);
  return {
    name, url, pid: child.pid!, startupMs, readyMs: performance.now() - started,
    stop: () => new Promise((resolve) => { stopping.add(child); if (child.exitCode !== null) return resolve(); child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

export function startOurs(port: number, probePath: string, env: Record<string, string> = {}): Promise<RunningPeer> {
  return startPeer('ours', ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    PORT: String(port), HOST: '127.0.0.1', BASE_IRI: 'http://localhost:3000/', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env,
  }, port, probePath, 'text/turtle', 'readyz');
}

/** Answers each path with its prebuilt body (the same bodies our server sends), and nothing else. */
export function startBareNode(port: number, bodies: ReadonlyMap<string, Buffer>, mediaType: string): Promise<RunningPeer> {
  const file = join(mkdtempSync(join(tmpdir(), 'rcp-bare-')), 'bodies.json');
  writeFileSync(file, JSON.stringify(Object.fromEntries([...bodies].map(([path, body]) => [path, body.toString('base64')]))));
  const script = `const bodies = new Map(Object.entries(JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))).map(([p, b]) => [p, Buffer.from(b, 'base64')]));
require('node:http').createServer((q, s) => { const b = bodies.get(q.url) ?? bodies.values().next().value; s.writeHead(200, { 'content-type': ${JSON.stringify(mediaType)}, 'content-length': b.length }); s.end(b); }).listen(${port}, '127.0.0.1');`;
  return startPeer('bare node', ['-e', script], {}, port, '', mediaType);
}

export function startTrifid(port: number, turtleDump: string, base: string, probePath: string): Promise<RunningPeer> {
  return startPeer('trifid', [new URL('./trifidServer.mjs', import.meta.url).pathname, turtleDump, base, String(port)], {}, port, probePath, 'text/turtle');
}
