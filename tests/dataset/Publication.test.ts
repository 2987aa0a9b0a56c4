/**
 * Atomic publication: a build killed part way (SIGKILL, as by the OOM killer or a power cut) leaves the
 * published dataset as it was, byte for byte and servable; the next good build replaces it in one step
 * and clears away what the killed one left.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, type BuildManifest } from '../../src/dataset/DatasetBuilder.ts';
import { currentBuildDir } from '../../src/dataset/Publication.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';
import { startTestServer } from '../support/server.ts';

const base = 'http://localhost:3000/';

function unchanged(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuildManifest;
  return manifest.files.filter((f) => createHash('sha256').update(readFileSync(join(dir, f.name))).digest('hex') !== f.sha256).map((f) => f.name);
}

describe('a build killed part way', () => {
  it('leaves the published dataset intact and served, and the next build clears it away', async () => {
    const corpus = makeFixtureCorpus();
    await buildDataset({ base, location: corpus, distDir: corpus.distDir });
    const published = currentBuildDir(corpus.distDir)!;
    const builds = join(corpus.distDir, 'builds');

    // The real corpus, so that the build runs long enough to be caught writing its files.
    const build = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'build'], { env: { ...process.env, BASE_IRI: base, DIST_DIR: corpus.distDir }, stdio: 'ignore' });
    const killedWhileWriting = await new Promise<boolean>((resolve) => {
      const watch = setInterval(() => {
        const partial = readdirSync(builds).map((b) => join(builds, b)).find((b) => b !== published && readdirSync(b).length > 0);
        if (partial) { clearInterval(watch); build.kill('SIGKILL'); resolve(true); }
      }, 5);
      build.once('exit', () => { clearInterval(watch); resolve(false); });
    });
    await new Promise((resolve) => build.exitCode !== null || build.signalCode !== null ? resolve(undefined) : build.once('exit', resolve));

    expect(killedWhileWriting).toBe(true);
    expect(build.signalCode).toBe('SIGKILL');
    expect(readdirSync(builds)).toHaveLength(2); // the published build and the half-written one
    expect(currentBuildDir(corpus.distDir)).toBe(published);
    expect(unchanged(published)).toEqual([]);

    const server = await startTestServer({ DIST_DIR: corpus.distDir });
    try {
      const res = await fetch(new URL('/id/person/v-smirnov', server.url), { headers: { accept: 'text/turtle' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Smirnov');
    } finally {
      await server.close();
    }

    const next = await buildDataset({ base, location: corpus, distDir: corpus.distDir });
    expect(currentBuildDir(corpus.distDir)).toBe(next.dir);
    expect(readdirSync(builds).map((b) => join(builds, b)).sort()).toEqual([published, next.dir].sort());
    expect(existsSync(join(next.dir!, 'manifest.json'))).toBe(true);
  }, 300_000);
});
