/**
 * The server on an external store answers from what it reads of the store on request as it would from
 * the whole dataset in memory: entity look-ups and descriptions, redirects, the list of texts and the
 * visualisations' graphs are compared, ServedDataset.connect against ServedDataset.load of the same
 * build. (Search and browse read the build's entity index on both back ends: EntityIndex.test.ts checks
 * it against the dataset.)
 * In npm test the store is the small one made on purpose (tests/support/fakeSparqlStore.ts) with the
 * fixture corpus and a renamed entity; under npm run test:store it is the real Virtuoso with the whole corpus.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { ServedDataset } from '../../src/http/ServedDataset.ts';
import type { EntityDescription } from '../../src/store/EntityDescriber.ts';
import { graphsOfLoadedBuild, loadIntoStore } from '../../src/store/GraphStoreLoader.ts';
import { genealogyRelations, networkRelations } from '../../src/store/RelationGraphs.ts';
import { SparqlStoreClient } from '../../src/store/SparqlStoreClient.ts';
import { StoreSlices } from '../../src/store/StoreSlices.ts';
import { externalStoreClient, onExternalStore } from '../support/externalStore.ts';
import { startFakeSparqlStore, type FakeSparqlStore } from '../support/fakeSparqlStore.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';

let fake: FakeSparqlStore | undefined;
let whole: ServedDataset;
let sliced: ServedDataset;
let renamed: { from: string; to: string } | undefined;

beforeAll(async () => {
  let dir: string;
  let client: SparqlStoreClient;
  if (onExternalStore) {
    dir = inject('builtDir'); // loaded into the store by the global setup
    client = externalStoreClient();
  } else {
    const corpus = makeFixtureCorpus();
    writeFileSync(join(corpus.dataDir, 'redirects.yaml'), 'lev-trotsky: trotsky\n');
    dir = (await buildDataset({ base: 'http://localhost:3000/', location: corpus, distDir: corpus.distDir })).dir!;
    fake = await startFakeSparqlStore();
    client = new SparqlStoreClient(fake.endpoint, 60_000);
    await loadIntoStore(dir, client, { url: fake.graphStore, ...fake.credentials });
  }
  whole = await ServedDataset.load(dir);
  const { base, ontologyNamespace } = whole.manifest;
  sliced = await ServedDataset.connect(dir, new StoreSlices(client, await graphsOfLoadedBuild(client, base), base, ontologyNamespace));
  const replaced = whole.store.getQuads(null, 'http://purl.org/dc/terms/isReplacedBy', null, null)[0];
  renamed = replaced && { from: replaced.subject.value, to: replaced.object.value };
});
afterAll(() => fake?.close());

const byIri = <T extends { iri: string }>(list: readonly T[]) => [...list].sort((a, b) => a.iri.localeCompare(b.iri));

describe('an external store read in slices answers as the whole dataset in memory', () => {
  it('has the same graphs, and knows the same entities', () => {
    expect(sliced.graphs()).toEqual(whole.graphs());
    for (const { iri } of whole.search.entities()) {
      expect(sliced.labelsOf(iri), iri).toEqual(whole.labelsOf(iri));
      expect(sliced.exists(iri), iri).toBe(true);
    }
    expect(sliced.exists(`${whole.base}id/person/nobody-of-that-name`)).toBe(false);
  });

  it('follows a renamed entity to the one that replaced it, and no other', async () => {
    expect(renamed).toBeDefined();
    expect(await sliced.replacement(renamed!.from)).toBe(renamed!.to);
    expect(await sliced.replacement(`${whole.base}id/person/nobody-of-that-name`)).toBeUndefined();
  });

  it('lists the same source texts, and knows a text from a graph that is not one', async () => {
    expect(await sliced.sourceTexts()).toEqual(await whole.sourceTexts());
    for (const { id } of whole.manifest.texts) expect(sliced.hasText(id), id).toBe(true);
    for (const id of ['registry', 'ontology', 'no-such-text']) expect(sliced.hasText(id), id).toBe(whole.hasText(id));
  });

  it('draws the same genealogy and network, in both languages', async () => {
    for (const [relations, types] of [[genealogyRelations, ['Faction']], [networkRelations, ['Person', 'Faction']]] as const) {
      for (const language of ['en', 'ru'] as const) {
        expect(await sliced.relationGraph(relations, types, language)).toEqual(await whole.relationGraph(relations, types, language));
      }
    }
    expect((await whole.relationGraph(networkRelations, ['Person', 'Faction'], 'en')).edges.length).toBeGreaterThan(0);
  });

  it('describes entities alike: their relations with evidence, labels, names and the quads of their representations', async () => {
    const comparable = (d: EntityDescription | undefined) => d && {
      ...d,
      quads: d.quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value} ${q.graph.value}`).sort(),
      altLabels: [...d.altLabels].sort((a, b) => a.value.localeCompare(b.value)),
      descriptions: [...d.descriptions].sort((a, b) => a.value.localeCompare(b.value)),
    };
    // All of the fixture's; on the whole corpus, the twenty most mentioned (each is several queries).
    const entities = whole.search.entities().sort((a, b) => b.mentions - a.mentions).slice(0, 20);
    for (const { iri } of entities) expect(comparable(await sliced.describe(iri)), iri).toEqual(comparable(await whole.describe(iri)));
  });
});
