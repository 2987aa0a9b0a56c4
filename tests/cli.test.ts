/** The command line's export command, where it needs no build: asking for an export that does not exist. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { datasetExports } from '../src/dataset/Exports.ts';

describe('export', () => {
  it('refuses an unknown format with exit code 2, naming the formats there are', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'export', 'xlsx'], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`unknown export 'xlsx'; the exports are ${datasetExports.map((e) => e.name).join(', ')}`);
    expect(run.stdout).toBe('');
  });
});
