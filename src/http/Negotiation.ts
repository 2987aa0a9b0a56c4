/**
 * Content negotiation on `Accept` (q-values honoured, malformed headers tolerated) with negotiator,
 * and the RDF formats the server writes, each reachable by a file extension as well.
 */
import Negotiator from 'negotiator';
import type { Request } from 'express';

export interface RdfFormat { readonly extension: string; readonly mediaType: string; readonly graphs: boolean }

export const rdfFormats: readonly RdfFormat[] = [
  { extension: 'ttl', mediaType: 'text/turtle', graphs: false },
  { extension: 'jsonld', mediaType: 'application/ld+json', graphs: true },
  { extension: 'nt', mediaType: 'application/n-triples', graphs: false },
  { extension: 'rdf', mediaType: 'application/rdf+xml', graphs: false },
  { extension: 'nq', mediaType: 'application/n-quads', graphs: true },
  { extension: 'trig', mediaType: 'application/trig', graphs: true },
];

export const html = 'text/html';

export function formatByExtension(extension: string): RdfFormat | undefined {
  return rdfFormats.find((f) => f.extension === extension);
}

export function formatByMediaType(mediaType: string): RdfFormat | undefined {
  return rdfFormats.find((f) => f.mediaType === mediaType);
}

/** The best of `offered` for the request's Accept header, or undefined (answer 406). */
export function negotiate(request: Request, offered: readonly string[]): string | undefined {
  try {
    return new Negotiator({ headers: { accept: request.headers.accept ?? '*/*' } }).mediaType([...offered]);
  } catch {
    return undefined;
  }
}

/** Whether the client asked for HTML before any RDF format (a browser). */
export function prefersHtml(request: Request): boolean {
  return negotiate(request, [html, ...rdfFormats.map((f) => f.mediaType)]) === html;
}
