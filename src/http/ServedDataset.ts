/**
 * A published build, loaded and ready to serve: the store, the manifest, the describers, and a cache
 * of every representation made so far (the data changes only when a new build is loaded, so each
 * representation is made once and then served from memory with its ETag).
 * With the embedded back end `store` is the whole dataset. With an external store it is only the index
 * (StoreSlices): an entity's description and a graph's quads are read from the store when their
 * representation is first made, and then served from the cache like every other.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import type { BuildManifest } from '../dataset/DatasetBuilder.ts';
import type { JsonLdDocument } from '../dataset/RdfFormats.ts';
import { loadOntology, type Ontology } from '../ontology/Ontology.ts';
import { Iris } from '../ontology/Vocabulary.ts';
import { DataFactory, type Store } from 'n3';
import { loadDataset, readManifest } from '../store/DatasetStore.ts';
import { EntityDescriber, type EntityDescription } from '../store/EntityDescriber.ts';
import { LRUCache } from 'lru-cache';
import type { QueryAnswer } from '../store/SparqlEngine.ts';
import { SearchIndex } from '../store/SearchIndex.ts';
import type { StoreSlices } from '../store/StoreSlices.ts';

export interface Representation {
  readonly body: Buffer;
  readonly mediaType: string;
  readonly etag: string;
}

export class ServedDataset {
  private readonly cache = new Map<string, Representation>();
  private readonly descriptions = new Map<string, Promise<EntityDescription | undefined>>();
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
    private readonly graphList: readonly string[],
    private readonly slices?: StoreSlices,
  ) {}

  /** The build in `dir`, loaded whole into the embedded store. */
  static async load(dir: string): Promise<ServedDataset> {
    const { store, manifest } = await loadDataset(dir);
    const graphs = new Set<string>();
    for (const g of store.getGraphs(null, null, null)) if (g.termType === 'NamedNode') graphs.add(g.value);
    return ServedDataset.assemble(dir, manifest, store, [...graphs].sort());
  }

  /** The build in `dir`, read from an external store that holds it (only the index is kept here). */
  static async connect(dir: string, slices: StoreSlices): Promise<ServedDataset> {
    const manifest = readManifest(dir);
    return ServedDataset.assemble(dir, manifest, await slices.index(manifest.ontologyNamespace), slices.graphs, slices);
  }

  private static assemble(dir: string, manifest: BuildManifest, store: Store, graphs: readonly string[], slices?: StoreSlices): ServedDataset {
    const ontology = loadOntology(new Iris(manifest.base));
    const describer = new EntityDescriber(store, manifest.ontologyNamespace);
    const context = JSON.parse(readFileSync(join(dir, 'context.jsonld'), 'utf8')) as JsonLdDocument;
    return new ServedDataset(dir, store, manifest, ontology, describer, SearchIndex.fromDescriber(describer), context, statSync(join(dir, 'manifest.json')).mtime, graphs, slices);
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

  /** The named graphs of the dataset (one per text, the registry, the curated facts, the ontology). */
  graphs(): string[] { return [...this.graphList]; }

  ownGraph = (iri: string): boolean => this.graphList.includes(iri);

  /**
   * An entity's description, or undefined if the dataset has no such entity; made once and shared by
   * all its representations (HTML in each language, every RDF format).
   */
  describe(iri: string): Promise<EntityDescription | undefined> {
    let description = this.descriptions.get(iri);
    if (!description) {
      description = this.slices
        ? this.slices.entity(iri).then((slice) => new EntityDescriber(slice, this.manifest.ontologyNamespace).describe(iri))
        : Promise.resolve(this.describer.describe(iri));
      this.descriptions.set(iri, description);
      description.catch(() => this.descriptions.delete(iri)); // a failed fetch from the store is tried again
    }
    return description;
  }

  /** A store holding (at least) the quads of one named graph: what the source-text reader reads. */
  async storeWithGraph(iri: string): Promise<Store> {
    return this.slices ? this.slices.graph(iri) : this.store;
  }

  async quadsOfGraph(iri: string): Promise<Quad[]> {
    return (await this.storeWithGraph(iri)).getQuads(null, null, null, DataFactory.namedNode(iri));
  }
}
