import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/dataset/Corpus.ts';
import { extractDataset } from '../../src/extraction/Extractor.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';

const base = 'http://example.org/';
const { dataDir, seedsDir } = makeFixtureCorpus();
const reading = readCorpus({ dataDir, seedsDir }, base);
const quads = extractDataset(reading.corpus!);
const has = (s: string, p: string, o: string, g?: string) =>
  quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o && (!g || q.graph.value === g));
const rcp = (l: string) => `${base}ontology#${l}`;
const text = `${base}text/fixture-letter`;
const graph = `${base}graph/fixture-letter`;

describe('extractDataset', () => {
  it('reads the fixture corpus without problems', () => {
    expect(reading.errors).toEqual([]);
  });

  it('puts the plain triple of each statement into the graph of the text that states it', () => {
    expect(has(`${base}id/person/trotsky`, rcp('criticised'), `${base}id/person/v-smirnov`, graph)).toBe(true);
    expect(has(`${base}id/person/v-smirnov`, rcp('memberOf'), `${base}id/faction/democratic-centralists`, graph)).toBe(true);
  });

  it('qualifies each statement with dates at their precision, certainty and provenance', () => {
    const node = `${text}#statement-s1`;
    expect(quads).toContainEqual(DataFactory.quad(DataFactory.namedNode(node), DataFactory.namedNode(rcp('date')),
      DataFactory.literal('1928-09', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#gYearMonth')), DataFactory.namedNode(graph)));
    expect(has(node, 'http://www.w3.org/ns/prov#wasDerivedFrom', text)).toBe(true);
    expect(has(node, rcp('certainty'), rcp('certain'))).toBe(true);
    const membership = `${text}#statement-s1-2`;
    expect(has(membership, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://www.w3.org/ns/org#Membership')).toBe(true);
    expect(has(membership, 'http://www.w3.org/ns/org#member', `${base}id/person/v-smirnov`)).toBe(true);
    expect(has(membership, rcp('startDate'), '1919')).toBe(true);
    expect(has(membership, rcp('certainty'), rcp('probable'))).toBe(true);
  });

  it('anchors statements and mentions with Web Annotation selectors counted in code points', () => {
    const value = (s: string, p: string) => quads.find((q) => q.subject.value === s && q.predicate.value === `http://www.w3.org/ns/oa#${p}`)?.object.value;
    const position = `${text}#annotation-s1-position`;
    // "Вы снова поднимаете вопрос о ДЦ. 😀 " is 35 code points (36 UTF-16 units: the emoji is a pair).
    expect(value(position, 'start')).toBe('35');
    expect(value(`${text}#annotation-s1-quote`, 'exact')).toBe('В. Смирнов является закостеневшим представителем благочестия.');
    expect(value(`${text}#annotation-s1-quote`, 'prefix')).toBe('Вы снова поднимаете вопрос о ДЦ. 😀 '.slice(-32 - 1));
    expect(has(`${text}#mention-1`, 'http://www.w3.org/ns/oa#hasBody', `${base}id/faction/democratic-centralists`)).toBe(true);
    expect(has(`${text}#mention-1`, 'http://www.w3.org/ns/oa#motivatedBy', 'http://www.w3.org/ns/oa#identifying')).toBe(true);
  });

  it('describes the source text itself, and keeps registry facts in their own graph', () => {
    expect(has(text, 'http://purl.org/dc/terms/creator', `${base}id/person/trotsky`, graph)).toBe(true);
    expect(has(text, rcp('isText'), `${base}id/document/letter`, graph)).toBe(true);
    expect(has(`${base}id/person/trotsky`, 'http://www.w3.org/2004/02/skos/core#altLabel', 'Бронштейн', `${base}graph/registry`)).toBe(true);
    expect(has(`${base}id/person/trotsky`, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://xmlns.com/foaf/0.1/Person')).toBe(true);
  });

  it('mints no blank nodes', () => {
    expect(quads.filter((q) => q.graph.value !== `${base}graph/ontology`).some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
  });
});
