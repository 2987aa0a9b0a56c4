/**
 * A file written in parts that come in any order is put together in the order of the parts' keys,
 * between its head and tail, the first part without its separator; its spill file is then gone.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PartedFile } from '../../src/dataset/PartedFile.ts';

async function put(parts: readonly [string, string][], head: string, tail: string, separator = ''): Promise<{ text: string; spill: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'parted-'));
  const spill = join(dir, 'parts');
  const file = new PartedFile(spill);
  for (const [key, text] of parts) file.add(key, text);
  const target = createWriteStream(join(dir, 'out'));
  await file.finish(target, head, tail, separator);
  target.end();
  await once(target, 'close');
  return { text: readFileSync(join(dir, 'out'), 'utf8'), spill };
}

describe('a file written in parts', () => {
  it('puts the parts in the order of their keys, not the order they came in, and removes the spill file', async () => {
    const { text, spill } = await put([['text/b', ',b1,b2'], ['text/c', ',c1'], ['text/a', ',a1']], '[', ']', ',');
    expect(text).toBe('[a1,b1,b2,c1]');
    expect(existsSync(spill)).toBe(false);
  });

  it('leaves out empty parts, and writes only head and tail when there are none', async () => {
    expect((await put([['x', ''], ['y', 'Щ😀']], '<', '>')).text).toBe('<Щ😀>');
    expect((await put([], 'head', 'tail', ',')).text).toBe('headtail');
  });

  it('copies parts larger than its copying buffer whole', async () => {
    const big = 'ж'.repeat(1_500_000);
    expect((await put([['2', 'z'], ['1', big]], '', '')).text).toBe(`${big}z`);
  });

  it('refuses two parts with one key, and leaves no spill file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parted-'));
    const file = new PartedFile(join(dir, 'parts'));
    file.add('same', 'a');
    file.add('same', 'b');
    await expect(file.finish(createWriteStream(join(dir, 'out')), '', '')).rejects.toThrow('have the key same');
    expect(existsSync(join(dir, 'parts'))).toBe(false);
  });
});
