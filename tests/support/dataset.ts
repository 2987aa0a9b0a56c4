/**
 * The real corpus, built once by the global setup, loaded into the embedded store for a test file; its
 * queries run there, or, under npm run test:store, on the external store (confined to the build's graphs).
 */
import { inject } from 'vitest';
import { loadDataset, type LoadedDataset } from '../../src/store/DatasetStore.ts';
import { SparqlEngine } from '../../src/store/SparqlEngine.ts';
import { confineToGraphs, parseQuery } from '../../src/store/QueryRewriting.ts';
import { StoreSlices } from '../../src/store/StoreSlices.ts';
import { externalStoreClient, onExternalStore } from './externalStore.ts';

let loaded: Promise<LoadedDataset> | undefined;

export function builtDataset(): Promise<LoadedDataset> {
  loaded ??= loadDataset(inject('builtDir'));
  return loaded;
}

export type Row = Record<string, string>;

/** Runs a query on the built corpus; each row maps variable names to term values. */
export async function select(query: string): Promise<Row[]> {
  if (onExternalStore) {
    const client = externalStoreClient();
    const graphs = await StoreSlices.graphsIn(client, base);
    const { rows } = await client.select(confineToGraphs(parseQuery(query), graphs));
    return rows.map((row) => Object.fromEntries(Object.entries(row).map(([variable, term]) => [variable, term.value])));
  }
  const { store } = await builtDataset();
  const rows = await new SparqlEngine(store).bindings(query);
  return rows.map((row) => Object.fromEntries([...row].map(([variable, term]) => [variable.value, term.value])));
}

export const base = 'http://localhost:3000/';
export const id = (path: string) => `${base}id/${path}`;
export const text = (textId: string) => `${base}text/${textId}`;
export const rcp = (local: string) => `${base}ontology#${local}`;
