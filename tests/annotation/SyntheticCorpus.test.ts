import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureCorpusProfile, syntheticCorpusFiles, syntheticEntity, transliterate, type CorpusProfile, type SyntheticFile } from '../../src/annotation/SyntheticCorpus.ts';
import { entityTypes } from '../../src/annotation/Registry.ts';
import { readCorpus, defaultLocation, type Corpus } from '../../src/dataset/Corpus.ts';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';

const base = 'http://localhost:3000/';
const work = mkdtempSync(join(tmpdir(), 'rcp-synthetic-'));
let real: Corpus;
let profile: CorpusProfile;

beforeAll(() => {
  const reading = readCorpus(defaultLocation, base);
  real = reading.corpus!;
  profile = measureCorpusProfile(real.texts, real.registry.entities.values());
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const generate = (scale: number, seed = 1): SyntheticFile[] => [...syntheticCorpusFiles({ profile, relations: real.ontology.relations, scale, seed })];

function writeCorpus(files: readonly SyntheticFile[], name: string): string {
  const dir = join(work, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

describe('the synthetic corpus', () => {
  it('measures the real corpus: the counts the statistics give', () => {
    expect(profile.texts).toBe(real.texts.length);
    expect(Object.values(profile.entitiesPerClass).reduce((a, b) => a + b, 0)).toBe(real.registry.entities.size);
    expect(Object.values(profile.statementsPerRelation).reduce((a, b) => a + b, 0)).toBe(real.texts.reduce((n, t) => n + t.statements.length, 0));
  });

  it('passes the project\'s own checks (parser, registry, seed fidelity, ontology) and builds with SHACL validation', async () => {
    const dir = writeCorpus(generate(0.1), 'small');
    const reading = readCorpus({ dataDir: dir, seedsDir: join(dir, 'seeds') }, base);
    expect(reading.errors.map((e) => e.message)).toEqual([]);
    expect(reading.warnings).toEqual([]);
    const built = await buildDataset({ base, location: { dataDir: dir, seedsDir: join(dir, 'seeds') }, distDir: join(work, 'dist') });
    expect(built.manifest.statistics.quads).toBeGreaterThan(0);
    expect(built.manifest.statistics.texts).toBe(reading.corpus!.texts.length);
  }, 120_000);

  it('has the real corpus\'s shape times the scale: texts, entities per class, mentions, statements per relation', () => {
    const scale = 0.5;
    const dir = writeCorpus(generate(scale), 'half');
    const corpus = readCorpus({ dataDir: dir, seedsDir: join(dir, 'seeds') }, base).corpus!;
    const synthetic = measureCorpusProfile(corpus.texts, corpus.registry.entities.values());
    const times = (n: number) => (n ? Math.max(1, Math.round(n * scale)) : 0);
    expect(synthetic.texts).toBe(times(profile.texts));
    for (const type of entityTypes) expect(synthetic.entitiesPerClass[type], type).toBe(times(profile.entitiesPerClass[type]));
    for (const [relation, n] of Object.entries(profile.statementsPerRelation)) expect(synthetic.statementsPerRelation[relation], relation).toBe(times(n));
    expect(synthetic.mentions).toBe(times(profile.mentions));
    // Length and languages follow too, within rounding of sentences and texts.
    expect(synthetic.characters / (profile.characters * scale)).toBeGreaterThan(0.9);
    expect(synthetic.characters / (profile.characters * scale)).toBeLessThan(1.1);
    expect(synthetic.englishTexts).toBe(Math.floor(synthetic.texts * (profile.englishTexts / profile.texts)));
  }, 120_000);

  it('is deterministic: the same seed gives the same bytes, another seed another corpus', () => {
    const once = generate(0.05);
    expect(generate(0.05)).toEqual(once);
    expect(generate(0.05, 2)).not.toEqual(once);
  });

  it('names every entity in Russian and in English, with transliterated variants', () => {
    for (const type of entityTypes) {
      const entity = syntheticEntity(type, 7, 1);
      expect(entity.label.ru, type).toMatch(/\p{Script=Cyrillic}/u);
      expect(entity.label.en, type).toMatch(/^[\p{Script=Latin}\p{N}\p{P}\p{Zs}']+$/u);
      expect(entity.description.en, type).toMatch(/^Synthetic/);
    }
    expect(transliterate('Осинский')).toBe('Osinsky');
    expect(transliterate('Осинский', true)).toBe('Osinskii');
    expect(transliterate('Харитонов')).toBe('Kharitonov');
    expect(transliterate('Медведев', true)).toBe('Medvedyev');
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => generate(0)).toThrow(/positive/);
    expect(() => generate(Number.NaN)).toThrow(/positive/);
  });
});
