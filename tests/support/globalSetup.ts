/**
 * Builds the real corpus once for the whole test run, into a temporary dist folder, and tells the
 * test files where it is. Tests that need the dataset read it from there. Under npm run test:store it
 * also loads the build into the external store, once, before any test file starts a server on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { ensureLoaded } from '../../src/store/GraphStoreLoader.ts';
import { externalStoreClient, externalStoreSettings, onExternalStore } from './externalStore.ts';

export const testBase = 'http://localhost:3000/';

export default async function setup(project: TestProject) {
  const distDir = mkdtempSync(join(tmpdir(), 'rcp-test-dist-'));
  const result = await buildDataset({ base: testBase, distDir });
  if (onExternalStore) {
    const { SPARQL_GRAPH_STORE: url, SPARQL_STORE_USER: user, SPARQL_STORE_PASSWORD: password } = externalStoreSettings;
    await ensureLoaded(result.dir!, externalStoreClient(), { url, user, password }, () => {});
  }
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
