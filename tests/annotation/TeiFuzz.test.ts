/**
 * Property-based test of the TEI round trip (fast-check): any annotated text, with any characters and
 * any nesting of spans and mentions, written as TEI and read back, is the same text with the same
 * offsets and statements; or, if it holds a character XML cannot carry, the writer says where.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotatedText } from '../../src/annotation/AnnotatedText.ts';
import { parseAnnotatedText } from '../../src/annotation/AnnotatedTextParser.ts';
import { AnnotationError } from '../../src/annotation/SourcePosition.ts';
import { parseTeiText } from '../../src/annotation/TeiReader.ts';
import { writeTei } from '../../src/annotation/TeiWriter.ts';
import { loadOntology } from '../../src/ontology/Ontology.ts';
import { Iris } from '../../src/ontology/Vocabulary.ts';
import { annotated, fixtureRegistry } from '../support/fixtures.ts';

const registry = fixtureRegistry();
const iris = new Iris('http://example.org/');
const { relations } = loadOntology(iris);

type Part = { kind: 'text'; value: string } | { kind: 'mention'; value: string; entity: string } | { kind: 'span'; parts: Part[] };

/** Text that stresses XML and offsets: markup characters, white space, astral and combining characters. */
const awkward = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom('<', '&', '>', ']]>', '&amp;', '"', "'", ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '😀', 'e\u0301', '\u0301', '\u0338', '[[', '}}', '@', '%%', '|', '\\'),
).map((s) => s.replace(/\r/g, ''));
const words = fc.array(awkward, { maxLength: 4 }).map((parts) => parts.join(''));
const parts: fc.Arbitrary<Part[]> = fc.letrec<{ parts: Part[]; part: Part }>((tie) => ({
  parts: fc.array(tie('part'), { maxLength: 5 }),
  part: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words.map((value): Part => ({ kind: 'text', value })),
    fc.record({ value: words, entity: fc.constantFrom(...registry.entities.keys()) }).map(({ value, entity }): Part => ({ kind: 'mention', value, entity })),
    tie('parts').map((inner): Part => ({ kind: 'span', parts: inner })),
  ),
})).parts;

const escape = (text: string) => text.replace(/[\\[\]{}@%|]/g, (c) => `\\${c}`);

/** The parts as an annotated-text body: every span states one relation, on the line after the text. */
function body(all: Part[]): string {
  let spans = 0;
  const render = (list: Part[]): string => list.map((part) => {
    if (part.kind === 'text') return escape(part.value);
    if (part.kind === 'mention') return `[[${escape(part.value)}|${part.entity}]]`;
    const id = `s${++spans}`;
    return `{{${id} ${render(part.parts)}}}`;
  }).join('');
  const text = render(all);
  const statements = Array.from({ length: spans }, (_, n) => `@s${n + 1} trotsky criticised v-smirnov${n % 2 ? ' from=1918-02 calendar=julian certainty=probable' : ' note="a  note"'}\n`);
  return `${text}\n${statements.join('')}`;
}

const content = (text: AnnotatedText) => ({
  text: text.text,
  mentions: text.mentions.map(({ entityId, start, end }) => ({ entityId, start, end })),
  // Spans are found by id; the order of two with the same range carries nothing (mentions' order does: it numbers them).
  spans: text.spans.map(({ id, start, end }) => ({ id, start, end })).sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id)),
  statements: text.statements.map(({ at: _at, ...statement }) => statement),
});

describe('the TEI round trip under random texts', () => {
  it('gives back the same text, offsets and statements, or refuses a character XML cannot carry, saying where', () => {
    fc.assert(fc.property(parts, (generated) => {
      const { text, errors } = parseAnnotatedText('t.ann', annotated(body(generated)));
      expect(errors).toEqual([]);
      let xml: string;
      try {
        xml = writeTei(text!, registry, iris);
      } catch (error) {
        expect(error).toBeInstanceOf(AnnotationError);
        expect((error as AnnotationError).message).toMatch(/^t\.ann:\d+:\d+: the character U\+[0-9A-F]{4,} cannot be written in XML$/);
        return;
      }
      const back = parseTeiText('t.tei.xml', xml, { registry, relations });
      expect(back.errors).toEqual([]);
      expect(content(back.text!)).toEqual(content(text!));
    }), { numRuns: 400 });
  });
});
