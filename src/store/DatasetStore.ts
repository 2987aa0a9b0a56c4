/**
 * The embedded store: the published N-Quads loaded into an N3.js in-memory store. For SPARQL the union
 * of all source graphs is materialised into the default graph (Comunica's unionDefaultGraph over many
 * named graphs is several times slower than reading one materialised default graph); the pages, which
 * read with N3.js's own getters, do without that copy, which costs about a third of the load time.
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

export interface LoadOptions {
  /** Copy every triple into the default graph, so that SPARQL's default graph is the union (default: true). */
  readonly defaultGraphAsUnion?: boolean;
}

export async function loadDataset(builtDir: string, { defaultGraphAsUnion = true }: LoadOptions = {}): Promise<LoadedDataset> {
  const manifest = readManifest(builtDir);
  const store = new Store();
  const defaultGraph = DataFactory.defaultGraph();
  await new Promise<void>((resolve, reject) => {
    createReadStream(join(builtDir, 'dataset.nq'), 'utf8')
      .pipe(new StreamParser({ format: 'N-Quads' }))
      .on('data', (q: Quad) => {
        store.addQuad(q);
        if (defaultGraphAsUnion) store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object, defaultGraph));
      })
      .on('error', reject)
      .on('end', () => resolve());
  });
  return { store, manifest, dir: builtDir };
}
