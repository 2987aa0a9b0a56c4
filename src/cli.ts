#!/usr/bin/env -S npx tsx
/**
 * The command line: build, validate, query, statistics, mention suggestions, coverage, and the server.
 * Side effects (reading arguments, printing, exit codes) live here; the work is done by the stages.
 */
import { parseArgs } from 'node:util';
import { AnnotationErrors } from './annotation/SourcePosition.ts';
import { buildDataset, ShapeViolations } from './dataset/DatasetBuilder.ts';

const usage = `Usage: npm run cli -- <command> [options]   (or: npx tsx src/cli.ts <command>)

Commands:
  build                 extract, validate against SHACL and publish the dataset into dist/
  validate              check the annotated texts, the registry and the shapes; write nothing
  stats                 print the statistics of the corpus (entities per class, statements per relation, per text)
  query FILE.rq         run a SPARQL query file against the built dataset and print a table
  import-seed SEED [A-B]  print a seed (lines A to B) as an annotated-text body, hyphenation mended
  suggest FILE.ann      propose mentions of registered entities in an annotated text
  coverage [FILE.ann…]  per-text coverage, and capitalised names with no mention over them
  serve                 build if out of date, then serve the dataset over HTTP

Options:
  --base IRI            base IRI of the entities (default: $BASE_IRI or http://localhost:3000/)
  --json                machine-readable output (stats, query, coverage)
  -h, --help            this text
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      port: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) { process.stdout.write(usage); return command || values.help ? 0 : 2; }
  const base = values.base ?? process.env.BASE_IRI ?? 'http://localhost:3000/';
  const log = (message: string) => process.stderr.write(`${message}\n`);

  switch (command) {
    case 'build':
    case 'validate': {
      const started = performance.now();
      const result = await buildDataset({ base, dryRun: command === 'validate', report: log });
      for (const warning of result.warnings) log(`warning: ${warning}`);
      const s = result.manifest.statistics;
      log(`${s.texts} texts, ${s.entities} entities, ${s.mentions} mentions, ${s.statements} statements, ${s.quads} quads (${s.triples} distinct triples)`);
      log(`phases (ms): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(', ')}; total ${Math.round(performance.now() - started)} ms`);
      log(command === 'build' ? `published ${result.dir}` : 'valid: nothing written');
      return 0;
    }
    case 'stats': {
      const result = await buildDataset({ base, dryRun: true });
      const s = result.manifest.statistics;
      if (values.json) { process.stdout.write(JSON.stringify(s, null, 2) + '\n'); return 0; }
      const { printStatistics } = await import('./dataset/StatisticsReport.ts');
      process.stdout.write(printStatistics(s));
      return 0;
    }
    case 'import-seed': {
      const [seedFile, range] = rest;
      if (!seedFile) { log('usage: import-seed SEED.txt [FIRST-LAST] > data/texts/NAME.ann'); return 2; }
      const { readFileSync } = await import('node:fs');
      const { bodyFromSeed } = await import('./annotation/SeedImport.ts');
      const lines = range?.split('-').map(Number) as [number, number] | undefined;
      process.stdout.write(bodyFromSeed(readFileSync(seedFile, 'utf8'), lines));
      return 0;
    }
    default:
      log(`unknown command '${command}'\n`);
      process.stdout.write(usage);
      return 2;
  }
  void rest;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof AnnotationErrors || error instanceof ShapeViolations) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
