/**
 * The embedded store: the published N-Quads loaded into an N3.js in-memory store, with the union of
 * all source graphs materialised into the default graph (Comunica's unionDefaultGraph over many named
 * graphs is several times slower than reading one materialised default graph).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, StreamParser, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { BuildManifest } from '../dataset/DatasetBuilder.ts';

export interface LoadedDataset {
  readonly store: Store;
  readonly manifest: BuildManifest;
  readonly dir: string;
}

export function readManifest(builtDir: string): BuildManifest {
  return JSON.parse(readFileSync(join(builtDir, 'manifest.json'), 'utf8')) as BuildManifest;
}

export async function loadDataset(builtDir: string): Promise<LoadedDataset> {
  const manifest = readManifest(builtDir);
  const store = new Store();
  const defaultGraph = DataFactory.defaultGraph();
  await new Promise<void>((resolve, reject) => {
    createReadStream(join(builtDir, 'dataset.nq'), 'utf8')
      .pipe(new StreamParser({ format: 'N-Quads' }))
      .on('data', (q: Quad) => {
        store.addQuad(q);
        store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object, defaultGraph));
      })
      .on('error', reject)
      .on('end', () => resolve());
  });
  return { store, manifest, dir: builtDir };
}
