/**
 * How answers are written, by either back end: the media types of each query form, RDF in every
 * format we serve, ASK results, and tables of bindings (with Comunica's writers, loaded only when a
 * table is first written, so that the HTTP process, whose queries run in the workers, never loads Comunica).
 */
import type { Bindings, Quad, Variable } from '@rdfjs/types';
import type { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { ArrayIterator } from 'asynciterator';
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


/** Comunica's writers of SPARQL results, used for answers from either back end. */
let resultWriter: Promise<QueryEngine> | undefined;
type BindingsResult = Extract<Parameters<QueryEngine['resultToString']>[0], { resultType: 'bindings' }>;

/** A table of bindings in a SPARQL results format (JSON, XML, CSV, TSV). */
export async function writeBindings(variables: readonly Variable[], rows: readonly Bindings[], mediaType: string): Promise<string> {
  const result: BindingsResult = {
    resultType: 'bindings',
    execute: async () => new ArrayIterator([...rows], { autoStart: false }),
    // The writers read only the variables; the rest of Comunica's metadata does not apply to a finished table.
    metadata: (async () => ({ variables: [...variables] })) as BindingsResult['metadata'],
  };
  resultWriter ??= import('@comunica/query-sparql-rdfjs').then(({ QueryEngine }) => new QueryEngine());
  const { data } = await (await resultWriter).resultToString(result, mediaType);
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

