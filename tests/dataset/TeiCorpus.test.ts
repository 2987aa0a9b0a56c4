/**
 * TEI as a second input format of the build: a fixture corpus whose text is TEI (`*.tei.xml`) instead of
 * `.ann` builds to the same quads, and its problems are reported in the TEI file.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writer } from 'n3';
import { describe, expect, it } from 'vitest';
import { writeTei } from '../../src/annotation/TeiWriter.ts';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { readCorpus } from '../../src/dataset/Corpus.ts';
import { extractDataset } from '../../src/extraction/Extractor.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';
import { positionIn, teiFixture } from '../support/teiFixture.ts';

const base = 'http://example.org/';
const nQuads = (location: { dataDir: string; seedsDir: string }) => {
  const reading = readCorpus(location, base);
  expect(reading.errors.map((e) => e.message)).toEqual([]);
  return new Writer({ format: 'N-Quads' }).quadsToString(extractDataset(reading.corpus!)).split('\n').sort();
};

/** The fixture corpus with its `.ann` text replaced by the given TEI. */
function teiCorpus(tei: (annCorpus: ReturnType<typeof makeFixtureCorpus>) => string) {
  const corpus = makeFixtureCorpus();
  const xml = tei(corpus);
  rmSync(join(corpus.dataDir, 'texts', 'fixture.ann'));
  writeFileSync(join(corpus.dataDir, 'texts', 'fixture.tei.xml'), xml);
  return { ...corpus, xml };
}

describe('a corpus with TEI texts', () => {
  it('builds a TEI text to the same quads as the .ann it was exported from', () => {
    const ann = makeFixtureCorpus();
    const expected = nQuads(ann);
    const tei = teiCorpus((corpus) => {
      const { texts, registry, ontology } = readCorpus(corpus, base).corpus!;
      return writeTei(texts[0], registry, ontology.iris);
    });
    expect(nQuads(tei)).toEqual(expected);
  });

  it('builds and publishes a hand-written TEI text, checked against its seed', async () => {
    const tei = teiCorpus(() => teiFixture);
    const { manifest } = await buildDataset({ base, location: tei, distDir: tei.distDir });
    expect(manifest.statistics).toMatchObject({ texts: 1, mentions: 2, statements: 4, statementsPerRelation: { criticised: 2, memberOf: 1, allianceWith: 1 } });
  });

  it("reports a TEI text's departure from its seed in the TEI file", async () => {
    const tei = teiCorpus(() => teiFixture.replace('закостеневшим', 'замечательным'));
    const failure = await buildDataset({ base, location: tei, distDir: tei.distDir }).catch((e: unknown) => e);
    const { line } = positionIn(tei.xml, 'замечательным');
    expect(String(failure)).toContain(`fixture.tei.xml:${line}:`);
    expect(String(failure)).toContain('the wording departs from the seed fixture.txt');
  });
});
