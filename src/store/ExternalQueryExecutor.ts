/**
 * Runs admitted queries on an external SPARQL 1.1 store. The query is confined to the dataset's own
 * graphs (a store's other graphs never show), asked for in SPARQL JSON or N-Triples, cut at the cap,
 * and written in the format the client negotiated by the same writers the embedded engine uses, so
 * both back ends answer alike. The store runs the queries; this side only bounds how many are sent at
 * once (workers + queue, beyond that 503) and how long each may take (the fetch is aborted: 503).
 */
import { DataFactory } from 'n3';
import { BindingsFactory } from '@comunica/utils-bindings-factory';
import type { Bindings, Term, Variable } from '@rdfjs/types';
import { QueueFull, type QueryExecutor, type QueryTask } from './QueryExecutor.ts';
import { confineToGraphs, parseQuery } from './QueryRewriting.ts';
import { booleanResult, serialiseQuads, writeBindings, type QueryAnswer } from './AnswerFormats.ts';
import type { SparqlStoreClient, TermRow } from './SparqlStoreClient.ts';

export interface ExternalQueryOptions {
  /** Queries sent to the store at once (QUERY_WORKERS) plus those allowed to wait (QUERY_QUEUE). */
  readonly concurrent: number;
}

const bindingsFactory = new BindingsFactory(DataFactory);

export class ExternalQueryExecutor implements QueryExecutor {
  private inFlight = 0;

  constructor(private readonly client: SparqlStoreClient, private readonly graphs: readonly string[], private readonly options: ExternalQueryOptions) {}

  async run(task: QueryTask): Promise<QueryAnswer> {
    if (this.inFlight >= this.options.concurrent) throw new QueueFull();
    this.inFlight++;
    try {
      return await this.answer(task);
    } finally {
      this.inFlight--;
    }
  }

  private async answer({ query, mediaType, base, context }: QueryTask): Promise<QueryAnswer> {
    // The admitted text was written by sparqljs from a query that passed the policy.
    const confined = confineToGraphs(parseQuery(query.text), this.graphs);
    if (query.form === 'ASK') return { mediaType, body: booleanResult(await this.client.ask(confined), mediaType), size: 1, truncated: false };
    if (query.form === 'SELECT') {
      const { variables, rows } = await this.client.select(confined);
      const kept = rows.slice(0, query.cap).map((row) => toBindings(variables, row));
      return { mediaType, body: await writeBindings(variables, kept, mediaType), size: kept.length, truncated: rows.length > query.cap };
    }
    const triples = await this.client.triples(confined);
    const kept = triples.slice(0, query.cap);
    return { mediaType, body: await serialiseQuads(kept, mediaType, { base, context }), size: kept.length, truncated: triples.length > query.cap };
  }

  async warmUp(): Promise<void> {}

  async close(): Promise<void> {}
}

function toBindings(variables: readonly Variable[], row: TermRow): Bindings {
  return bindingsFactory.bindings(variables.filter((v) => row[v.value] !== undefined).map((v): [Variable, Term] => [v, row[v.value]]));
}
