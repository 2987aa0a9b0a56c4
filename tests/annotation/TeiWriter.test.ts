/**
 * The TEI writer on made-on-purpose texts that stress what the real corpus may not have: markup
 * characters in the text, white space at the edges, spans sharing both ends, an empty mention, a span id
 * that is no XML name, and a character XML cannot carry.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotatedText } from '../../src/annotation/AnnotatedText.ts';
import { parseAnnotatedText } from '../../src/annotation/AnnotatedTextParser.ts';
import { parseTeiText } from '../../src/annotation/TeiReader.ts';
import { writeTei } from '../../src/annotation/TeiWriter.ts';
import { loadOntology } from '../../src/ontology/Ontology.ts';
import { Iris } from '../../src/ontology/Vocabulary.ts';
import { annotated, fixtureRegistry, frontMatter, frontMatterLines } from '../support/fixtures.ts';
import { jing } from '../support/jing.ts';

const registry = fixtureRegistry();
const iris = new Iris('https://example.org/kg/');
const { relations } = loadOntology(iris);
const dir = mkdtempSync(join(tmpdir(), 'rcp-tei-writer-'));

function parsed(body: string): AnnotatedText {
  const { text, errors } = parseAnnotatedText('t.ann', annotated(body));
  expect(errors).toEqual([]);
  return text!;
}
const withoutPositions = (text: AnnotatedText) => ({
  metadata: text.metadata, text: text.text,
  mentions: text.mentions.map(({ entityId, start, end }) => ({ entityId, start, end })),
  spans: text.spans.map(({ id, start, end }) => ({ id, start, end })),
  statements: text.statements.map(({ at: _at, ...statement }) => statement),
});

describe('writeTei', () => {
  it.each([
    ['markup characters in the text', 'a < b & c \\]]> d "e" \'f\'\n{{s1 [[Троцкий|trotsky]] <&>}}\n@s1 trotsky criticised v-smirnov note="<&> \\"quoted\\""\n'],
    ['white space and blank lines at the edges', '\n\n  {{s1 [[ДЦ|democratic-centralists]]  }}\t\n\n@s1 trotsky criticised democratic-centralists\n   \n'],
    ['spans sharing both ends, and a mention as long as them', '{{s1 {{s2 [[В. Смирнов|v-smirnov]]}}}}\n@s2 v-smirnov memberOf democratic-centralists\n@s1 trotsky criticised v-smirnov\n'],
    ['an empty mention', 'a[[|trotsky]]b\n'],
    ['a span id that is no XML name', '{{1a Текст.}}\n@1a trotsky opposed two-parties from=1918-01 to=1918-03 calendar=julian certainty=uncertain\n'],
  ])('writes valid TEI that reads back to the same text: %s', (name, body) => {
    const original = parsed(body);
    const xml = writeTei(original, registry, iris);
    const back = parseTeiText('t.tei.xml', xml, { registry, relations });
    expect(back.errors).toEqual([]);
    expect(withoutPositions(back.text!)).toEqual(withoutPositions(original));
    const file = join(dir, `${name.replace(/\W+/g, '-')}.tei.xml`);
    writeFileSync(file, xml);
    expect(jing(file)).toEqual({ status: 0, output: '' });
  });

  it('keeps metadata whose white space or entity-like characters count, exactly', () => {
    const { text, errors } = parseAnnotatedText('t.ann', frontMatter.replace('source: "A test."', 'source: "  A  test, &amp; <b>, \\t "') + 'Текст.\n');
    expect(errors).toEqual([]);
    const back = parseTeiText('t.tei.xml', writeTei(text!, registry, iris), { registry, relations });
    expect(back.text!.metadata).toEqual(text!.metadata);
    expect(back.text!.metadata.source).toBe('  A  test, &amp; <b>, \t '); // YAML's "\t" is a tab
  });

  it('keeps a span id that is no XML name in @n, with a prefixed xml:id the relation points to', () => {
    const xml = writeTei(parsed('{{1a Текст.}}\n@1a trotsky opposed two-parties\n'), registry, iris);
    expect(xml).toContain('<seg xml:id="span-1a" n="1a">Текст.</seg>');
    expect(xml).toContain('ana="#span-1a"');
  });

  it('refuses a character XML cannot carry, at its place in the annotated text', () => {
    const text = parsed('Текст\u0001.\n');
    expect(() => writeTei(text, registry, iris)).toThrow(`t.ann:${frontMatterLines + 1}:6: the character U+0001 cannot be written in XML`);
  });
});
