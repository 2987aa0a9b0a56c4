/**
 * The client of an external store's SPARQL endpoint, against a server made on purpose that answers
 * as Virtuoso does when it cuts a query short: 200 with the rows found so far, and an X-SQL-State header
 * when its time limit cut it, or X-SPARQL-MaxRows when its row limit did. Such an answer must fail, not
 * pass for the whole answer (or the last page).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreFailure } from '../../src/store/QueryExecutor.ts';
import { parseQuery } from '../../src/store/QueryRewriting.ts';
import { SparqlStoreClient } from '../../src/store/SparqlStoreClient.ts';

const results = `<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="s"/></head>
<results><result><binding name="s"><uri>http://example.org/a</uri></binding></result></results></sparql>`;

let server: Server;
let endpoint: string;
let cutShort: 'no' | 'time' | 'rows' = 'no';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/sparql-results+xml');
      if (cutShort === 'time') {
        res.setHeader('x-sql-state', 'S1TAT');
        res.setHeader('x-sql-message', 'RC...: Returning incomplete results, query interrupted by result timeout.');
      }
      if (cutShort === 'rows') res.setHeader('x-sparql-maxrows', '1');
      res.end(results);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
});
afterAll(() => server?.close());

describe('the SPARQL store client', () => {
  const query = parseQuery('SELECT ?s WHERE { ?s ?p ?o }');

  it('reads a whole answer', async () => {
    cutShort = 'no';
    const { rows } = await new SparqlStoreClient(endpoint, 5_000).select(query);
    expect(rows.map((row) => row.s.value)).toEqual(['http://example.org/a']);
  });

  it('refuses an answer the store cut at its time limit, naming why', async () => {
    cutShort = 'time';
    const answer = new SparqlStoreClient(endpoint, 5_000).select(query);
    await expect(answer).rejects.toThrow(StoreFailure);
    await expect(new SparqlStoreClient(endpoint, 5_000).select(query)).rejects.toThrow(/incomplete result \(S1TAT: .*result timeout/);
  });

  it('refuses an answer the store cut at its row limit', async () => {
    cutShort = 'rows';
    await expect(new SparqlStoreClient(endpoint, 5_000).select(query)).rejects.toThrow(/cut its answer at its limit of 1 rows/);
  });
});
