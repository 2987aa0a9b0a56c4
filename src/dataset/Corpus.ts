/**
 * Reads the corpus from disk (the edge where files come in): the annotated texts (`*.ann`, or TEI P5
 * as `*.tei.xml`), the registry, the redirects and the seeds, then parses and checks them. Every problem is collected; nothing is thrown
 * for bad data.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AnnotatedText } from '../annotation/AnnotatedText.ts';
import { checkText, TextIds } from '../annotation/AnnotationChecker.ts';
import { parseAnnotatedText } from '../annotation/AnnotatedTextParser.ts';
import { readRegistry, type Registry } from '../annotation/Registry.ts';
import { checkSeedFidelity } from '../annotation/SeedFidelity.ts';
import { AnnotationError, byPosition } from '../annotation/SourcePosition.ts';
import { parseTeiText } from '../annotation/TeiReader.ts';
import { loadOntology, ontologyFile, shapesFile, type Ontology } from '../ontology/Ontology.ts';
import { Iris } from '../ontology/Vocabulary.ts';

export interface CorpusLocation {
  /** The folder with `texts/`, `registry/` and `redirects.yaml`. */
  readonly dataDir: string;
  /** The seeds the texts were copied from; their wording is checked against them when present. */
  readonly seedsDir?: string;
}

export interface Corpus {
  readonly texts: readonly AnnotatedText[];
  readonly registry: Registry;
  readonly ontology: Ontology;
}

export interface CorpusReading {
  readonly corpus?: Corpus;
  readonly errors: readonly AnnotationError[];
  readonly warnings: readonly string[];
}

const repoRoot = new URL('../../', import.meta.url).pathname;
export const defaultLocation: CorpusLocation = {
  dataDir: process.env.DATA_DIR ?? join(repoRoot, 'data'),
  seedsDir: process.env.SEEDS_DIR ?? join(repoRoot, '..', 'shared', 'seeds'),
};

const display = (path: string) => relative(process.cwd(), path) || path;

function filesIn(dir: string, ...extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => extensions.some((e) => f.endsWith(e))).sort().map((f) => join(dir, f));
}

/** The two formats of an annotated text. */
export const textExtensions = ['.ann', '.tei.xml'];

/** What every text is read against: the registry, the ontology, and where the texts and seeds are. */
export interface CorpusFrame {
  readonly registry: Registry;
  readonly ontology: Ontology;
  /** The annotated texts' files, in the order they are built. */
  readonly textFiles: readonly string[];
  readonly seedsDir?: string;
}

/** Reads the registry, the redirects and the ontology, and lists the texts; nothing of the texts is read yet. */
export function readCorpusFrame(location: CorpusLocation, base: string): { frame: CorpusFrame; errors: AnnotationError[]; warnings: string[] } {
  const iris = new Iris(base);
  const ontology = loadOntology(iris);
  const warnings: string[] = [];
  const registryFiles = filesIn(join(location.dataDir, 'registry'), '.yaml').map((f) => ({ file: display(f), content: readFileSync(f, 'utf8') }));
  const redirectsPath = join(location.dataDir, 'redirects.yaml');
  const { registry, errors } = readRegistry(registryFiles, existsSync(redirectsPath) ? { file: display(redirectsPath), content: readFileSync(redirectsPath, 'utf8') } : undefined);
  const textFiles = filesIn(join(location.dataDir, 'texts'), ...textExtensions);
  if (!textFiles.length) warnings.push(`no annotated texts (*.ann, *.tei.xml) in ${display(join(location.dataDir, 'texts'))}`);
  const seedsPresent = location.seedsDir !== undefined && existsSync(location.seedsDir);
  if (!seedsPresent) warnings.push(`the seeds folder ${location.seedsDir ?? '(none)'} is missing: the texts' wording is not checked against it`);
  return { frame: { registry, ontology, textFiles, ...(seedsPresent && { seedsDir: location.seedsDir }) }, errors, warnings };
}

/**
 * Reads and parses one annotated text, checks its wording against its seed and what it says against
 * the registry and the ontology. Whether its id is unique across texts is for the caller ({@link TextIds}).
 */
export function readTextFile(path: string, frame: CorpusFrame): { text?: AnnotatedText; errors: AnnotationError[] } {
  const { registry, ontology, seedsDir } = frame;
  const parsed = path.endsWith('.ann')
    ? parseAnnotatedText(display(path), readFileSync(path, 'utf8'))
    : parseTeiText(display(path), readFileSync(path, 'utf8'), { registry, relations: ontology.relations });
  const errors = [...parsed.errors];
  if (!parsed.text) return { errors };
  if (seedsDir !== undefined) {
    const seedPath = join(seedsDir, parsed.text.metadata.seed);
    if (!existsSync(seedPath)) errors.push(new AnnotationError(parsed.text.metadataAt.seed, `the seed '${parsed.text.metadata.seed}' is not in ${display(seedsDir)}`));
    else {
      const departure = checkSeedFidelity(parsed.text, readFileSync(seedPath, 'utf8'));
      if (departure) errors.push(departure);
    }
  }
  errors.push(...checkText(parsed.text, registry, ontology.relations));
  return { text: parsed.text, errors };
}

/** The whole corpus, in memory: for the commands that look across texts (the build streams them instead). */
export function readCorpus(location: CorpusLocation, base: string): CorpusReading {
  const { frame, errors, warnings } = readCorpusFrame(location, base);
  const texts: AnnotatedText[] = [];
  const textIds = new TextIds();
  for (const path of frame.textFiles) {
    const reading = readTextFile(path, frame);
    errors.push(...reading.errors);
    if (reading.text) { texts.push(reading.text); errors.push(...textIds.check(reading.text)); }
  }
  errors.sort(byPosition);
  return errors.length ? { errors, warnings } : { corpus: { texts, registry: frame.registry, ontology: frame.ontology }, errors, warnings };
}

/** A digest of every input of the build, so a build can tell whether it is out of date. */
export function inputsDigest(location: CorpusLocation, base: string): string {
  const hash = createHash('sha256').update(`base ${base}\n`);
  const files = [
    fileURLToPathString(ontologyFile), fileURLToPathString(shapesFile),
    ...filesIn(join(location.dataDir, 'registry'), '.yaml'), join(location.dataDir, 'redirects.yaml'), join(repoRoot, 'package.json'),
    ...filesIn(join(location.dataDir, 'texts'), ...textExtensions),
    // The code that turns them into RDF is an input too.
    ...['annotation', 'extraction', 'dataset', 'ontology'].flatMap((stage) => filesIn(join(repoRoot, 'src', stage), '.ts')),
  ];
  for (const file of files) if (existsSync(file)) hash.update(`${relative(repoRoot, file)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

function fileURLToPathString(url: URL): string { return url.pathname; }
