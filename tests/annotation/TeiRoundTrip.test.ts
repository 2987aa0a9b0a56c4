/**
 * The TEI round trip on the real corpus: every annotated text (`data/texts/*.ann`), written as TEI and
 * read back, gives the same text, metadata, mentions, spans and statements, and so the same quads with
 * the same provenance (the selectors' offsets and quotes).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writer } from 'n3';
import { describe, expect, it } from 'vitest';
import type { AnnotatedText } from '../../src/annotation/AnnotatedText.ts';
import { parseTeiText } from '../../src/annotation/TeiReader.ts';
import { writeTei } from '../../src/annotation/TeiWriter.ts';
import { defaultLocation, readCorpus } from '../../src/dataset/Corpus.ts';
import { extractDataset } from '../../src/extraction/Extractor.ts';

const reading = readCorpus(defaultLocation, 'http://localhost:3000/');
const corpus = reading.corpus!;
const annFiles = readdirSync(join(defaultLocation.dataDir, 'texts')).filter((f) => f.endsWith('.ann')).sort();

/** What a text says, without where its parts stood in which file. */
function content(text: AnnotatedText) {
  return {
    metadata: text.metadata,
    text: text.text,
    mentions: text.mentions.map(({ entityId, start, end }) => ({ entityId, start, end })),
    spans: text.spans.map(({ id, start, end }) => ({ id, start, end })),
    statements: text.statements.map(({ at: _at, ...statement }) => statement),
  };
}

function nQuads(text: AnnotatedText): string[] {
  const quads = extractDataset({ ...corpus, texts: [text] }).filter((q) => q.graph.value.endsWith(`/graph/${text.metadata.id}`));
  return new Writer({ format: 'N-Quads' }).quadsToString(quads).split('\n').filter(Boolean).sort();
}

function roundTrip(original: AnnotatedText): { xml: string; back?: AnnotatedText; errors: string[] } {
  const xml = writeTei(original, corpus.registry, corpus.ontology.iris);
  const { text, errors } = parseTeiText(`${original.metadata.id}.tei.xml`, xml, { registry: corpus.registry, relations: corpus.ontology.relations });
  return { xml, back: text, errors: errors.map((e) => e.message) };
}

describe('TEI export and import of the real corpus', () => {
  it('reads every annotated text of data/texts', () => {
    expect(reading.errors).toEqual([]);
    expect(corpus.texts.map((t) => t.file.split('/').pop()).sort()).toEqual(annFiles);
  });

  describe.each(annFiles)('%s', (file) => {
    const original = corpus.texts.find((t) => t.file.endsWith(`/${file}`))!;
    const { xml, back, errors } = roundTrip(original);

    it('comes back from TEI with the same text, metadata, mentions, spans and statements', () => {
      expect(errors).toEqual([]);
      expect(content(back!)).toEqual(content(original));
    });

    it('comes back from TEI with the same quads: statements, annotations and selectors', () => {
      const quads = nQuads(original);
      expect(quads.some((q) => q.includes('#TextPositionSelector'))).toBe(true);
      expect(nQuads(back!)).toEqual(quads);
    });

    it('reports positions in the TEI file: each mention at its element, each statement at its <relation>', () => {
      const lines = xml.split('\n');
      const at = (p: { line: number; column: number }) => Array.from(lines[p.line - 1]).slice(p.column - 1).join('');
      for (const mention of back!.mentions) expect(at(mention.at)).toMatch(/^<(persName|orgName|title|placeName|rs) /);
      for (const mention of back!.mentions) expect(at(mention.idAt)).toMatch(/^https?:\/\/\S+\/id\/[a-z]+\/[a-z0-9-]+"/);
      for (const statement of back!.statements) expect(at(statement.at.line)).toMatch(/^<relation name="[A-Za-z]+"/);
    });
  });
});
