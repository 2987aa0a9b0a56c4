/** Debian's jing, the RELAX NG validator, run on files against the TEI subset's schema. */
import { spawnSync } from 'node:child_process';

export const teiSchema = new URL('../../tei/rcp-tei.rng', import.meta.url).pathname;

export function jing(...files: string[]): { status: number | null; output: string } {
  const run = spawnSync('jing', [teiSchema, ...files], { encoding: 'utf8' });
  if (run.error) throw new Error(`jing is needed for this test (apt-get install jing): ${run.error.message}`);
  return { status: run.status, output: run.stdout + run.stderr };
}
