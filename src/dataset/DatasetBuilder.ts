/**
 * The build: annotated texts → checked corpus → quads → SHACL validation → files, published
 * atomically. This is the one entry point of the dataset stage; the CLI and the server call it.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Quad } from '@rdfjs/types';
import { AnnotationErrors } from '../annotation/SourcePosition.ts';
import { writeTei } from '../annotation/TeiWriter.ts';
import { extractDataset } from '../extraction/Extractor.ts';
import { canonicalQuads, jsonLdContext, ourPrefixes, toJsonLd, toRdfXml, unionOf, writeRdf } from './RdfFormats.ts';
import { datasetExports, writeExports } from './Exports.ts';
import { readCorpus, inputsDigest, type Corpus, type CorpusLocation, defaultLocation } from './Corpus.ts';
import { startPublication, defaultDistDir } from './Publication.ts';
import { validateAgainstShapes, type ShapeViolation } from './ShaclValidation.ts';
import { corpusStatistics, type CorpusStatistics } from './Statistics.ts';

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
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (phase: string) => { const now = performance.now(); timings[phase] = Math.round(now - clock); clock = now; };

  const reading = readCorpus(location, options.base);
  lap('parse');
  if (!reading.corpus) throw new AnnotationErrors(reading.errors);
  const corpus = reading.corpus;
  report(`read ${corpus.texts.length} texts and ${corpus.registry.entities.size} entities`);

  const quads = canonicalQuads(extractDataset(corpus));
  lap('extract');
  report(`extracted ${quads.length} quads`);

  const violations = await validateAgainstShapes(quads, options.base);
  lap('validate');
  if (violations.length) throw new ShapeViolations(violations);
  report('SHACL validation: the dataset conforms');

  const statistics = corpusStatistics(corpus, quads);
  const digest = inputsDigest(location, options.base);
  const version = digest.slice(0, 12);
  const files = await serialise(corpus, quads, options.base);
  lap('serialise');
  for (const [name, content] of writeExports(quads, corpus.ontology.iris.ontologyNamespace, options.base, version)) files.set(name, Buffer.from(content, 'utf8'));
  lap('export');

  const published = [...Object.entries(dumpMediaTypes), ...datasetExports.map((e) => [e.file, e.mediaType] as const)];
  const dumps: DumpFile[] = published.map(([name, mediaType]) => {
    const content = files.get(name)!;
    return { name, mediaType, bytes: content.byteLength, sha256: createHash('sha256').update(content).digest('hex') };
  });
  const manifest: BuildManifest = {
    base: options.base,
    ontologyNamespace: corpus.ontology.iris.ontologyNamespace,
    inputsDigest: digest,
    version,
    statistics,
    files: dumps,
    texts: corpus.texts.map((t) => ({ id: t.metadata.id, file: t.file })),
  };
  if (options.dryRun) return { manifest, warnings: reading.warnings, timings };

  const publication = startPublication(options.distDir ?? defaultDistDir);
  try {
    for (const [name, content] of files) {
      publication.write(name, content);
      if (name.startsWith('dataset.')) publication.write(`${name}.gz`, gzipSync(content, { level: 9 }));
    }
    publication.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
    const dir = publication.commit();
    lap('publish');
    return { manifest, dir, warnings: reading.warnings, timings };
  } catch (error) {
    publication.abandon();
    throw error;
  }
}

async function serialise(corpus: Corpus, quads: readonly Quad[], base: string): Promise<Map<string, Buffer>> {
  const { iris } = corpus.ontology;
  const prefixes = ourPrefixes(iris.ontologyNamespace, base);
  const context = jsonLdContext(iris.ontologyNamespace, base, corpus.ontology.relations.keys());
  const union = unionOf(quads);
  const ontologyTriples = unionOf(corpus.ontology.quads);
  const files = new Map<string, Buffer>();
  const put = (name: string, content: string) => files.set(name, Buffer.from(content, 'utf8'));
  put('dataset.nq', await writeRdf(quads, 'N-Quads'));
  put('dataset.trig', await writeRdf(quads, 'TriG', prefixes));
  put('dataset.ttl', await writeRdf(union, 'Turtle', prefixes));
  put('dataset.jsonld', await toJsonLd(quads, context));
  put('ontology.ttl', await writeRdf(ontologyTriples, 'Turtle', prefixes));
  put('ontology.rdf', toRdfXml(ontologyTriples, base));
  put('ontology.jsonld', await toJsonLd(ontologyTriples, context, ' '));
  put('context.jsonld', JSON.stringify(context, null, 2) + '\n');
  for (const text of corpus.texts) {
    put(`texts/${text.metadata.id}.txt`, text.text);
    put(`texts/${text.metadata.id}.tei.xml`, writeTei(text, corpus.registry, iris));
  }
  return files;
}
