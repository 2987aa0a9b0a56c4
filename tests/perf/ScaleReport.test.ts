/**
 * The scale benchmark's report: the disk a size would take, scaled from a smaller size measured, and a
 * table where a size that was not started, or failed, says why and leaves the rest empty.
 */
import { describe, expect, it } from 'vitest';
import { buildSecondsAtLeast, diskNeeded, plotPoints, resultsTable, type SizeResult } from '../../perf/ScaleReport.ts';

const ok = (seconds: number, peakRssMb?: number) => ({ ok: true, seconds, ...(peakRssMb && { peakRssMb }) });
const ten: SizeResult = {
  scale: 10, texts: 200, quads: 1_734_417, generate: ok(3.6), build: ok(121, 757), store: 'Virtuoso', load: ok(30, 341), serve: ok(5.6, 306),
  latencies: { 'person .ttl': 61.4 }, disk: { corpus: 50 * 1024 ** 2, build: 1100 * 1024 ** 2, store: 850 * 1024 ** 2 },
};

describe('the scale report', () => {
  it('scales the disk of the largest smaller size measured with its disk', () => {
    const one: SizeResult = { ...ten, scale: 1, disk: { corpus: 5, build: 110, store: 0 } };
    expect(diskNeeded(1000, [one, ten])).toEqual({ bytes: 2000 * 1024 ** 2 * 100, from: 10 });
    expect(diskNeeded(5, [one, ten])).toEqual({ bytes: 115 * 5, from: 1 });
    expect(diskNeeded(1000, [{ ...ten, disk: undefined }])).toBeUndefined();
  });

  it('scales the build time of the largest smaller size built, linearly', () => {
    const failed: SizeResult = { ...ten, scale: 100, build: { ok: false, seconds: 3000, reason: 'over the time budget' } };
    expect(buildSecondsAtLeast(1000, [ten, failed])).toEqual({ seconds: 12_100, from: 10 });
    expect(buildSecondsAtLeast(10, [ten])).toBeUndefined();
  });

  it('says why a size was not started, and leaves its other cells empty', () => {
    const notStarted: SizeResult = { scale: 1000, generate: { ok: false, notStarted: true, seconds: 0, reason: 'needs about 195 GB of disk (…), 77 GB free' } };
    const table = resultsTable([ten, notStarted], ['person .ttl']);
    const [header, , first, second] = table.trim().split('\n').map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(first[header.indexOf('build on disk')]).toBe('1,100 MB');
    expect(first[header.indexOf('store on disk')]).toBe('850 MB');
    expect(first[header.indexOf('person .ttl (ms)')]).toBe('61');
    expect(second[0]).toBe('1000×');
    expect(second[header.indexOf('generate')]).toBe('**not started**: needs about 195 GB of disk (…), 77 GB free');
    expect(second.filter((cell) => cell !== '').length).toBe(2);
    expect(plotPoints([ten, notStarted], ['person .ttl']).every((p) => p.scale === 10)).toBe(true);
  });
});
