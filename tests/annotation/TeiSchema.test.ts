/**
 * The TEI export against the schema of the subset, checked by a validator nobody here wrote (Debian's
 * jing): every exported text is valid, a document that breaks the subset is rejected, and the shipped
 * RELAX NG (`tei/rcp-tei.rng`) is what trang makes of its compact source (`tei/rcp-tei.rnc`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTei } from '../../src/annotation/TeiWriter.ts';
import { defaultLocation, readCorpus } from '../../src/dataset/Corpus.ts';
import { jing, teiSchema as schema } from '../support/jing.ts';
import { teiFixture } from '../support/teiFixture.ts';

const compactSchema = new URL('../../tei/rcp-tei.rnc', import.meta.url).pathname;
const odd = new URL('../../tei/rcp-tei.odd', import.meta.url).pathname;
const corpus = readCorpus(defaultLocation, 'http://localhost:3000/').corpus!;
const dir = mkdtempSync(join(tmpdir(), 'rcp-tei-'));
const exported = corpus.texts.map((text) => {
  const file = join(dir, `${text.metadata.id}.tei.xml`);
  writeFileSync(file, writeTei(text, corpus.registry, corpus.ontology.iris));
  return file;
});

/** A valid export with one change, written next to the others. */
function variant(name: string, change: (xml: string) => string): string {
  const original = readFileSync(exported[0], 'utf8');
  const changed = change(original);
  expect(changed).not.toBe(original);
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, changed);
  return file;
}

describe('the TEI schema of the subset (jing)', () => {
  it('accepts the TEI export of every annotated text', () => {
    expect(exported).toHaveLength(corpus.texts.length);
    expect(jing(...exported)).toEqual({ status: 0, output: '' });
  });

  it('accepts a hand-written text: registry ids, a mutual relation, Old Style dates', () => {
    const file = join(dir, 'hand-written.tei.xml');
    writeFileSync(file, teiFixture);
    expect(jing(file)).toEqual({ status: 0, output: '' });
  });

  it.each([
    ['a relation without the seg it rests on', (xml: string) => xml.replace(/ ana="#[^"]+"/, ''), /attribute "ana"/],
    ['a mention without @ref', (xml: string) => xml.replace(/<persName ref="[^"]+">/, '<persName>'), /element "persName" missing required attribute "ref"/],
    ['a date padded beyond what a text gives', (xml: string) => xml.replace(/ when="(\d{4})"/, ' when="$1-00-00"'), /value of attribute "when" is invalid/],
    ['an element outside the subset in the text', (xml: string) => xml.replace(/<seg /, '<hi rend="bold"/><seg '), /element "hi" not allowed/],
    ['the text without xml:space="preserve"', (xml: string) => xml.replace('<ab xml:space="preserve">', '<ab>'), /element "ab" missing required attribute "xml:space"/],
  ])('rejects a document with %s, at its line and column', (name, change, complaint) => {
    const file = variant(name.replace(/\W+/g, '-'), change);
    const { status, output } = jing(file);
    expect(status).not.toBe(0);
    expect(output).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
    expect(output).toMatch(complaint);
  });

  it('ships the RELAX NG that trang makes of the compact schema', () => {
    const converted = join(dir, 'converted.rng');
    const run = spawnSync('trang', [compactSchema, converted], { encoding: 'utf8' });
    if (run.error) throw new Error(`trang is needed for this test (apt-get install trang): ${run.error.message}`);
    expect(run.status).toBe(0);
    expect(readFileSync(converted, 'utf8')).toBe(readFileSync(schema, 'utf8'));
  });

  it('documents in the ODD exactly the TEI elements the schema allows', () => {
    const allowed = new Set([...readFileSync(schema, 'utf8').matchAll(/<element name="([^"]+)"/g)].map((m) => m[1]));
    const documented = new Set([...readFileSync(odd, 'utf8').matchAll(/<moduleRef key="[^"]+" include="([^"]+)"/g)].flatMap((m) => m[1].split(' ')));
    expect([...documented].sort()).toEqual([...allowed].sort());
  });
});
