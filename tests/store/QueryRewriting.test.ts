/** Queries rewritten as data: terms put in for a template's variables, and a query confined to graphs. */
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { confineToGraphs, parseQuery, substituteTerms, writeQuery } from '../../src/store/QueryRewriting.ts';

const { namedNode, literal } = DataFactory;

describe('substituting terms into a template', () => {
  it('puts the term in every place the variable occurs, and leaves other variables alone', () => {
    const template = parseQuery('SELECT ?s WHERE { ?s ?p ?entity . FILTER(?o = ?entity) }');
    const text = writeQuery(substituteTerms(template, { entity: namedNode('http://example.org/id/a') }));
    expect(text.match(/<http:\/\/example\.org\/id\/a>/g)).toHaveLength(2);
    expect(text).not.toContain('?entity');
    expect(text).toContain('?s');
    // The template itself is unchanged: it is used again for the next entity.
    expect(writeQuery(template)).toContain('?entity');
  });

  it('escapes literals, so a value cannot close the string and add to the query', () => {
    const value = 'x") } ; DROP ALL ; SELECT * { ?a ?b "';
    const text = writeQuery(substituteTerms(parseQuery('SELECT * WHERE { ?s ?p ?value }'), { value: literal(value) }));
    expect(parseQuery(text).where).toHaveLength(1);
    expect(JSON.stringify(parseQuery(text).where)).toContain(JSON.stringify(value).slice(1, -1));
  });

  it('refuses an IRI that SPARQL cannot hold, which the generator would write as it is', () => {
    const template = parseQuery('SELECT * WHERE { ?s ?p ?entity }');
    for (const iri of ['http://example.org/a> } ; DROP ALL ; <x', 'http://example.org/a b', 'http://example.org/{x}']) {
      expect(() => substituteTerms(template, { entity: namedNode(iri) })).toThrow(/cannot be written as an IRI/);
    }
  });
});

describe('confining a query to graphs', () => {
  const graphs = ['http://example.org/graph/a', 'http://example.org/graph/b'];

  it('makes a query that names no dataset read the given graphs, as default graph and as named graphs', () => {
    const confined = confineToGraphs(parseQuery('SELECT * WHERE { ?s ?p ?o }'), graphs);
    expect(confined.from?.default.map((g) => g.value)).toEqual(graphs);
    expect(confined.from?.named.map((g) => g.value)).toEqual(graphs);
    expect(writeQuery(confined)).toMatch(/FROM <http:\/\/example\.org\/graph\/a>[\s\S]*FROM NAMED <http:\/\/example\.org\/graph\/b>/);
  });

  it('leaves a query that names its dataset as it is', () => {
    const query = parseQuery('SELECT * FROM <http://example.org/graph/a> WHERE { ?s ?p ?o }');
    expect(confineToGraphs(query, graphs)).toBe(query);
  });
});
