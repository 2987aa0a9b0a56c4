/**
 * The build: annotated texts → checked corpus → quads → SHACL validation → files, published
 * atomically. This is the one entry point of the dataset stage; the CLI and the server call it.
 *
 * It streams: the registry and the ontology (the frame) are read first, then each text in turn is read,
 * checked, extracted, validated and appended to the dumps, so memory grows with the registry and the
 * exports' tables, not with the quads. Validation by parts is validation of the whole: each text's graph
 * is validated together with the registry's description of every entity it names and the ontology's
 * class hierarchy (which sh:class follows), and a text's graph only adds relations to an entity, which no
 * shape counts across graphs.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Writer } from 'n3';
import { JsonLdSerializer } from 'jsonld-streaming-serializer';
import type { Quad } from '@rdfjs/types';
import type { AnnotatedText } from '../annotation/AnnotatedText.ts';
import { TextIds } from '../annotation/AnnotationChecker.ts';
import { AnnotationErrors, byPosition, type AnnotationError } from '../annotation/SourcePosition.ts';
import { writeTei } from '../annotation/TeiWriter.ts';
import { extractFrame, extractText } from '../extraction/Extractor.ts';
import { canonicalQuads, jsonLdContext, ourPrefixes, toJsonLd, toRdfXml, unionOf, writeRdf, type JsonLdDocument } from './RdfFormats.ts';
import { datasetExports, exportFrame, ExportsWriter, type ExportFrame } from './Exports.ts';
import { readCorpusFrame, readTextFile, inputsDigest, type CorpusFrame, type CorpusLocation, defaultLocation } from './Corpus.ts';
import { DumpStream, drained, finished } from './DumpStream.ts';
import { readGraphContents } from './GraphContents.ts';
import { EntityIndexTally, entityIndexFile } from './EntityIndex.ts';
import { startPublication, defaultDistDir, type Publication } from './Publication.ts';
import { ShapeValidator, type ShapeViolation } from './ShaclValidation.ts';
import { StatisticsTally, type CorpusStatistics } from './Statistics.ts';
import { UnionOfGraphs } from './UnionOfGraphs.ts';
import { rdfs } from '../ontology/Vocabulary.ts';

export interface BuildOptions {
  readonly base: string;
  readonly location?: CorpusLocation;
  readonly distDir?: string;
  /** Check only: read, extract and validate, but write nothing. */
  readonly dryRun?: boolean;
  readonly report?: (message: string) => void;
}

export interface DumpFile { readonly name: string; readonly mediaType: string; readonly bytes: number; readonly sha256: string }

export interface BuildManifest {
  readonly base: string;
  readonly ontologyNamespace: string;
  /** A digest of the inputs: the dataset's version, and how a later run knows it is up to date. */
  readonly inputsDigest: string;
  readonly version: string;
  readonly statistics: CorpusStatistics;
  readonly files: readonly DumpFile[];
  readonly texts: readonly { readonly id: string; readonly file: string }[];
}

export interface BuildResult {
  readonly manifest: BuildManifest;
  readonly dir?: string;
  readonly warnings: readonly string[];
  readonly timings: Readonly<Record<string, number>>;
}

export class ShapeViolations extends Error {
  constructor(readonly violations: readonly ShapeViolation[]) {
    super(`${violations.length} SHACL violation${violations.length === 1 ? '' : 's'}:\n` + violations.slice(0, 50).map((v) => `${v.focusNode}${v.path ? ` ${v.path}` : ''}: ${v.message}`).join('\n'));
    this.name = 'ShapeViolations';
  }
}

export const dumpMediaTypes = {
  'dataset.nq': 'application/n-quads',
  'dataset.trig': 'application/trig',
  'dataset.ttl': 'text/turtle',
  'dataset.jsonld': 'application/ld+json',
  'ontology.ttl': 'text/turtle',
  'ontology.rdf': 'application/rdf+xml',
  'ontology.jsonld': 'application/ld+json',
  'context.jsonld': 'application/ld+json',
} as const;

export async function buildDataset(options: BuildOptions): Promise<BuildResult> {
  const report = options.report ?? (() => {});
  const location = options.location ?? defaultLocation;
  const clock = new PhaseClock();

  const reading = clock.time('parse', () => readCorpusFrame(location, options.base));
  const { frame, warnings } = reading;
  const errors: AnnotationError[] = [...reading.errors];
  const { iris } = frame.ontology;
  const ontologyNamespace = iris.ontologyNamespace;
  report(`read ${frame.textFiles.length} texts and ${frame.registry.entities.size} entities`);
  const digest = inputsDigest(location, options.base);
  const version = digest.slice(0, 12);

  const publication = options.dryRun ? undefined : startPublication(options.distDir ?? defaultDistDir);
  const dumps = publication && new Dumps(publication, ourPrefixes(ontologyNamespace, options.base), jsonLdContext(ontologyNamespace, options.base, frame.ontology.relations.keys()));
  try {
    const validator = new ShapeValidator(options.base);
    const union = new UnionOfGraphs();
    const tally = new StatisticsTally(frame.registry);
    const entityIndex = new EntityIndexTally(ontologyNamespace);
    let exports: ExportsWriter | undefined;
    const violations: ShapeViolation[] = [];
    let quadCount = 0;
    const addGraphs = async (quads: readonly Quad[], ownSubject?: string) => {
      quadCount += quads.length;
      const admitted = union.admit(quads, ownSubject);
      if (dumps) await clock.timeAsync('serialise', () => dumps.add(quads, admitted));
      const contents = clock.time('export', () => readGraphContents(quads, ontologyNamespace));
      entityIndex.count(contents);
      // The frame's graphs hold every entity: the exports are written against them.
      if (dumps) exports ??= dumps.startExports(exportFrame(contents.entities, options.base, version));
      clock.time('export', () => exports?.add(contents));
    };

    let registryBySubject = new Map<string, Quad[]>();
    // sh:class follows rdfs:subClassOf in the data: each part gets the ontology's class hierarchy.
    let classHierarchy: Quad[] = [];
    if (!errors.length) {
      const quads = clock.time('extract', () => canonicalQuads(extractFrame(frame)));
      violations.push(...await clock.timeAsync('validate', () => validator.validate(quads)));
      registryBySubject = bySubject(quads.filter((q) => !q.graph.equals(iris.ontologyGraph())));
      classHierarchy = quads.filter((q) => q.predicate.equals(rdfs('subClassOf')));
      entityIndex.addEntities(quads);
      await addGraphs(quads);
    }

    const textIds = new TextIds();
    const texts: { id: string; file: string }[] = [];
    for (const [n, path] of frame.textFiles.entries()) {
      const { text, errors: textErrors } = clock.time('parse', () => readTextFile(path, frame));
      errors.push(...textErrors);
      if (!text) continue;
      errors.push(...textIds.check(text));
      texts.push({ id: text.metadata.id, file: text.file });
      tally.addText(text);
      // Once anything is wrong the build will not be published: the rest is only read, for its errors.
      if (errors.length) continue;
      const quads = clock.time('extract', () => canonicalQuads(extractText(text, frame)));
      const partition = [...quads, ...entitiesNamed(quads, registryBySubject), ...classHierarchy];
      violations.push(...await clock.timeAsync('validate', () => validator.validate(partition)));
      await addGraphs(quads, iris.text(text.metadata.id).value);
      if (dumps) clock.time('serialise', () => dumps.addText(text, frame));
      if ((n + 1) % 1000 === 0) report(`built ${n + 1} of ${frame.textFiles.length} texts`);
    }
    if (errors.length) throw new AnnotationErrors(errors.sort(byPosition));
    report(`extracted ${quadCount} quads`);
    if (violations.length) throw new ShapeViolations(violations);
    report('SHACL validation: the dataset conforms');

    const statistics = tally.statistics({ quads: quadCount, triples: union.triples });
    const manifest = (files: DumpFile[]): BuildManifest => ({
      base: options.base, ontologyNamespace, inputsDigest: digest, version, statistics, files, texts,
    });
    if (!dumps || !publication) return { manifest: manifest([]), warnings, timings: clock.timings };

    await clock.timeAsync('export', () => dumps.finishExports());
    await clock.timeAsync('export', () => dumps.putFile(entityIndexFile, entityIndex.lines()));
    await clock.timeAsync('serialise', () => dumps.addOntology(frame));
    const files = await clock.timeAsync('publish', () => dumps.finish());
    const dir = clock.time('publish', () => {
      publication.write('manifest.json', JSON.stringify(manifest(files), null, 2) + '\n');
      return publication.commit();
    });
    return { manifest: manifest(files), dir, warnings, timings: clock.timings };
  } catch (error) {
    dumps?.destroy();
    publication?.abandon();
    throw error;
  }
}

/** The time spent in each phase, summed over the texts. */
class PhaseClock {
  readonly timings: Record<string, number> = {};
  time<T>(phase: string, work: () => T): T {
    const started = performance.now();
    try { return work(); } finally { this.#add(phase, started); }
  }
  async timeAsync<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try { return await work(); } finally { this.#add(phase, started); }
  }
  #add(phase: string, started: number) { this.timings[phase] = Math.round((this.timings[phase] ?? 0) + performance.now() - started); }
}

function bySubject(quads: readonly Quad[]): Map<string, Quad[]> {
  const index = new Map<string, Quad[]>();
  for (const q of quads) {
    const list = index.get(q.subject.value);
    if (list) list.push(q); else index.set(q.subject.value, [q]);
  }
  return index;
}

/** The registry's quads about every entity a text's quads name. */
function entitiesNamed(quads: readonly Quad[], registryBySubject: ReadonlyMap<string, readonly Quad[]>): Quad[] {
  const named = new Set<string>();
  for (const q of quads) for (const term of [q.subject, q.object]) if (term.termType === 'NamedNode' && registryBySubject.has(term.value)) named.add(term.value);
  return [...named].flatMap((iri) => registryBySubject.get(iri)!);
}

/** The files of a build being written: the four dumps as streams, the rest whole. */
class Dumps {
  readonly #files = new Map<string, DumpStream>();
  readonly #whole = new Map<string, Buffer>();
  readonly #nquads: Writer;
  readonly #trig: Writer;
  readonly #turtle: Writer;
  readonly #jsonLd: JsonLdSerializer;
  #exports?: ExportsWriter;

  constructor(readonly publication: Publication, readonly prefixes: Record<string, string>, readonly context: JsonLdDocument) {
    const file = (name: string) => { const dump = new DumpStream(publication.pathOf(name)); this.#files.set(name, dump); return dump; };
    this.#nquads = new Writer(file('dataset.nq'), { format: 'N-Quads' });
    this.#trig = new Writer(file('dataset.trig'), { format: 'TriG', prefixes });
    this.#turtle = new Writer(file('dataset.ttl'), { format: 'Turtle', prefixes });
    this.#jsonLd = new JsonLdSerializer({ context: context['@context'] as ConstructorParameters<typeof JsonLdSerializer>[0] extends infer O ? O extends { context?: infer C } ? C : never : never });
    this.#jsonLd.pipe(file('dataset.jsonld'));
  }

  /** Appends graphs to the dumps: every quad to the quad formats, the triples new to the union to Turtle. */
  async add(quads: readonly Quad[], newToUnion: readonly Quad[]): Promise<void> {
    this.#nquads.addQuads(quads as Quad[]);
    this.#trig.addQuads(quads as Quad[]);
    for (const q of newToUnion) this.#turtle.addQuad(q.subject, q.predicate, q.object);
    let full = false;
    for (const q of quads) full = !this.#jsonLd.write(q) || full;
    if (full) await new Promise((resolve) => this.#jsonLd.once('drain', resolve));
    await Promise.all([...this.#files.values()].map(drained));
  }

  /** A text's plain text and its TEI. */
  addText(text: AnnotatedText, frame: CorpusFrame): void {
    this.publication.write(`texts/${text.metadata.id}.txt`, text.text);
    this.publication.write(`texts/${text.metadata.id}.tei.xml`, writeTei(text, frame.registry, frame.ontology.iris));
  }

  put(name: string, content: string): void { this.#whole.set(name, Buffer.from(content, 'utf8')); }

  /** A file written as it is made (the entity index): a large corpus's may be too long for one string. */
  async putFile(name: string, pieces: Iterable<string>): Promise<void> {
    const file = this.#plainFile(name);
    for (const piece of pieces) if (!file.write(piece)) await drained(file);
    file.end();
  }

  /** The exports, written a graph at a time against the frame's entities. */
  startExports(frame: ExportFrame): ExportsWriter {
    this.#exports = new ExportsWriter(frame, (file) => this.publication.pathOf(`.parts/${file}`));
    return this.#exports;
  }

  async finishExports(): Promise<void> {
    await this.#exports?.finish((file) => this.#plainFile(file));
    rmSync(this.publication.pathOf('.parts'), { recursive: true, force: true });
  }

  #plainFile(name: string): DumpStream {
    const file = new DumpStream(this.publication.pathOf(name), false);
    this.#files.set(name, file);
    return file;
  }

  /** The ontology on its own, in three formats, and our JSON-LD context. */
  async addOntology(frame: CorpusFrame): Promise<void> {
    const triples = unionOf(frame.ontology.quads);
    this.put('ontology.ttl', await writeRdf(triples, 'Turtle', this.prefixes));
    this.put('ontology.rdf', toRdfXml(triples, frame.ontology.iris.base));
    this.put('ontology.jsonld', await toJsonLd(triples, this.context, ' '));
    this.put('context.jsonld', JSON.stringify(this.context, null, 2) + '\n');
  }

  /** Ends the dumps and writes the rest; the manifest's list of published files. */
  async finish(): Promise<DumpFile[]> {
    this.#jsonLd.end();
    await Promise.all([this.#nquads, this.#trig, this.#turtle].map((writer) => new Promise<void>((resolve, reject) => writer.end((error) => (error ? reject(error) : resolve())))));
    await Promise.all([...this.#files.values()].map(finished));
    for (const [name, content] of this.#whole) this.publication.write(name, content);
    const published = [...Object.entries(dumpMediaTypes), ...datasetExports.map((e) => [e.file, e.mediaType] as const)];
    return published.map(([name, mediaType]) => {
      const dump = this.#files.get(name);
      if (dump) return { name, mediaType, bytes: dump.bytes, sha256: dump.sha256 };
      const content = this.#whole.get(name)!;
      return { name, mediaType, bytes: content.byteLength, sha256: createHash('sha256').update(content).digest('hex') };
    });
  }

  destroy(): void {
    this.#exports?.abandon();
    for (const dump of this.#files.values()) dump.destroy();
  }
}
