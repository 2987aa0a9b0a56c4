/**
 * A dump being written as the build goes, text by text: the plain file and its gzip copy side by
 * side, with the plain file's size and SHA-256 for the manifest. It is a Writable, so N3.js's writer
 * and the JSON-LD serialiser write into it directly, and it holds back (backpressure) rather than
 * buffering a dump of any size in memory.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, fsyncSync, openSync, closeSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { createGzip, constants, type Gzip } from 'node:zlib';

const pieceBytes = 1 << 20;

export class DumpStream extends Writable {
  readonly #plain: WriteStream;
  readonly #gzip?: Gzip;
  readonly #gzipFile?: WriteStream;
  readonly #hash = createHash('sha256');
  #bytes = 0;
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  /** `gzip`: whether a gzipped copy is written beside it (`{path}.gz`). */
  constructor(readonly path: string, readonly gzip = true) {
    super({ decodeStrings: true });
    this.#plain = createWriteStream(path);
    // zlib's default level (6), not 9: several times faster, for dumps only slightly larger.
    if (gzip) {
      this.#gzip = createGzip({ level: constants.Z_DEFAULT_COMPRESSION });
      this.#gzipFile = createWriteStream(`${path}.gz`);
      this.#gzip.pipe(this.#gzipFile);
    }
    for (const stream of [this.#plain, this.#gzip, this.#gzipFile]) stream?.on('error', (error: Error) => this.destroy(error));
  }

  get bytes(): number { return this.#bytes; }

  /** The plain file's SHA-256, once it is finished. */
  get sha256(): string { return this.#hash.copy().digest('hex'); }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    // Writers hand over a quad at a time; gzip and the disk want large pieces.
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.byteLength;
    if (this.#pendingBytes < pieceBytes) done();
    else this.#flush().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.#flush().then(() => {
      this.#plain.end();
      this.#gzip?.end();
      return Promise.all([once(this.#plain, 'close'), ...(this.#gzipFile ? [once(this.#gzipFile, 'close')] : [])]);
    }).then(() => { for (const file of this.gzip ? [this.path, `${this.path}.gz`] : [this.path]) syncToDisk(file); done(); }, done);
  }

  async #flush(): Promise<void> {
    const piece = Buffer.concat(this.#pending);
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#hash.update(piece);
    this.#bytes += piece.byteLength;
    const waits: Promise<unknown>[] = [];
    if (!this.#plain.write(piece)) waits.push(once(this.#plain, 'drain'));
    if (this.#gzip && !this.#gzip.write(piece)) waits.push(once(this.#gzip, 'drain'));
    await Promise.all(waits);
  }
}

/** Waits until the stream takes more, if it asked to be waited for. */
export async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain) await once(stream, 'drain');
}

/** Waits until the stream has written everything and closed. */
export async function finished(stream: Writable): Promise<void> {
  if (!stream.writableFinished) await once(stream, 'finish');
}

function syncToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}
