/**
 * Runs admitted SPARQL queries with Comunica over the embedded store, and serialises the answer in
 * the negotiated media type. Results are cut at the cap (the admitted query asks for cap + 1, so a
 * cut answer is known to be cut) before they are serialised.
 */
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { ArrayIterator } from 'asynciterator';
import type { Bindings, Quad, Variable } from '@rdfjs/types';
import type { Store } from 'n3';
import type { AdmittedQuery } from './QueryPolicy.ts';
import { toRdfXml, writeRdf, toJsonLd, type JsonLdDocument } from '../dataset/RdfFormats.ts';

export const resultMediaTypes = {
  bindings: ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'],
  boolean: ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'],
  quads: ['text/turtle', 'application/ld+json', 'application/n-triples', 'application/n-quads', 'application/rdf+xml', 'application/trig'],
} as const;

export interface QueryAnswer {
  readonly mediaType: string;
  readonly body: string;
  /** Rows or triples in the answer, and whether the cap cut it. */
  readonly size: number;
  readonly truncated: boolean;
}

export interface AnswerOptions {
  readonly base: string;
  readonly context: JsonLdDocument;
  /** Prefixes for Turtle and TriG; the JSON-LD context's prefixes when not given. */
  readonly prefixes?: Readonly<Record<string, string>>;
}

export class SparqlEngine {
  private readonly engine = new QueryEngine();

  constructor(private readonly store: Store) {}

  /** The answer as bindings, for callers that format it themselves (the CLI's table, tests). */
  async bindings(query: string): Promise<Bindings[]> {
    return (await this.engine.queryBindings(query, { sources: [this.store] })).toArray();
  }

  async answer(query: AdmittedQuery, mediaType: string, options: AnswerOptions): Promise<QueryAnswer> {
    const context = { sources: [this.store] };
    if (query.form === 'ASK') {
      const value = await this.engine.queryBoolean(query.text, context);
      return { mediaType, body: booleanResult(value, mediaType), size: 1, truncated: false };
    }
    if (query.form === 'SELECT') {
      const result = await this.engine.query(query.text, context);
      if (result.resultType !== 'bindings') throw new Error('a SELECT query gave no bindings');
      const metadata = await result.metadata();
      const rows = await take<Bindings>(await result.execute(), query.cap + 1);
      const kept = rows.slice(0, query.cap);
      const variables: Variable[] = metadata.variables.map((v: Variable | { variable: Variable }) => ('variable' in v ? v.variable : v));
      return { mediaType, body: await writeBindings(variables, kept, mediaType), size: kept.length, truncated: rows.length > query.cap };
    }
    const quads = await take<Quad>(await this.engine.queryQuads(query.text, context), query.cap + 1);
    const truncated = quads.length > query.cap;
    const kept = quads.slice(0, query.cap);
    return { mediaType, body: await serialiseQuads(kept, mediaType, options), size: kept.length, truncated };
  }

}

/** Comunica's writers of SPARQL results, used for answers from either back end. */
const resultWriter = new QueryEngine();
type BindingsResult = Extract<Parameters<QueryEngine['resultToString']>[0], { resultType: 'bindings' }>;

/** A table of bindings in a SPARQL results format (JSON, XML, CSV, TSV). */
export async function writeBindings(variables: readonly Variable[], rows: readonly Bindings[], mediaType: string): Promise<string> {
  const result: BindingsResult = {
    resultType: 'bindings',
    execute: async () => new ArrayIterator([...rows], { autoStart: false }),
    // The writers read only the variables; the rest of Comunica's metadata does not apply to a finished table.
    metadata: (async () => ({ variables: [...variables] })) as BindingsResult['metadata'],
  };
  const { data } = await resultWriter.resultToString(result, mediaType);
  let body = '';
  for await (const chunk of data) body += String(chunk);
  return body;
}

export async function serialiseQuads(quads: readonly Quad[], mediaType: string, options: AnswerOptions): Promise<string> {
  const prefixes = options.prefixes ?? Object.fromEntries(Object.entries((options.context['@context'] ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  switch (mediaType) {
    case 'text/turtle': return writeRdf(quads, 'Turtle', prefixes);
    case 'application/trig': return writeRdf(quads, 'TriG', prefixes);
    case 'application/n-triples': return writeRdf(quads, 'N-Triples');
    case 'application/n-quads': return writeRdf(quads, 'N-Quads');
    case 'application/rdf+xml': return toRdfXml(quads, options.base);
    case 'application/ld+json': return toJsonLd(quads, options.context);
    default: throw new Error(`no serialiser for ${mediaType}`);
  }
}

/**
 * An ASK answer. Comunica 5 writes only the JSON form of a boolean (its XML writer fails on one), so
 * the fixed documents are written here; CSV and TSV, which the W3C formats define for tables only,
 * carry it as a one-cell table headed `_askResult`, as Apache Jena does.
 */
export function booleanResult(value: boolean, mediaType: string): string {
  switch (mediaType) {
    case 'application/sparql-results+json': return JSON.stringify({ head: {}, boolean: value });
    case 'application/sparql-results+xml': return `<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n  <head/>\n  <boolean>${value ? 'true' : 'false'}</boolean>\n</sparql>\n`;
    case 'text/csv': return `_askResult\r\n${value}\r\n`;
    case 'text/tab-separated-values': return `?_askResult\n${value}\n`;
    default: throw new Error(`no boolean serialiser for ${mediaType}`);
  }
}

/** The first `n` items of a stream, then the stream is closed (the rest is never computed). */
function take<T>(stream: AsyncIterable<T> & { destroy?: () => void; on: (event: string, f: (x: T) => void) => unknown }, n: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    let done = false;
    const finish = () => { if (!done) { done = true; stream.destroy?.(); resolve(items); } };
    stream.on('data', (item: T) => { if (done) return; items.push(item); if (items.length >= n) finish(); });
    stream.on('end', finish);
    stream.on('error', (error: unknown) => { if (!done) { done = true; reject(error); } });
  });
}
