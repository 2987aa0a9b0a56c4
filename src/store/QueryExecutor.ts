/**
 * Where admitted SPARQL queries run: one narrow interface with two implementations, the embedded pool
 * of worker threads (QueryPool) and an external SPARQL 1.1 store (ExternalQueryExecutor). The endpoint
 * admits a query by the policy first and only then hands it to one of them.
 */
import type { JsonLdDocument } from '../dataset/RdfFormats.ts';
import type { AdmittedQuery } from './QueryPolicy.ts';
import type { QueryAnswer } from './AnswerFormats.ts';

export interface QueryTask {
  readonly query: AdmittedQuery;
  readonly mediaType: string;
  readonly base: string;
  readonly context: JsonLdDocument;
}

export interface QueryExecutor {
  /** Answers an admitted query in the negotiated media type, cut at its cap, within the time limit. */
  run(task: QueryTask): Promise<QueryAnswer>;
  /** Resolves when queries can be answered (what the readiness probe waits for). */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export class QueryTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the query ran longer than the time limit of ${timeoutMs / 1000} s and was stopped`);
    this.name = 'QueryTimeout';
  }
}

export class QueueFull extends Error {
  constructor() {
    super('too many queries are running or waiting; try again shortly');
    this.name = 'QueueFull';
  }
}

/** The external store failed or could not be reached: the endpoint answers 502. */
export class StoreFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreFailure';
  }
}
