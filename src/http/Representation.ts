/**
 * One representation of a resource as the server sends it: its bytes, media type and strong ETag, and
 * its compressed forms. The data changes only with a new build, so each compressed form is made the
 * first time a client accepts it and then kept beside the plain bytes; nothing is compressed twice.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';
import type { IncomingHttpHeaders } from 'node:http';

/** negotiator 1.x breaks ties by a preference order; its published types predate that option. */
type PreferringNegotiator = Negotiator & { encoding(available: string[], options: { preferred: string[] }): string | undefined };

export type ContentCoding = 'br' | 'gzip' | 'identity';

/** Smaller bodies go out plain: compressing them saves less than it costs (compression's default). */
export const compressionThreshold = 1024;

export class Representation {
  private readonly encodings = new Map<Exclude<ContentCoding, 'identity'>, Buffer>();

  constructor(readonly body: Buffer, readonly mediaType: string, readonly etag: string) {}

  /** Whether the body is worth compressing (text of some kind, above the threshold). */
  get compressible(): boolean {
    return this.body.length >= compressionThreshold && /^text\/|json|xml|n-triples|n-quads|trig|javascript|csv/.test(this.mediaType);
  }

  /** The content coding to send for a request's Accept-Encoding: Brotli, then gzip, as compression prefers. */
  codingFor(headers: IncomingHttpHeaders): ContentCoding {
    if (!this.compressible || !headers['accept-encoding']) return 'identity';
    const negotiator = new Negotiator({ headers: { 'accept-encoding': headers['accept-encoding'] } }) as PreferringNegotiator;
    const chosen = negotiator.encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] });
    return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
  }

  /** The bytes in a content coding. */
  encoded(coding: ContentCoding): Buffer {
    if (coding === 'identity') return this.body;
    let bytes = this.encodings.get(coding);
    if (!bytes) {
      bytes = coding === 'br'
        ? brotliCompressSync(this.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length } })
        : gzipSync(this.body, { level: 6 });
      this.encodings.set(coding, bytes);
    }
    return bytes;
  }

  /** A strong ETag names exact bytes, so each coding has its own (RFC 9110, 8.8.3.3). */
  etagFor(coding: ContentCoding): string {
    return coding === 'identity' ? this.etag : `${this.etag.slice(0, -1)}-${coding}"`;
  }
}
