/**
 * Content negotiation on `Accept` (q-values honoured, malformed headers tolerated) with negotiator,
 * and the RDF formats the server writes, each reachable by a file extension as well.
 */
import type { IncomingHttpHeaders } from 'node:http';
import Negotiator from 'negotiator';

/** What negotiation reads of a request: only its headers (an Express request or Node's own). */
export interface RequestHeaders { readonly headers: IncomingHttpHeaders }

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

/** A resource's last path segment: its slug, and optionally the extension of one of its formats. */
export const resourceFile = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.([a-z]+(?:\.(?:json|xml))?))?$/;

/** A source text in TEI P5 (RFC 6129), as the build wrote it. */
export const teiMediaType = 'application/tei+xml';

export function formatByExtension(extension: string): RdfFormat | undefined {
  return rdfFormats.find((f) => f.extension === extension);
}

export function formatByMediaType(mediaType: string): RdfFormat | undefined {
  return rdfFormats.find((f) => f.mediaType === mediaType);
}

/** The best of `offered` for the request's Accept header, or undefined (answer 406). */
export function negotiate(request: RequestHeaders, offered: readonly string[]): string | undefined {
  try {
    return new Negotiator({ headers: { accept: request.headers.accept ?? '*/*' } }).mediaType([...offered]);
  } catch {
    return undefined;
  }
}

/** Whether the client asked for HTML before any RDF format (a browser). */
export function prefersHtml(request: RequestHeaders): boolean {
  return negotiate(request, [html, ...rdfFormats.map((f) => f.mediaType)]) === html;
}

/**
 * Which representation a request asks for: by file extension, else by Accept. Undefined means none is
 * acceptable (406); 'bad-extension' that the extension names no representation offered here (404).
 */
export function chooseFormat(request: RequestHeaders, extension: string | undefined, offered: readonly string[]): string | undefined | 'bad-extension' {
  if (extension) {
    if (extension === 'html') return offered.includes(html) ? html : 'bad-extension';
    if (extension === 'txt') return offered.includes('text/plain') ? 'text/plain' : 'bad-extension';
    if (extension === 'tei.xml') return offered.includes(teiMediaType) ? teiMediaType : 'bad-extension';
    const format = formatByExtension(extension);
    return format && offered.includes(format.mediaType) ? format.mediaType : 'bad-extension';
  }
  return negotiate(request, offered);
}
