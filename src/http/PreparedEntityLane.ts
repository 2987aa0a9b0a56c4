/**
 * The prepared-entity lane: a GET or HEAD of an entity IRI whose representation is already made (after
 * start-up every common one is, see EntityRepresentations.ts) is answered here, in front of Express,
 * with the same request log, security headers and bytes as the Express route, and without its router
 * and middleware stack, which cost most of the time of such a request. Anything else (a query string,
 * an unknown entity, a citation, a representation not made yet, a draining server) goes on to Express.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { preparedEntityRepresentation, readEntityRequest } from './EntityRepresentations.ts';
import { sendRepresentation } from './Responses.ts';
import type { ServedDataset } from './ServedDataset.ts';

/** Middleware with Node's own request and response, run in order before the lane answers (log, headers). */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface PreparedEntityLaneOptions {
  readonly dataset: () => ServedDataset;
  readonly draining: () => boolean;
  /** The same instances Express runs first: the request log and the security headers. */
  readonly before: readonly NodeMiddleware[];
}

/** Returns a handler that answers the request and returns true, or returns false and leaves it untouched. */
export function preparedEntityLane({ dataset: current, draining, before }: PreparedEntityLaneOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || draining() || !req.url || req.url.includes('?') || req.url.includes('%')) return false;
    const dataset = current();
    const root = new URL(dataset.base).pathname;
    if (!req.url.startsWith(`${root}id/`)) return false;
    const segments = req.url.slice(root.length + 3).split('/');
    if (segments.length !== 2) return false;
    const asked = readEntityRequest(dataset, segments[0], segments[1], req);
    if (asked.kind !== 'representation') return false;
    const representation = preparedEntityRepresentation(dataset, asked.iri, asked.mediaType, asked.language);
    if (!representation) return false;
    let failed: unknown;
    for (const middleware of before) middleware(req, res, (error) => { failed ??= error; });
    if (failed) return false;
    sendRepresentation(req, res, dataset, representation, asked.options);
    return true;
  };
}
