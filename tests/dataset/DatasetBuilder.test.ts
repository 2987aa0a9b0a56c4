import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { AnnotationErrors } from '../../src/annotation/SourcePosition.ts';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { currentBuildDir } from '../../src/dataset/Publication.ts';
import { validateAgainstShapes } from '../../src/dataset/ShaclValidation.ts';
import { fixtureText, makeFixtureCorpus } from '../support/fixtureCorpus.ts';

const base = 'http://example.org/';
const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes('.')).sort();

describe('buildDataset', () => {
  it('is deterministic: the same input gives byte-identical output', async () => {
    const corpus = makeFixtureCorpus();
    const first = await buildDataset({ base, location: corpus, distDir: corpus.distDir });
    const second = await buildDataset({ base, location: corpus, distDir: corpus.distDir });
    expect(first.dir).not.toBe(second.dir);
    for (const file of files(first.dir!)) {
      expect(readFileSync(join(second.dir!, file)).equals(readFileSync(join(first.dir!, file))), file).toBe(true);
    }
  });

  it('writes N-Quads, TriG, Turtle and JSON-LD, and a manifest with counts and checksums', async () => {
    const corpus = makeFixtureCorpus();
    const { dir, manifest } = await buildDataset({ base, location: corpus, distDir: corpus.distDir });
    expect(files(dir!)).toEqual(expect.arrayContaining(['dataset.nq', 'dataset.nq.gz', 'dataset.trig', 'dataset.ttl', 'dataset.jsonld', 'ontology.ttl', 'ontology.rdf', 'context.jsonld', 'manifest.json', 'texts/fixture-letter.txt']));
    expect(manifest.statistics).toMatchObject({ texts: 1, statements: 2, mentions: 2, statementsPerRelation: { criticised: 1, memberOf: 1 } });
    expect(manifest.files.find((f) => f.name === 'dataset.nq')?.bytes).toBe(readFileSync(join(dir!, 'dataset.nq')).length);
  });

  it('reports every problem with file, line and column, and leaves the published build untouched', async () => {
    const corpus = makeFixtureCorpus();
    await buildDataset({ base, location: corpus, distDir: corpus.distDir });
    const published = currentBuildDir(corpus.distDir)!;
    const before = readFileSync(join(published, 'dataset.nq'));
    writeFileSync(join(corpus.dataDir, 'texts', 'fixture.ann'), fixtureText.replace('@s1 trotsky criticised v-smirnov', '@s1 trotsky hated v-smirnof'));
    const failure = await buildDataset({ base, location: corpus, distDir: corpus.distDir }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AnnotationErrors);
    const messages = (failure as AnnotationErrors).errors.map((e) => e.message);
    expect(messages).toEqual([
      expect.stringMatching(/fixture\.ann:14:13: unknown relation 'hated'/),
      expect.stringMatching(/fixture\.ann:14:19: unknown entity id 'v-smirnof'.*did you mean 'v-smirnov'/),
    ]);
    expect(currentBuildDir(corpus.distDir)).toBe(published);
    expect(readFileSync(join(published, 'dataset.nq')).equals(before)).toBe(true);
  });

  it('refuses a text whose wording departs from its seed', async () => {
    const corpus = makeFixtureCorpus(fixtureText.replace('закостеневшим', 'замечательным'));
    const failure = await buildDataset({ base, location: corpus, distDir: corpus.distDir }).catch((e: unknown) => e);
    expect(String(failure)).toContain('fixture.ann:13:58:');
    expect(String(failure)).toContain('the wording departs from the seed fixture.txt');
  });

  it('validates without writing when asked to', async () => {
    const corpus = makeFixtureCorpus();
    const result = await buildDataset({ base, location: corpus, distDir: corpus.distDir, dryRun: true });
    expect(result.dir).toBeUndefined();
    expect(currentBuildDir(corpus.distDir)).toBeUndefined();
  });

  it('writes Turtle that an independent parser (rapper) reads, with the same number of triples', async () => {
    const corpus = makeFixtureCorpus();
    const { dir, manifest } = await buildDataset({ base, location: corpus, distDir: corpus.distDir });
    const counted = execFileSync('sh', ['-c', `rapper -i turtle -c '${join(dir!, 'dataset.ttl')}' 2>&1`], { encoding: 'utf8' });
    expect(Number(/returned (\d+) triples/.exec(counted)?.[1])).toBe(manifest.statistics.triples);
  });

  it('writes an ontology that a generic RDF/OWL tool (rdflib) loads without errors', async () => {
    const corpus = makeFixtureCorpus();
    const { dir } = await buildDataset({ base, location: corpus, distDir: corpus.distDir });
    const out = execFileSync('/usr/bin/python3', ['-c', `
import sys, rdflib
from rdflib.namespace import OWL, RDF
for path, fmt in ((sys.argv[1] + "/ontology.ttl", "turtle"), (sys.argv[1] + "/ontology.rdf", "xml")):
    g = rdflib.Graph(); g.parse(path, format=fmt)
    print(len(list(g.subjects(RDF.type, OWL.Class))), len(list(g.subjects(RDF.type, OWL.ObjectProperty))), len(g))
`, dir!], { encoding: 'utf8' });
    const [ttl, xml] = out.trim().split('\n');
    expect(ttl).toBe(xml);
    const [classes, properties] = ttl.split(' ').map(Number);
    expect(classes).toBeGreaterThanOrEqual(10);
    expect(properties).toBeGreaterThanOrEqual(19);
  });
});

describe('SHACL validation', () => {
  const { namedNode, literal, quad } = DataFactory;
  const rcp = (l: string) => namedNode(`${base}ontology#${l}`);
  const rdfType = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
  const label = namedNode('http://www.w3.org/2000/01/rdf-schema#label');
  const description = namedNode('http://schema.org/description');
  const person = namedNode(`${base}id/person/x`);
  const faction = namedNode(`${base}id/faction/y`);
  const valid = [
    quad(person, rdfType, rcp('Person')), quad(person, label, literal('Икс', 'ru')), quad(person, label, literal('X', 'en')),
    quad(person, description, literal('а', 'ru')), quad(person, description, literal('a', 'en')),
    quad(faction, rdfType, rcp('Faction')), quad(faction, label, literal('Игрек', 'ru')), quad(faction, label, literal('Y', 'en')),
    quad(faction, description, literal('б', 'ru')), quad(faction, description, literal('b', 'en')),
  ];

  it('accepts entities with both labels and relations that fit', async () => {
    expect(await validateAgainstShapes([...valid, quad(person, rcp('memberOf'), faction)], base)).toEqual([]);
  });

  it('reports an entity without its Russian label, and a relation outside its range', async () => {
    const violations = await validateAgainstShapes([...valid.filter((q) => !(q.subject.equals(person) && q.predicate.equals(label) && q.object.value === 'Икс')),
      quad(faction, rcp('memberOf'), person)], base);
    const messages = violations.map((v) => `${v.focusNode} ${v.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringContaining(`${base}id/person/x An entity needs exactly one rdfs:label in Russian and one in English.`),
      expect.stringContaining('memberOf, leaderOf, signed, exiledTo and imprisonedIn take a Person as subject.'),
      expect.stringContaining('take a Faction as object'),
    ]));
  });
});
