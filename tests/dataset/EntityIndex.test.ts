/**
 * The entity index the build tallies as it streams the texts (what search and browse read on both back
 * ends) says of every entity what a reading of the whole built dataset says: its class, labels,
 * alternative labels, mentions and statements. Checked on the real corpus, built once by the global set-up.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { entityIndexFile, readEntityIndex, type IndexedEntity } from '../../src/dataset/EntityIndex.ts';
import { EntityDescriber } from '../../src/store/EntityDescriber.ts';
import { builtDataset, id } from '../support/dataset.ts';

const { namedNode } = DataFactory;
const rdf = (local: string) => namedNode(`http://www.w3.org/1999/02/22-rdf-syntax-ns#${local}`);

let index: IndexedEntity[];
let fromDataset: IndexedEntity[];

beforeAll(async () => {
  index = await readEntityIndex(inject('builtDir'));
  const { store, manifest } = await builtDataset();
  const describer = new EntityDescriber(store, manifest.ontologyNamespace);
  // Statement nodes, each once however many graphs (or union copies) hold it.
  const statementsOf = (iri: string, role: 'subject' | 'object') => new Set(store.getSubjects(rdf(role), namedNode(iri), null).map((s) => s.value)).size;
  fromDataset = describer.entities().map(({ iri, type }) => ({
    iri, type, labels: describer.labelsOf(iri), altLabels: describer.literals(iri, 'altLabel').map((l) => l.value),
    mentions: new Set(store.getSubjects('http://www.w3.org/ns/oa#hasBody', namedNode(iri), null).map((s) => s.value)).size,
    statements: statementsOf(iri, 'subject') + statementsOf(iri, 'object'),
  }));
});

const comparable = (entities: readonly IndexedEntity[]) => entities
  .map((e) => ({ ...e, altLabels: [...e.altLabels].sort() }))
  .sort((a, b) => (a.iri < b.iri ? -1 : 1));

describe('the entity index of a build', () => {
  it('holds every entity of the dataset with its class, names, mentions and statements, as the dataset does', () => {
    expect(index.length).toBe(fromDataset.length);
    expect(comparable(index)).toEqual(comparable(fromDataset));
  });

  it('counts what the real corpus says of Trotsky', () => {
    const trotsky = index.find((e) => e.iri === id('person/trotsky'))!;
    expect(trotsky).toMatchObject({ type: 'Person', labels: { en: 'Leon Trotsky', ru: 'Лев Давидович Троцкий' } });
    expect(trotsky.altLabels).toContain('Троцкий');
    expect(trotsky.mentions).toBeGreaterThan(50);
    expect(trotsky.statements).toBeGreaterThan(20);
  });

  it('lists the entities by class, then by IRI', () => {
    const classes = ['Person', 'Faction', 'Document', 'Position', 'Event', 'Place'];
    const keys = index.map((e) => [classes.indexOf(e.type), e.iri] as const);
    expect(keys).toEqual([...keys].sort(([c, a], [d, b]) => c - d || (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('says to rebuild when a build has none', async () => {
    await expect(readEntityIndex(mkdtempSync(join(tmpdir(), 'entity-index-')))).rejects.toThrow(/entity-index.jsonl is missing: .* rebuild it/);
  });

  it('names the file and line of a line that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entity-index-'));
    writeFileSync(join(dir, entityIndexFile), '{"iri":"x"}\n{not json\n');
    await expect(readEntityIndex(dir)).rejects.toThrow(`${join(dir, entityIndexFile)}, line 2: not a JSON object`);
  });
});
