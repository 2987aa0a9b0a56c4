/**
 * The command line run as a user runs it: the TEI commands on a fixture corpus, and the export command
 * where it needs no build (asking for an export that does not exist).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetExports } from '../src/dataset/Exports.ts';
import { makeFixtureCorpus } from './support/fixtureCorpus.ts';
import { positionIn } from './support/teiFixture.ts';

const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
const cliPath = new URL('../src/cli.ts', import.meta.url).pathname;
const corpus = makeFixtureCorpus();
const cli = (...args: string[]) => spawnSync(tsx, [cliPath, ...args], {
  encoding: 'utf8', env: { ...process.env, DATA_DIR: corpus.dataDir, SEEDS_DIR: corpus.seedsDir, BASE_IRI: 'https://example.org/kg/' },
});

describe('tei-export and tei-import', () => {
  const out = join(corpus.root, 'tei');

  it('exports each text into --out, leaving no temporary file, and imports it back', () => {
    const exported = cli('tei-export', '--out', out);
    expect(exported.status).toBe(0);
    expect(readdirSync(out)).toEqual(['fixture-letter.tei.xml']);
    expect(readFileSync(join(out, 'fixture-letter.tei.xml'), 'utf8')).toContain('<persName ref="https://example.org/kg/id/person/v-smirnov">В. Смирнов</persName>');

    const imported = cli('tei-import', join(out, 'fixture-letter.tei.xml'));
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("text 'fixture-letter', 2 mentions, 2 statements");
    expect(imported.stdout).toContain('@s1 v-smirnov memberOf democratic-centralists');
  });

  it('refuses an unknown text id, and reports bad TEI at its file, line and column', () => {
    const unknown = cli('tei-export', '--out', out, 'no-such-text');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no text with the id no-such-text');

    const file = join(corpus.root, 'broken.tei.xml');
    cli('tei-export', '--out', corpus.root);
    const broken = readFileSync(join(corpus.root, 'fixture-letter.tei.xml'), 'utf8').replace('name="criticised"', 'name="hated"');
    writeFileSync(file, broken);
    const imported = cli('tei-import', file);
    expect(imported.status).toBe(1);
    const { line, column } = positionIn(broken, 'name="hated"', 6);
    expect(imported.stderr).toContain(`${file}:${line}:${column}: unknown relation 'hated'`);
  });
});

describe('export', () => {
  it('refuses an unknown format with exit code 2, naming the formats there are', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'export', 'xlsx'], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`unknown export 'xlsx'; the exports are ${datasetExports.map((e) => e.name).join(', ')}`);
    expect(run.stdout).toBe('');
  });
});
