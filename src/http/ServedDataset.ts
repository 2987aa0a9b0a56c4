/**
 * A published build, loaded and ready to serve: the store, the manifest, the describers, and a cache
 * of every representation made so far (the data changes only when a new build is loaded, so each
 * representation is made once and then served from memory with its ETag).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import type { BuildManifest } from '../dataset/DatasetBuilder.ts';
import type { JsonLdDocument } from '../dataset/RdfFormats.ts';
import { loadOntology, type Ontology } from '../ontology/Ontology.ts';
import { Iris } from '../ontology/Vocabulary.ts';
import { loadDataset } from '../store/DatasetStore.ts';
import { EntityDescriber, type EntityDescription } from '../store/EntityDescriber.ts';
import type { Store } from 'n3';
import { LRUCache } from 'lru-cache';
import type { QueryAnswer } from '../store/SparqlEngine.ts';
import { SearchIndex } from '../store/SearchIndex.ts';

export interface Representation {
  readonly body: Buffer;
  readonly mediaType: string;
  readonly etag: string;
}

export class ServedDataset {
  private readonly cache = new Map<string, Representation>();
  private readonly descriptions = new Map<string, EntityDescription | undefined>();
  /**
   * Answers to SPARQL queries already asked of this build (the data cannot change under them), by
   * query, graphs and format; bounded in bytes, least recently used first out.
   */
  readonly answers = new LRUCache<string, QueryAnswer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (answer, key) => answer.body.length * 2 + key.length * 2 + 64 });

  private constructor(
    readonly dir: string,
    readonly store: Store,
    readonly manifest: BuildManifest,
    readonly ontology: Ontology,
    readonly describer: EntityDescriber,
    readonly search: SearchIndex,
    readonly context: JsonLdDocument,
    readonly lastModified: Date,
  ) {}

  static async load(dir: string): Promise<ServedDataset> {
    const { store, manifest } = await loadDataset(dir);
    const ontology = loadOntology(new Iris(manifest.base));
    const describer = new EntityDescriber(store, manifest.ontologyNamespace);
    const context = JSON.parse(readFileSync(join(dir, 'context.jsonld'), 'utf8')) as JsonLdDocument;
    return new ServedDataset(dir, store, manifest, ontology, describer, SearchIndex.fromDescriber(describer), context, statSync(join(dir, 'manifest.json')).mtime);
  }

  get base(): string { return this.manifest.base; }
  get version(): string { return this.manifest.version; }

  /** A cached representation, made by `make` the first time it is asked for. */
  async representation(key: string, mediaType: string, make: () => Promise<string | Buffer> | string | Buffer): Promise<Representation> {
    const cached = this.cache.get(`${key}|${mediaType}`);
    if (cached) return cached;
    const made = await make();
    const body = Buffer.isBuffer(made) ? made : Buffer.from(made, 'utf8');
    const etag = `"${this.version}-${createHash('sha1').update(key).update(mediaType).digest('hex').slice(0, 16)}"`;
    const representation = { body, mediaType, etag };
    this.cache.set(`${key}|${mediaType}`, representation);
    return representation;
  }

  /** An entity's description, made once and shared by all its representations (HTML in each language, every RDF format). */
  describe(iri: string): EntityDescription | undefined {
    if (!this.descriptions.has(iri)) this.descriptions.set(iri, this.describer.describe(iri));
    return this.descriptions.get(iri);
  }

  /** The named graphs of the dataset (one per text, the registry, the curated facts, the ontology). */
  graphs(): string[] {
    const graphs = new Set<string>();
    for (const g of this.store.getGraphs(null, null, null)) if (g.termType === 'NamedNode') graphs.add(g.value);
    return [...graphs].sort();
  }

  ownGraph = (iri: string): boolean => iri.startsWith(`${this.base}graph/`) && this.store.countQuads(null, null, null, iri) > 0;

  quadsOfGraph(iri: string): Quad[] { return this.describer.graph(iri); }
}
