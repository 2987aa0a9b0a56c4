/**
 * A served build's cache of representations: each is made once, however many requests ask for it at
 * the same moment, one whose making failed is made again on the next request, and the cache holds no
 * more than its bound, dropping the least recently used.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { currentBuildDir } from '../../src/dataset/Publication.ts';
import { ServedDataset } from '../../src/http/ServedDataset.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';

let dataset: ServedDataset;
let builtDir: string;

beforeAll(async () => {
  const corpus = makeFixtureCorpus();
  await buildDataset({ base: 'http://localhost:3000/', location: corpus, distDir: corpus.distDir });
  builtDir = currentBuildDir(corpus.distDir)!;
  dataset = await ServedDataset.load(builtDir);
});

describe('the cache of representations', () => {
  it('makes a representation once for requests that ask for it at the same moment', async () => {
    let made = 0;
    const make = async () => { made++; await new Promise((resolve) => setTimeout(resolve, 20)); return 'body'; };
    const answers = await Promise.all(Array.from({ length: 5 }, () => dataset.representation('once', 'text/plain', make)));
    expect(made).toBe(1);
    expect(new Set(answers).size).toBe(1);
    expect(dataset.cachedRepresentation('once', 'text/plain')?.body.toString()).toBe('body');
  });

  it('makes it again after a failure, and keeps it once made', async () => {
    let attempts = 0;
    const make = async () => { if (++attempts === 1) throw new Error('the store is away'); return 'second time'; };
    await expect(dataset.representation('retry', 'text/plain', make)).rejects.toThrow('the store is away');
    expect(dataset.cachedRepresentation('retry', 'text/plain')).toBeUndefined();
    expect((await dataset.representation('retry', 'text/plain', make)).body.toString()).toBe('second time');
    await dataset.representation('retry', 'text/plain', make);
    expect(attempts).toBe(2);
  });

  it('gives each representation a strong ETag of the build version, and one per content coding', async () => {
    const representation = await dataset.representation('etag', 'text/plain', () => 'x'.repeat(2048));
    expect(representation.etag).toMatch(new RegExp(`^"${dataset.version}-[0-9a-f]{16}"$`));
    expect(representation.etagFor('gzip')).not.toBe(representation.etag);
    expect(representation.etagFor('br')).not.toBe(representation.etagFor('gzip'));
  });

  it('holds no more than its bound: the least recently used representation is dropped, and made again when asked for', async () => {
    // 1 MiB, each representation counted twice: three of 150 KiB fit, a fourth drops the one used longest ago.
    const bounded = await ServedDataset.load(builtDir, { representationCacheMb: 1 });
    const made: string[] = [];
    const body = (key: string) => () => { made.push(key); return key.repeat(150 * 1024); };
    for (const key of ['a', 'b', 'c']) await bounded.representation(key, 'text/plain', body(key));
    await bounded.representation('a', 'text/plain', body('a')); // used again: now the most recent
    await bounded.representation('d', 'text/plain', body('d'));
    expect(bounded.cachedRepresentation('b', 'text/plain')).toBeUndefined();
    for (const key of ['a', 'c', 'd']) expect(bounded.cachedRepresentation(key, 'text/plain')?.body.byteLength, key).toBe(150 * 1024);
    expect((await bounded.representation('b', 'text/plain', body('b'))).body.toString()).toBe('b'.repeat(150 * 1024));
    expect(made).toEqual(['a', 'b', 'c', 'd', 'b']);
  });
});
