/**
 * What the endpoint lets a query do, decided before it runs: read-only (no Update, no LOAD), closed
 * (no SERVICE, and FROM / FROM NAMED only over our own graphs), and bounded (a LIMIT no larger than the
 * result cap). A refused query gets a clear reason; a syntax error gets the parser's message.
 */
import { DataFactory } from 'n3';
import sparqljs from 'sparqljs';
import type { SparqlQuery, Query, Pattern } from 'sparqljs';

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

export class QueryRefused extends Error {
  constructor(message: string, readonly status: 400 | 403 = 400) {
    super(message);
    this.name = 'QueryRefused';
  }
}

export interface DatasetClause { readonly defaultGraphUris: readonly string[]; readonly namedGraphUris: readonly string[] }

export interface AdmittedQuery {
  readonly form: QueryForm;
  /** The query to run: the protocol's dataset clause folded in, and the LIMIT capped at `cap + 1`. */
  readonly text: string;
  readonly cap: number;
}

const maxDepth = 64;

/**
 * Parses and checks a query. `ownGraphs` tells whether a graph IRI is one of ours. Throws QueryRefused.
 */
export function admitQuery(query: string, dataset: DatasetClause, ownGraph: (iri: string) => boolean, cap: number): AdmittedQuery {
  if (!query.trim()) throw new QueryRefused('the query is empty');
  let parsed: SparqlQuery;
  try {
    parsed = new sparqljs.Parser().parse(query);
  } catch (error) {
    throw new QueryRefused(`SPARQL syntax error: ${(error as Error).message}`);
  }
  if (parsed.type === 'update') {
    throw new QueryRefused('this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD) is not accepted', 403);
  }
  const q: Query = parsed;
  checkPatterns(q.where ?? [], 0);
  const from = {
    default: [...(q.from?.default ?? []).map((t) => t.value), ...dataset.defaultGraphUris],
    named: [...(q.from?.named ?? []).map((t) => t.value), ...dataset.namedGraphUris],
  };
  for (const iri of [...from.default, ...from.named]) {
    if (!ownGraph(iri)) throw new QueryRefused(`FROM, FROM NAMED, default-graph-uri and named-graph-uri may only name this dataset's own graphs; '${iri}' is not one (the server never fetches outside data)`, 403);
  }
  if (dataset.defaultGraphUris.length || dataset.namedGraphUris.length) {
    // The protocol's parameters override the query's own dataset clause (SPARQL 1.1 Protocol 2.1.4).
    q.from = {
      default: dataset.defaultGraphUris.length ? dataset.defaultGraphUris.map((iri) => DataFactory.namedNode(iri)) : q.from?.default ?? [],
      named: dataset.namedGraphUris.length ? dataset.namedGraphUris.map((iri) => DataFactory.namedNode(iri)) : q.from?.named ?? [],
    };
  }
  const form = q.queryType as QueryForm;
  const bounded = q as { limit?: number };
  if (form !== 'ASK' && (bounded.limit === undefined || bounded.limit > cap)) bounded.limit = cap + 1;
  return { form, text: new sparqljs.Generator().stringify(q), cap };
}

function checkPatterns(patterns: Pattern[], depth: number): void {
  if (depth > maxDepth) throw new QueryRefused(`the query nests groups more than ${maxDepth} deep`);
  for (const pattern of patterns) {
    if (pattern.type === 'service') throw new QueryRefused('SERVICE is not allowed: this endpoint never queries other endpoints', 403);
    if ('patterns' in pattern && Array.isArray(pattern.patterns)) checkPatterns(pattern.patterns as Pattern[], depth + 1);
    if (pattern.type === 'query') checkPatterns((pattern as Query).where ?? [], depth + 1);
    if (pattern.type === 'filter' || pattern.type === 'bind') checkExpression(pattern.expression, depth + 1);
  }
}

function checkExpression(expression: unknown, depth: number): void {
  if (depth > maxDepth || typeof expression !== 'object' || expression === null) return;
  const e = expression as { type?: string; args?: unknown[]; where?: Pattern[] };
  if (e.type === 'operation' && Array.isArray(e.args)) {
    for (const arg of e.args) {
      if (arg && typeof arg === 'object' && (arg as { type?: string }).type === 'group') checkPatterns([arg as Pattern], depth + 1);
      else checkExpression(arg, depth + 1);
    }
  }
}
