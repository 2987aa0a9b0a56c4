/**
 * A file written in parts that come in one order and must end up in another: the build reads texts in
 * the order of their files, while an export lists them in the order of their IRIs. Each part is
 * appended to a spill file beside the target as it comes, and only its key and place are kept, so
 * memory holds none of the parts; `finish` copies them, in the order of their keys, between a head
 * and a tail into the target, and removes the spill file.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { drained } from './DumpStream.ts';

interface Place { readonly key: string; readonly offset: number; readonly bytes: number }

const copyBytes = 1 << 20;

export class PartedFile {
  readonly #spillPath: string;
  readonly #spill: number;
  readonly #places: Place[] = [];
  #offset = 0;

  /** `spillPath`: where the parts wait; it is removed when the file is finished or abandoned. */
  constructor(spillPath: string) {
    this.#spillPath = spillPath;
    this.#spill = openSync(spillPath, 'w+');
  }

  /** Appends a part; parts are put together in the order of their keys, which must differ. */
  add(key: string, text: string): void {
    if (!text) return;
    const bytes = Buffer.from(text, 'utf8');
    writeSync(this.#spill, bytes, 0, bytes.byteLength, this.#offset);
    this.#places.push({ key, offset: this.#offset, bytes: bytes.byteLength });
    this.#offset += bytes.byteLength;
  }

  /**
   * Writes head, the parts in key order, and tail to `target`, then removes the spill file.
   * `dropFromFirst`: a separator every part starts with, which the first part written leaves out.
   */
  async finish(target: Writable, head: string, tail: string, dropFromFirst = ''): Promise<void> {
    try {
      const places = [...this.#places].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (let n = 1; n < places.length; n++) {
        if (places[n].key === places[n - 1].key) throw new Error(`two parts of ${this.#spillPath} have the key ${places[n].key}`);
      }
      await write(target, Buffer.from(head, 'utf8'));
      const drop = Buffer.byteLength(dropFromFirst, 'utf8');
      for (const [n, place] of places.entries()) {
        const skip = n === 0 ? drop : 0;
        await this.#copy(target, place.offset + skip, place.bytes - skip);
      }
      await write(target, Buffer.from(tail, 'utf8'));
    } finally {
      this.abandon();
    }
  }

  /** Removes the spill file. */
  abandon(): void {
    try { closeSync(this.#spill); } catch { /* already closed */ }
    rmSync(this.#spillPath, { force: true });
  }

  async #copy(target: Writable, offset: number, bytes: number): Promise<void> {
    for (let done = 0; done < bytes;) {
      const piece = Buffer.allocUnsafe(Math.min(copyBytes, bytes - done));
      const read = readSync(this.#spill, piece, 0, piece.byteLength, offset + done);
      if (read !== piece.byteLength) throw new Error(`${this.#spillPath} ended before its parts did`);
      await write(target, piece);
      done += read;
    }
  }
}

async function write(target: Writable, bytes: Buffer): Promise<void> {
  if (bytes.byteLength && !target.write(bytes)) await drained(target);
}
