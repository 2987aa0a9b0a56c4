/**
 * Builds the real corpus once for the whole test run, into a temporary dist folder, and tells the
 * test files where it is. Tests that need the dataset read it from there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';

export const testBase = 'http://localhost:3000/';

export default async function setup(project: TestProject) {
  const distDir = mkdtempSync(join(tmpdir(), 'rcp-test-dist-'));
  const result = await buildDataset({ base: testBase, distDir });
  project.provide('builtDir', result.dir!);
  project.provide('distDir', distDir);
  return () => rmSync(distDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    builtDir: string;
    distDir: string;
  }
}
