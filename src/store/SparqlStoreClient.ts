/**
 * A client of an external store's SPARQL 1.1 Protocol endpoint: sends a query (POSTed as a form, which
 * every store accepts) under a time limit, and reads the answer as RDF/JS terms: bindings from SPARQL
 * XML results (Virtuoso writes them several times faster than JSON), a boolean, or triples from
 * N-Triples or Turtle. Queries are given parsed and written by the sparqljs generator.
 */
import { Readable } from 'node:stream';
import { DataFactory, Parser } from 'n3';
import { SparqlJsonParser } from 'sparqljson-parse';
import { SparqlXmlParser } from 'sparqlxml-parse';
import type { Quad, Term, Variable } from '@rdfjs/types';
import type { Query } from 'sparqljs';
import { QueryTimeout, StoreFailure } from './QueryExecutor.ts';
import { writeQuery } from './QueryRewriting.ts';

export type TermRow = Readonly<Record<string, Term>>;

export interface SelectAnswer {
  readonly variables: readonly Variable[];
  readonly rows: readonly TermRow[];
}

export class SparqlStoreClient {
  private readonly jsonResults = new SparqlJsonParser({ dataFactory: DataFactory, prefixVariableQuestionMark: false });
  private readonly xmlResults = new SparqlXmlParser({ dataFactory: DataFactory, prefixVariableQuestionMark: false });

  constructor(readonly endpoint: string, private readonly timeoutMs: number) {}

  async select(query: Query, timeoutMs = this.timeoutMs): Promise<SelectAnswer> {
    const body = await this.send(query, 'application/sparql-results+xml', timeoutMs);
    return new Promise((resolve, reject) => {
      let variables: Variable[] = [];
      const rows: TermRow[] = [];
      this.xmlResults.parseXmlResultsStream(Readable.from([body]))
        .on('variables', (names: Variable[]) => { variables = names; })
        .on('data', (row: TermRow) => rows.push(row))
        .on('error', (error: Error) => reject(new StoreFailure(`the SPARQL store at ${this.endpoint} answered results that are not SPARQL XML: ${error.message}`)))
        .on('end', () => resolve({ variables, rows }));
    });
  }

  async ask(query: Query, timeoutMs = this.timeoutMs): Promise<boolean> {
    return this.jsonResults.parseJsonBoolean(JSON.parse(await this.send(query, 'application/sparql-results+json', timeoutMs)));
  }

  /** CONSTRUCT or DESCRIBE: the triples, in the default graph. */
  async triples(query: Query, timeoutMs = this.timeoutMs): Promise<Quad[]> {
    // N-Triples is Turtle, so one parser reads whichever the store chose.
    return new Parser({ format: 'Turtle' }).parse(await this.send(query, 'application/n-triples, text/turtle;q=0.9', timeoutMs));
  }

  private async send(query: Query, accept: string, timeoutMs: number): Promise<string> {
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { accept, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: writeQuery(query) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await response.text();
      if (!response.ok) throw new StoreFailure(`the SPARQL store at ${this.endpoint} answered ${response.status}: ${body.slice(0, 500).trim()}`);
      // Virtuoso may answer a query cut by its own time limit with what it found so far ("anytime"
      // results: 200 and an X-SQL-State header), and cuts any answer at its ResultSetMaxRows (saying so
      // in X-SPARQL-MaxRows). An incomplete answer is never served, nor taken for a last page, as whole.
      const state = response.headers.get('x-sql-state');
      if (state) throw new StoreFailure(`the SPARQL store at ${this.endpoint} answered an incomplete result (${state}: ${response.headers.get('x-sql-message')?.slice(0, 300) ?? 'no message'})`);
      const maxRows = response.headers.get('x-sparql-maxrows');
      if (maxRows) throw new StoreFailure(`the SPARQL store at ${this.endpoint} cut its answer at its limit of ${maxRows} rows`);
      return body;
    } catch (error) {
      if (error instanceof StoreFailure) throw error;
      if (error instanceof Error && error.name === 'TimeoutError') throw new QueryTimeout(timeoutMs);
      throw new StoreFailure(`the SPARQL store at ${this.endpoint} could not be reached: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
    }
  }
}
