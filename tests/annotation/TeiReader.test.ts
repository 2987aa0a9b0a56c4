import { describe, expect, it } from 'vitest';
import { checkAnnotations } from '../../src/annotation/AnnotationChecker.ts';
import { parseTeiText } from '../../src/annotation/TeiReader.ts';
import { loadOntology } from '../../src/ontology/Ontology.ts';
import { Iris } from '../../src/ontology/Vocabulary.ts';
import { fixtureSeed } from '../support/fixtureCorpus.ts';
import { fixtureRegistry } from '../support/fixtures.ts';
import { positionIn, teiFixture } from '../support/teiFixture.ts';

const registry = fixtureRegistry();
const { relations } = loadOntology(new Iris('http://example.org/'));
const file = 'letter.tei.xml';
const read = (xml: string) => parseTeiText(file, xml, { registry, relations });
/** Every problem the build would report: the reader's, then the checker's. */
function problems(xml: string): string[] {
  const { text, errors } = read(xml);
  return [...errors, ...(text ? checkAnnotations([text], registry, relations) : [])].map((e) => e.message);
}
const codePointIndex = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;

describe('parseTeiText', () => {
  const { text, errors } = read(teiFixture);

  it('reads a hand-written TEI text that the checker accepts', () => {
    expect(errors).toEqual([]);
    expect(checkAnnotations([text!], registry, relations)).toEqual([]);
  });

  it('takes the metadata from the teiHeader, with white space collapsed as TEI reads it', () => {
    expect(text!.metadata).toEqual({
      id: 'tei-letter', title: { ru: 'Письмо', en: 'Letter' }, language: 'ru', seed: 'fixture.txt', source: 'A test.', licence: 'CC0',
      reliability: { level: 'high', note: { ru: 'Тест.', en: 'A test.' } }, author: 'trotsky', date: '1928-09-22', document: 'letter',
    });
  });

  it('takes every character of <ab> as the text, and mentions and spans as code-point offsets into it', () => {
    expect(text!.text).toBe(fixtureSeed);
    const dc = codePointIndex(fixtureSeed, 'ДЦ');
    const smirnov = codePointIndex(fixtureSeed, 'В. Смирнов');
    expect(text!.mentions.map(({ entityId, start, end }) => ({ entityId, start, end }))).toEqual([
      { entityId: 'democratic-centralists', start: dc, end: dc + 2 },
      { entityId: 'v-smirnov', start: smirnov, end: smirnov + 'В. Смирнов'.length },
    ]);
    expect(text!.spans.map(({ id, start, end }) => ({ id, start, end }))).toEqual([{ id: 's1', start: smirnov, end: Array.from(fixtureSeed).length - 1 }]);
  });

  it('makes one statement per pair of participants, numbered per span as in .ann, with dates, calendar, certainty and note', () => {
    expect(text!.statements.map(({ at: _at, ...statement }) => statement)).toEqual([
      { id: 's1', spanId: 's1', subject: 'trotsky', relation: 'criticised', object: 'v-smirnov', date: '1928-09', calendar: 'gregorian', certainty: 'certain' },
      { id: 's1-2', spanId: 's1', subject: 'trotsky', relation: 'criticised', object: 'democratic-centralists', date: '1928-09', calendar: 'gregorian', certainty: 'certain' },
      { id: 's1-3', spanId: 's1', subject: 'v-smirnov', relation: 'memberOf', object: 'democratic-centralists', from: '1919', to: '1928', calendar: 'julian', certainty: 'probable', note: 'A made-up note.' },
      { id: 's1-4', spanId: 's1', subject: 'trotsky', relation: 'allianceWith', object: 'democratic-centralists', calendar: 'gregorian', certainty: 'uncertain' },
    ]);
  });

  it('says where each part stood in the file', () => {
    const [dc] = text!.mentions;
    expect(dc.at).toEqual({ file, ...positionIn(teiFixture, '<orgName') });
    expect(dc.idAt).toEqual({ file, ...positionIn(teiFixture, 'ref="democratic-centralists"', 5) });
    expect(text!.statements[2].at.options.calendar).toEqual({ file, ...positionIn(teiFixture, 'datingMethod="#julian"', 14) });
    expect(text!.metadataAt.id).toEqual({ file, ...positionIn(teiFixture, '<idno type="text">') });
  });

  it('stops at XML that is not well-formed, saying where', () => {
    const broken = teiFixture.replace('ДЦ</orgName>', 'ДЦ</persName>');
    const { line, column } = positionIn(broken, '</persName>', '</persName'.length);
    expect(problems(broken)).toEqual([`${file}:${line}:${column}: not well-formed XML: unexpected close tag.`]);
  });

  it.each([
    ['an unknown entity id', ['ref="democratic-centralists"', 'ref="democratic-centralist"'], 'ref="democratic-centralist"', 5,
      "unknown entity id 'democratic-centralist': register it in data/registry/ first (did you mean 'democratic-centralists'?)"],
    ['an unknown relation', ['name="memberOf"', 'name="hated"'], 'name="hated"', 6, "unknown relation 'hated'"],
    ['a relation pointing to a missing seg', ['ana="#s1" when', 'ana="#s9" when'], 'ana="#s9"', 5,
      "@ana must point to the <seg> of the passage that states it ('#xml-id'), but '#s9' points to no <seg> of this text"],
    ['a bad date', ['when="1928-09"', 'when="1928-13"'], 'when="1928-13"', 6, "when must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '1928-13'"],
    ['a name element of the wrong class', ['<orgName ref="democratic-centralists">ДЦ</orgName>', '<persName ref="democratic-centralists">ДЦ</persName>'],
      'ref="democratic-centralists"', 5, "<persName> must be a Person, but 'democratic-centralists' is a Faction"],
    ['an IRI of the wrong class', ['/id/person/v-smirnov', '/id/faction/v-smirnov'], 'https://example.org/kg/id/faction', 0,
      "'https://example.org/kg/id/faction/v-smirnov' calls 'v-smirnov' a Faction, but the registry has it as a Person"],
    ['an Old Style date in a Gregorian attribute', ['from-custom="1919"', 'from="1919"'], 'from="1919"', 6,
      'with datingMethod="#julian" the date goes into from-custom: from is a Gregorian date'],
    ['dating the model cannot hold', ['when="1928-09"', 'notBefore="1928-09"'], 'notBefore=', 0, 'the attribute notBefore is not part of this TEI subset'],
    ['mutual on a relation with a direction', ['name="allianceWith"', 'name="supported"'], 'mutual="', 8, "mutual is for symmetric relations; 'supported' has a direction"],
    ['markup outside the subset in the text', ['<seg xml:id="s1">', '<hi rend="b">!</hi><seg xml:id="s1">'], '<hi', 0, '<hi> is not part of this TEI subset'],
    ['a span with no statement', ['является', '<seg xml:id="s2">является</seg>'], '<seg xml:id="s2"', 0, "the span 's2' has no statement"],
    ['a document outside the TEI namespace', ['xmlns="http://www.tei-c.org/ns/1.0"', 'xmlns="http://example.org/not-tei"'], '<TEI', 0, '<TEI> is not in the TEI namespace'],
  ])('reports %s at its file, line and column', (_name, [from, to], needle, skip, message) => {
    const changed = teiFixture.replace(from, to);
    expect(changed).not.toBe(teiFixture);
    const { line, column } = positionIn(changed, needle, skip);
    expect(problems(changed)).toEqual([expect.stringContaining(`${file}:${line}:${column}: ${message}`)]);
  });
});
