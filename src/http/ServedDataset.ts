/**
 * A published build, loaded and ready to serve: the manifest, the ontology, the search index, and a
 * cache of every representation made so far (the data changes only when a new build is loaded, so each
 * representation is made once and then served from memory with its ETag).
 * The search index and the browse lists come from the build's entity index (EntityIndex.ts) on both
 * back ends. With the embedded back end the whole dataset is held here (`store`), and everything else is
 * read from it. With an external store nothing else is held: an entity's description, a graph's quads,
 * the list of texts and the visualisations' statements are read from the store (StoreSlices) when their
 * representation is first made, and then served from the cache like every other. Nothing at start-up
 * walks the dataset.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import type { BuildManifest } from '../dataset/DatasetBuilder.ts';
import type { JsonLdDocument } from '../dataset/RdfFormats.ts';
import { loadOntology, type Ontology } from '../ontology/Ontology.ts';
import { dcterms, Iris, rdf, rdfs } from '../ontology/Vocabulary.ts';
import { DataFactory, Store } from 'n3';
import { loadDataset, readManifest } from '../store/DatasetStore.ts';
import { EntityDescriber, type EntityDescription } from '../store/EntityDescriber.ts';
import { LRUCache } from 'lru-cache';
import { relationGraph, type RelationGraph } from '../store/RelationGraphs.ts';
import type { QueryAnswer } from '../store/AnswerFormats.ts';
import { SearchIndex } from '../store/SearchIndex.ts';
import { readEntityIndex } from '../dataset/EntityIndex.ts';
import { listSourceTexts, type SourceTextEntry } from '../store/SourceTextReader.ts';
import type { StoreSlices } from '../store/StoreSlices.ts';
import { Representation } from './Representation.ts';

const { namedNode, literal, quad, defaultGraph } = DataFactory;

/** An entity as the browse list shows it. */
export interface BrowseEntry { readonly iri: string; readonly labels: Record<string, string>; readonly statements: number }

export interface CacheOptions {
  /** Most memory the representations made so far may take, in MiB (default 1024). */
  readonly representationCacheMb?: number;
}

/** Where the data is: the whole dataset in memory, or an external store read in slices. */
type Back = { readonly kind: 'whole'; readonly store: Store; readonly describer: EntityDescriber } | { readonly kind: 'slices'; readonly slices: StoreSlices };

export class ServedDataset {
  /**
   * The representations made so far, bounded in bytes (a crawler of a large corpus would otherwise fill
   * the memory): each counts twice its plain bytes, an upper bound with its gzip and Brotli forms.
   */
  private readonly cache: LRUCache<string, Representation>;
  /** Representations being made: concurrent requests for one wait for the same making. */
  private readonly making = new Map<string, Promise<Representation>>();
  /** Descriptions shared by an entity's representations while they are made; a few thousand are kept. */
  private readonly descriptions = new LRUCache<string, Promise<EntityDescription | undefined>>({ max: 4096 });
  private readonly textIds: ReadonlySet<string>;
  /**
   * Answers to SPARQL queries already asked of this build (the data cannot change under them), by
   * query, graphs and format; bounded in bytes, least recently used first out.
   */
  readonly answers = new LRUCache<string, QueryAnswer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (answer, key) => answer.body.length * 2 + key.length * 2 + 64 });

  private constructor(
    readonly dir: string,
    readonly manifest: BuildManifest,
    readonly ontology: Ontology,
    readonly search: SearchIndex,
    readonly context: JsonLdDocument,
    readonly lastModified: Date,
    private readonly graphList: readonly string[],
    private readonly back: Back,
    options: CacheOptions,
  ) {
    this.textIds = new Set(manifest.texts.map((t) => t.id));
    this.cache = new LRUCache({ maxSize: (options.representationCacheMb ?? 1024) * 1024 * 1024, sizeCalculation: (r, key) => 2 * r.body.byteLength + key.length * 2 + 64 });
  }

  /** The build in `dir`, loaded whole into the embedded store. */
  static async load(dir: string, options: CacheOptions = {}): Promise<ServedDataset> {
    // Only named graphs: the pages read across them with N3.js's getters; SPARQL runs in the workers.
    const { store, manifest } = await loadDataset(dir, { defaultGraphAsUnion: false });
    const graphs = new Set<string>();
    for (const g of store.getGraphs(null, null, null)) if (g.termType === 'NamedNode') graphs.add(g.value);
    const describer = new EntityDescriber(store, manifest.ontologyNamespace);
    return ServedDataset.assemble(dir, manifest, SearchIndex.of(await readEntityIndex(dir)), [...graphs].sort(), { kind: 'whole', store, describer }, options);
  }

  /** The build in `dir`, read from an external store that holds it (only the build's entity index is kept here). */
  static async connect(dir: string, slices: StoreSlices, options: CacheOptions = {}): Promise<ServedDataset> {
    const manifest = readManifest(dir);
    return ServedDataset.assemble(dir, manifest, SearchIndex.of(await readEntityIndex(dir)), slices.graphs, { kind: 'slices', slices }, options);
  }

  private static assemble(dir: string, manifest: BuildManifest, search: SearchIndex, graphs: readonly string[], back: Back, options: CacheOptions): ServedDataset {
    const ontology = loadOntology(new Iris(manifest.base));
    const context = JSON.parse(readFileSync(join(dir, 'context.jsonld'), 'utf8')) as JsonLdDocument;
    return new ServedDataset(dir, manifest, ontology, search, context, statSync(join(dir, 'manifest.json')).mtime, graphs, back, options);
  }

  /** The whole dataset, in the embedded store; with an external store it is not held here. */
  get store(): Store {
    if (this.back.kind !== 'whole') throw new Error('the dataset is in an external store: it is not held in this process');
    return this.back.store;
  }

  get base(): string { return this.manifest.base; }
  get version(): string { return this.manifest.version; }

  /** A cached representation, made by `make` the first time it is asked for. */
  async representation(key: string, mediaType: string, make: () => Promise<string | Buffer> | string | Buffer): Promise<Representation> {
    const cached = this.cachedRepresentation(key, mediaType);
    if (cached) return cached;
    const id = `${key}|${mediaType}`;
    let making = this.making.get(id);
    if (!making) {
      making = (async () => {
        const made = await make();
        const body = Buffer.isBuffer(made) ? made : Buffer.from(made, 'utf8');
        const etag = `"${this.version}-${createHash('sha1').update(key).update(mediaType).digest('hex').slice(0, 16)}"`;
        const representation = new Representation(body, mediaType, etag);
        this.cache.set(id, representation);
        return representation;
      })();
      this.making.set(id, making);
      // Made or failed, it is no longer being made (a failure is tried again on the next request).
      void making.then(() => this.making.delete(id), () => this.making.delete(id));
    }
    return making;
  }

  /** The representation if it has been made already (what the prepared-entity lane serves), else undefined. */
  cachedRepresentation(key: string, mediaType: string): Representation | undefined {
    return this.cache.get(`${key}|${mediaType}`);
  }

  /** The named graphs of the dataset (one per text, the registry, the curated facts, the ontology). */
  graphs(): string[] { return [...this.graphList]; }

  ownGraph = (iri: string): boolean => this.graphList.includes(iri);

  /** Whether the IRI is an entity of the dataset. */
  exists(iri: string): boolean {
    // The index holds every entity of our classes; the store is asked only about the rest (a lookup
    // across all named graphs, which would otherwise be most of the time of a prepared entity request).
    return this.search.has(iri) || (this.back.kind === 'whole' && this.back.describer.exists(iri));
  }

  /** An entity's labels by language. */
  labelsOf(iri: string): Record<string, string> {
    return this.back.kind === 'whole' ? this.back.describer.labelsOf(iri) : this.search.labelsOf(iri);
  }

  /** The IRI that replaced a renamed or merged entity, if any. */
  async replacement(iri: string): Promise<string | undefined> {
    if (this.back.kind === 'slices') return this.back.slices.replacement(iri);
    return this.back.store.getObjects(namedNode(iri), dcterms('isReplacedBy'), null)[0]?.value;
  }

  /** Whether the build has a source text with this id. */
  hasText(id: string): boolean {
    if (!this.ownGraph(`${this.base}graph/${id}`)) return false;
    return this.back.kind === 'whole' ? this.back.store.countQuads(namedNode(`${this.base}text/${id}`), null, null, null) > 0 : this.textIds.has(id);
  }

  /** The list of source texts. */
  async sourceTexts(): Promise<SourceTextEntry[]> {
    const store = this.back.kind === 'whole' ? this.back.store : await this.back.slices.sourceTexts();
    return listSourceTexts(store, this.base, this.manifest.ontologyNamespace);
  }

  /** The entities of a class (its local name, any case) with how many statements each takes part in (from the build's entity index). */
  browseEntries(type: string): BrowseEntry[] {
    return this.search.list(type);
  }

  /** The nodes and edges of a visualisation: the statements of `relations` between entities of `types`. */
  async relationGraph(relations: readonly string[], types: readonly string[], language: 'en' | 'ru'): Promise<RelationGraph> {
    const namespace = this.manifest.ontologyNamespace;
    if (this.back.kind === 'whole') return relationGraph(this.back.store, this.base, namespace, relations, types, language);
    // The statements from the store; the entities' classes and labels from the index, the relations' from the ontology.
    const store = await this.back.slices.relations(relations);
    for (const q of this.ontology.quads) store.addQuad(quad(q.subject, q.predicate, q.object, defaultGraph()));
    const ends = new Set([...store.getObjects(null, rdf('subject'), null), ...store.getObjects(null, rdf('object'), null)].map((t) => t.value));
    for (const iri of ends) {
      const type = this.search.typeOf(iri);
      if (!type) continue;
      store.addQuad(quad(namedNode(iri), rdf('type'), namedNode(namespace + type), defaultGraph()));
      for (const [language, label] of Object.entries(this.search.labelsOf(iri))) {
        store.addQuad(quad(namedNode(iri), rdfs('label'), literal(label, language === 'und' ? undefined : language), defaultGraph()));
      }
    }
    return relationGraph(store, this.base, namespace, relations, types, language);
  }

  /**
   * An entity's description, or undefined if the dataset has no such entity; made once and shared by
   * all its representations (HTML in each language, every RDF format).
   */
  describe(iri: string): Promise<EntityDescription | undefined> {
    let description = this.descriptions.get(iri);
    if (!description) {
      const { back } = this;
      description = back.kind === 'slices'
        ? back.slices.entity(iri).then((slice) => new EntityDescriber(slice, this.manifest.ontologyNamespace).describe(iri))
        : Promise.resolve(back.describer.describe(iri));
      this.descriptions.set(iri, description);
      description.catch(() => this.descriptions.delete(iri)); // a failed fetch from the store is tried again
    }
    return description;
  }

  /** A store holding (at least) the quads of one named graph: what the source-text reader reads. */
  async storeWithGraph(iri: string): Promise<Store> {
    return this.back.kind === 'slices' ? this.back.slices.graph(iri) : this.back.store;
  }

  async quadsOfGraph(iri: string): Promise<Quad[]> {
    return (await this.storeWithGraph(iri)).getQuads(null, null, null, DataFactory.namedNode(iri));
  }
}
