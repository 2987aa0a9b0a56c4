/**
 * Atomic publication of a build. Each build is written into a fresh folder under `dist/builds/`;
 * only when every file is complete does the `dist/current` link switch to it, in one rename. A build
 * that fails or is killed part way leaves `current` pointing at the previous, intact build.
 */
import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync, fsyncSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** `DIST_DIR`, as for DATA_DIR and SEEDS_DIR in Corpus.ts, else `dist/` in the repository. */
export const defaultDistDir = process.env.DIST_DIR ?? new URL('../../dist/', import.meta.url).pathname;

export interface Publication {
  /** Where to write the files of the build being made. */
  readonly dir: string;
  write(name: string, content: string | Uint8Array): void;
  /** Where a file the caller writes itself (a stream) goes; its folder is made. */
  pathOf(name: string): string;
  /** Makes the build the current one, atomically, and removes builds older than the previous one. */
  commit(): string;
  /** Drops a build that will not be published. */
  abandon(): void;
}

export function currentBuildDir(distDir = defaultDistDir): string | undefined {
  const link = join(distDir, 'current');
  return existsSync(link) ? join(distDir, readlinkSync(link)) : undefined;
}

export function startPublication(distDir = defaultDistDir): Publication {
  const builds = join(distDir, 'builds');
  mkdirSync(builds, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const dir = join(builds, name);
  mkdirSync(dir);
  return {
    dir,
    pathOf(file) {
      const path = join(dir, file);
      mkdirSync(join(path, '..'), { recursive: true });
      return path;
    },
    write(file, content) {
      const path = this.pathOf(file);
      writeFileSync(path, content);
      const fd = openSync(path, 'r');
      fsyncSync(fd);
      closeSync(fd);
    },
    commit() {
      const previous = currentBuildDir(distDir);
      const temporaryLink = join(distDir, `current.${process.pid}`);
      rmSync(temporaryLink, { force: true });
      symlinkSync(join('builds', name), temporaryLink);
      renameSync(temporaryLink, join(distDir, 'current')); // the one atomic step
      for (const old of readdirSync(builds)) {
        const path = join(builds, old);
        if (path !== dir && path !== previous) rmSync(path, { recursive: true, force: true });
      }
      return dir;
    },
    abandon() { rmSync(dir, { recursive: true, force: true }); },
  };
}
