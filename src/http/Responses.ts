/**
 * How representations go out: caching headers (strong ETag from the dataset version, Last-Modified,
 * conditional GET answered 304), CORS on data, Vary on Accept, and the alternates of a resource in
 * `Link` headers; errors as a short text the client can show.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import fresh from 'fresh';
import vary from 'vary';
import type { Representation } from './Representation.ts';
import type { ServedDataset } from './ServedDataset.ts';
import { rdfFormats } from './Negotiation.ts';

export interface SendOptions {
  /** The resource's path without extension, to list its alternates. */
  readonly resourcePath?: string;
  /** The URL of this exact representation (with extension), for Content-Location. */
  readonly contentLocation?: string;
  readonly negotiated?: boolean;
  readonly cors?: boolean;
  readonly status?: number;
}

/**
 * Sends a representation, compressed as the client accepts (from the representation's kept compressed
 * forms). Takes Node's own request and response, so the prepared-entity lane in front of Express sends
 * exactly what the Express routes send.
 */
export function sendRepresentation(req: IncomingMessage, res: ServerResponse, dataset: ServedDataset, representation: Representation, options: SendOptions = {}): void {
  const type = representation.mediaType.startsWith('text/') || representation.mediaType.includes('json') || representation.mediaType.includes('xml') || representation.mediaType.includes('n-') || representation.mediaType.includes('trig')
    ? `${representation.mediaType}; charset=utf-8` : representation.mediaType;
  const coding = representation.codingFor(req.headers);
  const etag = representation.etagFor(coding);
  res.setHeader('Content-Type', type);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', dataset.lastModified.toUTCString());
  res.setHeader('Cache-Control', 'public, max-age=300, must-revalidate');
  if (options.negotiated) vary(res, 'Accept');
  if (representation.mediaType === 'text/html') vary(res, 'Accept-Language, Cookie');
  if (representation.compressible) vary(res, 'Accept-Encoding');
  if (options.cors ?? true) res.setHeader('Access-Control-Allow-Origin', '*');
  if (options.contentLocation) res.setHeader('Content-Location', options.contentLocation);
  if (options.resourcePath) {
    const links = [`<${options.resourcePath}>; rel="canonical"`, ...rdfFormats.map((f) => `<${options.resourcePath}.${f.extension}>; rel="alternate"; type="${f.mediaType}"`),
      `<${options.resourcePath}.html>; rel="alternate"; type="text/html"`];
    res.setHeader('Link', links.join(', '));
  }
  const status = options.status ?? 200;
  if (status === 200 && notModified(req, etag, dataset.lastModified)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = representation.encoded(coding);
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Length', body.length);
  res.statusCode = status;
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

/**
 * Whether a conditional GET can be answered 304. Express's `req.fresh` refuses whenever the request
 * says `Cache-Control: no-cache`, which fetch() adds to every conditional request; but that directive
 * speaks to caches, and an origin server still evaluates the preconditions (RFC 9110, 13.2.1).
 */
function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const { 'cache-control': _ignored, ...headers } = req.headers;
  return fresh(headers, { etag, 'last-modified': lastModified.toUTCString() });
}

export function sendError(res: Response, status: number, message: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).type('text/plain; charset=utf-8').send(`${message}\n`);
}

export function methodNotAllowed(allowed: readonly string[]) {
  return (_req: Request, res: Response) => sendError(res, 405, `method not allowed; use ${allowed.join(', ')}`, { Allow: allowed.join(', ') });
}
