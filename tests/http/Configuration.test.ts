/** The settings that choose the back end: unset, the embedded store; SPARQL_STORE, an external one. */
import { describe, expect, it } from 'vitest';
import { readConfiguration } from '../../src/http/Configuration.ts';

describe('the external store settings', () => {
  it('leave the embedded store in place when SPARQL_STORE is unset or empty', () => {
    expect(readConfiguration({}).externalStore).toBeUndefined();
    expect(readConfiguration({ SPARQL_STORE: '' }).externalStore).toBeUndefined();
  });

  it('take the query endpoint, and the Graph Store Protocol URL with its credentials', () => {
    expect(readConfiguration({
      SPARQL_STORE: 'http://127.0.0.1:8890/sparql', SPARQL_GRAPH_STORE: 'http://127.0.0.1:8890/sparql-graph-crud-auth',
      SPARQL_STORE_USER: 'dba', SPARQL_STORE_PASSWORD: 'secret',
    }).externalStore).toEqual({ endpoint: 'http://127.0.0.1:8890/sparql', graphStore: 'http://127.0.0.1:8890/sparql-graph-crud-auth', user: 'dba', password: 'secret' });
    expect(readConfiguration({ SPARQL_STORE: 'https://store.example.org/query' }).externalStore).toEqual({ endpoint: 'https://store.example.org/query' });
  });

  it('refuse what is not an http(s) URL, and a Graph Store URL without a query endpoint, naming the setting', () => {
    expect(() => readConfiguration({ SPARQL_STORE: 'localhost:8890/sparql' })).toThrow(/SPARQL_STORE must be an http\(s\) URL/);
    expect(() => readConfiguration({ SPARQL_STORE: 'file:///etc/passwd' })).toThrow(/SPARQL_STORE must be an http\(s\) URL/);
    expect(() => readConfiguration({ SPARQL_STORE: 'http://127.0.0.1:8890/sparql', SPARQL_GRAPH_STORE: 'not a url' })).toThrow(/SPARQL_GRAPH_STORE must be an http\(s\) URL/);
    expect(() => readConfiguration({ SPARQL_GRAPH_STORE: 'http://127.0.0.1:8890/sparql-graph-crud' })).toThrow(/SPARQL_GRAPH_STORE is set but SPARQL_STORE is not/);
  });

  it('make representations ahead by default on the embedded store only: on an external one they are made on request', () => {
    expect(readConfiguration({}).prepareRepresentations).toBe(true);
    expect(readConfiguration({ SPARQL_STORE: 'http://127.0.0.1:8890/sparql' }).prepareRepresentations).toBe(false);
    expect(readConfiguration({ SPARQL_STORE: 'http://127.0.0.1:8890/sparql', PREPARE_REPRESENTATIONS: '1' }).prepareRepresentations).toBe(true);
    expect(readConfiguration({ PREPARE_REPRESENTATIONS: '0' }).prepareRepresentations).toBe(false);
  });
});
