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
  export FORMAT         write an export of the current build (building first if out of date) to --out FILE
                        or standard output; FORMAT is annotations, graphml, gexf, entities-csv or statements-csv
  import-seed SEED [A-B]  print a seed (lines A to B) as an annotated-text body, hyphenation mended
  suggest FILE.ann      propose mentions of registered entities in an annotated text
  coverage [FILE.ann…]  per-text coverage, and capitalised names with no mention over them
  tei-export [ID…]      write each annotated text (or the given ones) as TEI P5 into --out (default dist/tei/)
  tei-import FILE…      read TEI P5 texts, check them against the registry and ontology, print what they state
  serve                 build if out of date, then serve the dataset over HTTP
  load-store            build if out of date, then load it into the external store ($SPARQL_STORE, through
                        $SPARQL_GRAPH_STORE with $SPARQL_STORE_USER, $SPARQL_STORE_PASSWORD); --force reloads;
                        --chunk-triples N sends a graph N triples per request (default 100000)
  export-static --out DIR  write every data URL and page of the current build as files for a static host
  generate --scale N --out DIR  write a synthetic corpus N times the real one (texts/, registry/, seeds/)

Options:
  --base IRI            base IRI of the entities (default: $BASE_IRI or http://localhost:3000/)
  --port N              (serve) port to listen on (default: $PORT or 3000)
  --out FILE|DIR        (export) the file to write; (tei-export, generate, export-static) the folder; each written
                        whole, then renamed into place
  --apply               (suggest) write the unambiguous proposals into the file as [[…|id]]
  --update-readme       (stats, suggest) also write the table into README.md
  --json                machine-readable output (stats, query, coverage, tei-import)
  --scale N, --seed N   (generate) size relative to the real corpus (default 1), PRNG seed (default 1)
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
      out: { type: 'string' },
      apply: { type: 'boolean', default: false },
      'update-readme': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      'chunk-triples': { type: 'string' },
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
      const report = printStatistics(s);
      process.stdout.write(report);
      if (values['update-readme']) await updateReadme('stats', report);
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
    case 'serve': {
      const { readConfiguration } = await import('./http/Configuration.ts');
      const { startServer } = await import('./http/Server.ts');
      const configuration = readConfiguration(process.env, { PORT: values.port, BASE_IRI: values.base });
      const running = await startServer(configuration);
      const stop = (signal: string) => {
        running.log.info(`${signal}: finishing the requests in flight, then stopping`);
        running.close().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      process.on('SIGHUP', () => { running.reload().catch((error: unknown) => running.log.error({ err: error }, 'reload failed; still serving the previous build')); });
      return new Promise<number>(() => {});
    }
    case 'load-store': {
      const { readConfiguration } = await import('./http/Configuration.ts');
      const { ensureBuilt } = await import('./dataset/Freshness.ts');
      const { SparqlStoreClient } = await import('./store/SparqlStoreClient.ts');
      const { ensureLoaded, loadIntoStore } = await import('./store/GraphStoreLoader.ts');
      const store = readConfiguration(process.env, { BASE_IRI: values.base }).externalStore;
      if (!store?.graphStore) { log('load-store needs SPARQL_STORE and SPARQL_GRAPH_STORE (see README, "An external SPARQL store")'); return 2; }
      const dir = await ensureBuilt(base, log);
      const client = new SparqlStoreClient(store.endpoint, 120_000);
      const chunkTriples = values['chunk-triples'] === undefined ? undefined : Number(values['chunk-triples']);
      const settings = { url: store.graphStore, user: store.user, password: store.password, ...(chunkTriples !== undefined && { chunkTriples }) };
      const loaded = values.force ? (await loadIntoStore(dir, client, settings, log), true) : await ensureLoaded(dir, client, settings, log);
      if (!loaded) log(`the store already holds this build; nothing loaded (--force reloads it)`);
      return 0;
    }
    case 'query': {
      const [file] = rest;
      if (!file) { log('usage: query FILE.rq'); return 2; }
      const { readFileSync } = await import('node:fs');
      const { ensureBuilt } = await import('./dataset/Freshness.ts');
      const { loadDataset } = await import('./store/DatasetStore.ts');
      const { SparqlEngine } = await import('./store/SparqlEngine.ts');
      const { formatTable } = await import('./store/ResultTable.ts');
      const { ourPrefixes } = await import('./dataset/RdfFormats.ts');
      const dir = await ensureBuilt(base, log);
      const { store, manifest } = await loadDataset(dir);
      const rows = await new SparqlEngine(store).bindings(readFileSync(file, 'utf8'));
      if (values.json) process.stdout.write(JSON.stringify(rows.map((r) => Object.fromEntries([...r].map(([k, v]) => [k.value, v.value]))), null, 2) + '\n');
      else process.stdout.write(formatTable(rows, ourPrefixes(manifest.ontologyNamespace, manifest.base)));
      return 0;
    }
    case 'export': {
      const { datasetExports } = await import('./dataset/Exports.ts');
      const names = datasetExports.map((e) => e.name).join(', ');
      const exported = datasetExports.find((e) => e.name === rest[0]);
      if (!exported) { log(rest[0] ? `unknown export '${rest[0]}'; the exports are ${names}` : `usage: export FORMAT [--out FILE]; FORMAT is one of ${names}`); return 2; }
      const { readFileSync, writeFileSync, renameSync, rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { ensureBuilt } = await import('./dataset/Freshness.ts');
      const content = readFileSync(join(await ensureBuilt(base, log), exported.file));
      if (!values.out) { process.stdout.write(content); return 0; }
      const temporary = `${values.out}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, content);
        renameSync(temporary, values.out);
      } catch (error) {
        rmSync(temporary, { force: true });
        log(`cannot write ${values.out}: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      }
      log(`wrote ${exported.title} to ${values.out} (${content.length} bytes)`);
      return 0;
    }
    case 'suggest': return suggest(rest, base, values.json ?? false, values.apply ?? false, values['update-readme'] ?? false);
    case 'coverage': return coverage(rest, base, values.json ?? false);
    case 'tei-export': return teiExport(rest, base, values.out, log);
    case 'tei-import': return teiImport(rest, base, values.json ?? false, log);
    case 'export-static': {
      if (!values.out) { log('usage: export-static --out DIR'); return 2; }
      const { exportStaticSite } = await import('./http/StaticExport.ts');
      const result = await exportStaticSite({ out: values.out, report: log });
      log(`exported ${result.files} URLs (${result.bytes} bytes) into ${result.dir}; serve it with the content negotiation in docs/static-export/nginx.conf`);
      return 0;
    }
    case 'generate': return generate(Number(values.scale), Number(values.seed), values.out, base, log);
    default:
      log(`unknown command '${command}'\n`);
      process.stdout.write(usage);
      return 2;
  }
}

/** Reads the registry and the texts; bad data is reported but does not stop these editor's tools. */
async function editorsCorpus(base: string) {
  const { readCorpus, defaultLocation } = await import('./dataset/Corpus.ts');
  const { readRegistry } = await import('./annotation/Registry.ts');
  const { parseAnnotatedText } = await import('./annotation/AnnotatedTextParser.ts');
  const { readFileSync, readdirSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const reading = readCorpus(defaultLocation, base);
  const registryDir = join(defaultLocation.dataDir, 'registry');
  const { registry } = readRegistry(readdirSync(registryDir).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => ({ file: f, content: readFileSync(join(registryDir, f), 'utf8') })));
  const parse = (file: string) => parseAnnotatedText(file, readFileSync(file, 'utf8'));
  const exclusionsFile = join(defaultLocation.dataDir, 'coverage-exclusions.yaml');
  const { parse: parseYaml } = await import('yaml');
  const exclusions = new Set<string>(existsSync(exclusionsFile) ? Object.keys(parseYaml(readFileSync(exclusionsFile, 'utf8')) ?? {}) : []);
  const textsDir = join(defaultLocation.dataDir, 'texts');
  const allTexts = readdirSync(textsDir).filter((f) => f.endsWith('.ann')).sort().map((f) => join(textsDir, f));
  return { reading, registry, parse, exclusions, allTexts };
}

/** Puts a command's Markdown output between the README's `<!-- name:start -->` and `<!-- name:end -->` markers. */
async function updateReadme(name: string, markdown: string): Promise<void> {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const readme = new URL('../README.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!text.includes(start) || !text.includes(end)) throw new Error(`README.md has no ${start} … ${end} section`);
  writeFileSync(readme, text.slice(0, text.indexOf(start) + start.length) + '\n' + markdown.trim() + '\n' + text.slice(text.indexOf(end)));
}

async function suggest(files: string[], base: string, json: boolean, apply: boolean, readme = false): Promise<number> {
  const { namePatterns, applySuggestions, findNameOccurrences, measureSuggestions } = await import('./annotation/MentionSuggester.ts');
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { registry, parse, allTexts } = await editorsCorpus(base);
  const patterns = namePatterns(registry);
  if (!files.length) {
    // No file: measure the suggester against every text's hand-marked mentions.
    const rows = [];
    for (const file of allTexts) {
      const { text } = parse(file);
      if (text && text.mentions.length) rows.push({ text: text.metadata.id, ...measureSuggestions(text, patterns) });
    }
    const total = rows.reduce((t, r) => ({ proposed: t.proposed + r.proposed, marked: t.marked + r.marked, correct: t.correct + r.correct }), { proposed: 0, marked: 0, correct: 0 });
    if (json) process.stdout.write(JSON.stringify({ rows, total }, null, 2) + '\n');
    else {
      let table = '| text | proposed | marked by hand | correct | precision | recall |\n| --- | --- | --- | --- | --- | --- |\n';
      for (const r of [...rows, { text: '**all**', ...total, precision: total.correct / (total.proposed || 1), recall: total.correct / (total.marked || 1) }]) {
        table += `| ${r.text} | ${r.proposed} | ${r.marked} | ${r.correct} | ${r.precision.toFixed(2)} | ${r.recall.toFixed(2)} |\n`;
      }
      process.stdout.write(table);
      if (readme) await updateReadme('suggest', table);
    }
    return 0;
  }
  for (const file of files) {
    const content = readFileSync(file, 'utf8');
    if (apply) {
      const { content: updated, added } = applySuggestions(content, patterns);
      writeFileSync(file, updated);
      process.stderr.write(`${file}: ${added.length} mentions added\n`);
      continue;
    }
    content.split('\n').forEach((line, n) => {
      if (line.startsWith('@') || line.startsWith('%%')) return;
      for (const o of findNameOccurrences(line, patterns)) {
        const column = Array.from(line.slice(0, o.start)).length + 1;
        process.stdout.write(json ? JSON.stringify({ file, line: n + 1, column, ...o }) + '\n'
          : `${file}:${n + 1}:${column}: [[${o.surface}|${o.entityIds.join(' or ')}]]${o.entityIds.length > 1 ? '  (ambiguous)' : ''}\n`);
      }
    });
  }
  return 0;
}

async function coverage(files: string[], base: string, json: boolean): Promise<number> {
  const { namePatterns } = await import('./annotation/MentionSuggester.ts');
  const { unannotatedCandidates } = await import('./annotation/Coverage.ts');
  const { textPosition } = await import('./annotation/SeedFidelity.ts');
  const { registry, parse, exclusions, allTexts } = await editorsCorpus(base);
  const patterns = namePatterns(registry);
  let total = 0;
  const report = [];
  for (const file of files.length ? files : allTexts) {
    const { text, errors } = parse(file);
    if (!text) { process.stderr.write(`${file}: ${errors.length} syntax errors; run validate\n`); continue; }
    const candidates = unannotatedCandidates(text, patterns, exclusions);
    total += candidates.length;
    report.push({ text: text.metadata.id, file, mentions: text.mentions.length, statements: text.statements.length,
      unannotated: candidates.map((c) => ({ ...c, at: textPosition(text, c.firstOffset) })) });
  }
  if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else for (const r of report) {
    process.stdout.write(`${r.file}: ${r.mentions} mentions, ${r.statements} statements, ${r.unannotated.length} unannotated candidates\n`);
    for (const c of r.unannotated) process.stdout.write(`  ${c.at.line}:${c.at.column} ${c.word} ×${c.count}${c.knownAs.length ? ` (registered: ${c.knownAs.join(', ')})` : ''}\n`);
  }
  process.stdout.write(`${total} unannotated candidates in all\n`);
  return 0;
}

/** Writes TEI P5 files, each atomically (a temporary file renamed into place), so none is ever half-written. */
async function teiExport(ids: string[], base: string, out: string | undefined, log: (message: string) => void): Promise<number> {
  const { mkdirSync, renameSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { readCorpus, defaultLocation } = await import('./dataset/Corpus.ts');
  const { writeTei } = await import('./annotation/TeiWriter.ts');
  const reading = readCorpus(defaultLocation, base);
  if (!reading.corpus) throw new AnnotationErrors(reading.errors);
  const { texts, registry, ontology } = reading.corpus;
  const unknown = ids.filter((id) => !texts.some((t) => t.metadata.id === id));
  if (unknown.length) { log(`no text with the id ${unknown.join(', ')}; the texts are ${texts.map((t) => t.metadata.id).join(', ')}`); return 2; }
  const dir = out ?? new URL('../dist/tei/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  for (const text of texts.filter((t) => !ids.length || ids.includes(t.metadata.id))) {
    const file = join(dir, `${text.metadata.id}.tei.xml`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, writeTei(text, registry, ontology.iris));
    renameSync(temporary, file);
    log(`wrote ${file}`);
  }
  return 0;
}

/** Reads TEI texts as the build would (syntax, registry, ontology), and prints what each states. */
async function teiImport(files: string[], base: string, json: boolean, log: (message: string) => void): Promise<number> {
  if (!files.length) { log('usage: tei-import FILE.tei.xml…'); return 2; }
  const { readFileSync } = await import('node:fs');
  const { readCorpus, defaultLocation } = await import('./dataset/Corpus.ts');
  const { parseTeiText } = await import('./annotation/TeiReader.ts');
  const { checkAnnotations } = await import('./annotation/AnnotationChecker.ts');
  const reading = readCorpus(defaultLocation, base);
  if (!reading.corpus) throw new AnnotationErrors(reading.errors);
  const { registry, ontology } = reading.corpus;
  const errors = [];
  for (const file of files) {
    const parsed = parseTeiText(file, readFileSync(file, 'utf8'), { registry, relations: ontology.relations });
    const problems = [...parsed.errors, ...(parsed.text ? checkAnnotations([parsed.text], registry, ontology.relations) : [])];
    errors.push(...problems);
    if (!parsed.text || problems.length) continue;
    const { metadata, mentions, statements } = parsed.text;
    if (json) process.stdout.write(JSON.stringify({ file, id: metadata.id, mentions: mentions.length, statements: statements.map(({ at: _at, ...statement }) => statement) }) + '\n');
    else {
      process.stdout.write(`${file}: text '${metadata.id}', ${mentions.length} mentions, ${statements.length} statements\n`);
      for (const s of statements) process.stdout.write(`  @${s.spanId} ${s.subject} ${s.relation} ${s.object}\n`);
    }
  }
  if (errors.length) throw new AnnotationErrors(errors);
  return 0;
}

/** Writes a synthetic corpus shaped like the real one (measured now) into a temporary folder, then renames it into place. */
async function generate(scale: number, seed: number, out: string | undefined, base: string, log: (message: string) => void): Promise<number> {
  if (!out || !(scale > 0) || !Number.isInteger(seed)) { log('usage: generate --scale N --out DIR [--seed N]   (N > 0; the seed an integer)'); return 2; }
  const { mkdirSync, writeFileSync, renameSync, rmSync, existsSync } = await import('node:fs');
  const { join, dirname, resolve } = await import('node:path');
  const { readCorpus } = await import('./dataset/Corpus.ts');
  const { measureCorpusProfile, syntheticCorpusFiles } = await import('./annotation/SyntheticCorpus.ts');
  const repoRoot = new URL('../', import.meta.url).pathname;
  const reading = readCorpus({ dataDir: join(repoRoot, 'data') }, base);
  if (!reading.corpus) throw new AnnotationErrors(reading.errors);
  const profile = measureCorpusProfile(reading.corpus.texts, reading.corpus.registry.entities.values());
  const target = resolve(out);
  const temporary = `${target}.partial-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  let files = 0;
  try {
    for (const file of syntheticCorpusFiles({ profile, relations: reading.corpus.ontology.relations, scale, seed })) {
      const path = join(temporary, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      if (++files % 2000 === 0) log(`${files} files written`);
    }
    const previous = `${target}.previous-${process.pid}`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(temporary, target);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  log(`wrote a synthetic corpus at ${scale}× the real one (${files} files) into ${target}: build it with DATA_DIR=${target} SEEDS_DIR=${join(target, 'seeds')}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof AnnotationErrors || error instanceof ShapeViolations) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
