/**
 * Round trips (property-based): arbitrary Unicode in labels, descriptions, notes and quotes (Cyrillic,
 * combining marks, quotes, backslashes, newlines, emoji) survives extraction → N-Quads, TriG, Turtle,
 * JSON-LD and RDF/XML → parsing back, as identical quads.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { Quad } from '@rdfjs/types';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/dataset/Corpus.ts';
import { canonicalQuads, jsonLdContext, toJsonLd, toRdfXml, unionOf, writeRdf } from '../../src/dataset/RdfFormats.ts';
import { extractDataset } from '../../src/extraction/Extractor.ts';

const base = 'http://example.org/';
const key = (quads: Quad[]) => canonicalQuads(quads).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${q.object.termType === 'Literal' ? `${q.object.language}^${q.object.datatype.value}` : ''} ${q.graph.value}`);

// XML 1.0 cannot carry most C0 controls, so RDF/XML cannot either; everything else is fair game.
const text = fc.string({ unit: fc.oneof(
  fc.constantFrom('"', "'", '\\', '\n', '\t', '<', '>', '&', '😀', 'й', 'ё', 'e\u0301', '\u0410\u0306', ' ', '{', '}', '[', ']', '|', '@', '%'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u.test(c)),
), minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0 && s === s.trim());

async function parseRdfXml(xml: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  await new Promise<void>((resolve, reject) => {
    Readable.from([xml]).pipe(new RdfXmlParser({ baseIRI: base })).on('data', (q: Quad) => quads.push(q)).on('error', reject).on('end', () => resolve());
  });
  return quads;
}

describe('round trips through every format', () => {
  it('keep arbitrary Unicode literals identical', async () => {
    await fc.assert(fc.asyncProperty(text, text, text, async (label, description, note) => {
      const root = mkdtempSync(join(tmpdir(), 'rcp-roundtrip-'));
      mkdirSync(join(root, 'texts'), { recursive: true });
      mkdirSync(join(root, 'registry'));
      writeFileSync(join(root, 'registry', 'r.yaml'), stringify({
        someone: { type: 'Person', label: { ru: label, en: `${label} (en)` }, altLabel: { ru: [label.replace(/\n/g, ' ')], en: ['x'] }, description: { ru: description, en: description } },
        group: { type: 'Faction', label: { ru: 'Группа', en: 'Group' }, description: { ru: 'г', en: 'g' } },
      }));
      const quoted = note.replace(/\n/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
      writeFileSync(join(root, 'texts', 't.ann'), `---\nid: t\ntitle: ${JSON.stringify({ ru: label, en: label })}\nlanguage: ru\nseed: none.txt\nsource: s\nlicence: l\nreliability: { level: low, note: ${JSON.stringify({ ru: description, en: description })} }\n---\n{{s1 [[Кто-то|someone]] в группе.}}\n@s1 someone memberOf group note="${quoted}"\n`);
      const reading = readCorpus({ dataDir: root }, base);
      expect(reading.errors.map((e) => e.message)).toEqual([]);
      const quads = canonicalQuads(extractDataset(reading.corpus!).filter((q) => !q.graph.value.endsWith('graph/ontology')));
      const context = jsonLdContext(`${base}ontology#`, base, ['memberOf']);
      const union = unionOf(quads);
      expect(key(new Parser({ format: 'N-Quads' }).parse(await writeRdf(quads, 'N-Quads')))).toEqual(key(quads));
      expect(key(new Parser({ format: 'TriG' }).parse(await writeRdf(quads, 'TriG', { rcp: `${base}ontology#` })))).toEqual(key(quads));
      expect(key(new Parser({ format: 'Turtle' }).parse(await writeRdf(union, 'Turtle', { rcp: `${base}ontology#` })))).toEqual(key(union));
      const fromJsonLd = (await jsonld.toRDF(JSON.parse(await toJsonLd(quads, context)), { format: 'application/n-quads' })) as unknown as string;
      expect(key(new Parser({ format: 'N-Quads' }).parse(fromJsonLd))).toEqual(key(quads));
      expect(key(await parseRdfXml(toRdfXml(union, base)))).toEqual(key(union));
    }), { numRuns: 30 });
  }, 120_000);
});
