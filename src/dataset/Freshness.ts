/**
 * Whether the published build is up to date with its inputs (the data, the ontology, the code that
 * extracts, the base IRI), and a build when it is not: what `npm start` and `query` do first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputsDigest, defaultLocation, type CorpusLocation } from './Corpus.ts';
import { currentBuildDir, defaultDistDir } from './Publication.ts';

export function isUpToDate(builtDir: string | undefined, base: string, location: CorpusLocation = defaultLocation): boolean {
  if (!builtDir || !existsSync(join(builtDir, 'manifest.json'))) return false;
  const manifest = JSON.parse(readFileSync(join(builtDir, 'manifest.json'), 'utf8')) as { inputsDigest?: string };
  return manifest.inputsDigest === inputsDigest(location, base);
}

/** The current build's folder, building first if it is missing or out of date. */
export async function ensureBuilt(base: string, report: (message: string) => void, distDir = defaultDistDir): Promise<string> {
  const current = currentBuildDir(distDir);
  if (current && isUpToDate(current, base)) return current;
  report(current ? 'the dataset is out of date with its inputs: building' : 'no dataset built yet: building');
  // Loaded only to build: a server starting on a current build never loads the builder and its validators.
  const { buildDataset } = await import('./DatasetBuilder.ts');
  const result = await buildDataset({ base, distDir, report });
  return result.dir!;
}
