/** A small corpus on disk, made on purpose: a seed, an annotated text, a registry, in a temp folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frontMatter, registryYaml } from './fixtures.ts';

export const fixtureSeed = 'Вы снова поднимаете вопрос о ДЦ. 😀 В. Смирнов является закостеневшим представителем благочестия.\n';

export const fixtureText = `${frontMatter
  .replace('id: test-letter', 'id: fixture-letter')
  .replace('seed: test.txt', 'seed: fixture.txt')
  .replace(/---\n$/, 'author: trotsky\ndate: 1928-09-22\ndocument: letter\n---\n')}\
Вы снова поднимаете вопрос о [[ДЦ|democratic-centralists]]. 😀 {{s1 [[В. Смирнов|v-smirnov]] является закостеневшим представителем благочестия.}}
@s1 trotsky criticised v-smirnov date=1928-09
@s1 v-smirnov memberOf democratic-centralists from=1919 to=1928 certainty=probable
`;

export function makeFixtureCorpus(text = fixtureText, seed = fixtureSeed, registry = registryYaml): { root: string; dataDir: string; seedsDir: string; distDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'rcp-fixture-'));
  const dataDir = join(root, 'data');
  const seedsDir = join(root, 'seeds');
  mkdirSync(join(dataDir, 'texts'), { recursive: true });
  mkdirSync(join(dataDir, 'registry'), { recursive: true });
  mkdirSync(seedsDir);
  writeFileSync(join(seedsDir, 'fixture.txt'), seed);
  writeFileSync(join(dataDir, 'registry', 'registry.yaml'), registry);
  writeFileSync(join(dataDir, 'texts', 'fixture.ann'), text);
  return { root, dataDir, seedsDir, distDir: join(root, 'dist') };
}
