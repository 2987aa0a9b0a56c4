import { describe, expect, it } from 'vitest';
import { checkAnnotations } from '../../src/annotation/AnnotationChecker.ts';
import { parseAnnotatedText } from '../../src/annotation/AnnotatedTextParser.ts';
import { loadOntology } from '../../src/ontology/Ontology.ts';
import { Iris } from '../../src/ontology/Vocabulary.ts';
import { annotated, fixtureRegistry, frontMatterLines as L } from '../support/fixtures.ts';

const { relations } = loadOntology(new Iris('http://example.org/'));
const registry = fixtureRegistry();

function check(body: string, file = 't.ann') {
  const { text, errors } = parseAnnotatedText(file, annotated(body));
  expect(errors).toEqual([]);
  return checkAnnotations([text!], registry, relations).map((e) => e.message);
}

describe('checkAnnotations', () => {
  it('accepts statements whose subject and object fit the relation', () => {
    expect(check('{{s1 a}}\n@s1 v-smirnov memberOf democratic-centralists from=1919\n@s1 trotsky criticised two-parties\n')).toEqual([]);
  });

  it('rejects an unknown entity id, with a suggestion', () => {
    expect(check('[[Троцкий|trotski]]\n')).toEqual([`t.ann:${L + 1}:11: unknown entity id 'trotski': register it in data/registry/ first (did you mean 'trotsky'?)`]);
  });

  it('rejects an unknown relation and lists the known ones', () => {
    const [message] = check('{{s1 a}}\n@s1 trotsky hated v-smirnov\n');
    expect(message).toContain(`t.ann:${L + 2}:13: unknown relation 'hated'; the ontology has addressedTo, advocated, allianceWith`);
  });

  it('rejects a subject outside the domain and an object outside the range', () => {
    expect(check('{{s1 a}}\n@s1 democratic-centralists memberOf trotsky\n')).toEqual([
      `t.ann:${L + 2}:5: 'memberOf' takes a subject of class Person, but 'democratic-centralists' is a Faction`,
      `t.ann:${L + 2}:37: 'memberOf' takes an object of class Faction, but 'trotsky' is a Person`,
    ]);
    expect(check('{{s1 a}}\n@s1 trotsky advocated v-smirnov\n')).toEqual([`t.ann:${L + 2}:23: 'advocated' takes an object of class Position, but 'v-smirnov' is a Person`]);
  });

  it('rejects a period that ends before it starts, and a self-relation', () => {
    expect(check('{{s1 a}}\n@s1 trotsky memberOf democratic-centralists from=1929 to=1928\n')[0]).toContain("'to' (1928) is before 'from' (1929)");
    expect(check('{{s1 a}}\n@s1 trotsky criticised trotsky\n')[0]).toContain("cannot relate 'trotsky' to itself");
  });

  it('checks the ids of the front matter', () => {
    const { text } = parseAnnotatedText('t.ann', annotated('x\n').replace('licence:', 'author: letter\ndocument: trotsky\nlicence:'));
    expect(checkAnnotations([text!], registry, relations).map((e) => e.message)).toEqual([
      "t.ann:7:9: the author 'letter' is a Document, not a Person or Faction",
      "t.ann:8:11: 'document' must name a Document, but 'trotsky' is a Person",
    ]);
  });

  it('rejects two texts with the same id', () => {
    const a = parseAnnotatedText('a.ann', annotated('x\n')).text!;
    const b = parseAnnotatedText('b.ann', annotated('y\n')).text!;
    expect(checkAnnotations([a, b], registry, relations).map((e) => e.message)).toEqual(["b.ann:2:5: the text id 'test-letter' is used by a.ann too"]);
  });
});
