/**
 * The back end the integration tests run against: the embedded store, or, when TEST_SPARQL_STORE is set
 * (npm run test:store, which starts a Virtuoso), that external store, loaded with the built corpus by
 * the global setup through TEST_SPARQL_GRAPH_STORE with TEST_SPARQL_STORE_USER and _PASSWORD.
 */
import { SparqlStoreClient } from '../../src/store/SparqlStoreClient.ts';

const env = process.env;

/** The server settings that select the external store; empty for the embedded one. */
export const externalStoreSettings: Readonly<Record<string, string>> = Object.fromEntries(Object.entries({
  SPARQL_STORE: env.TEST_SPARQL_STORE,
  SPARQL_GRAPH_STORE: env.TEST_SPARQL_GRAPH_STORE,
  SPARQL_STORE_USER: env.TEST_SPARQL_STORE_USER,
  SPARQL_STORE_PASSWORD: env.TEST_SPARQL_STORE_PASSWORD,
}).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '' && env.TEST_SPARQL_STORE !== undefined));

export const onExternalStore = externalStoreSettings.SPARQL_STORE !== undefined;

export function externalStoreClient(): SparqlStoreClient {
  if (!onExternalStore) throw new Error('TEST_SPARQL_STORE is not set');
  return new SparqlStoreClient(externalStoreSettings.SPARQL_STORE, 60_000);
}
