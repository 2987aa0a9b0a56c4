/**
 * A sample of the facts annotated in each text, pinned down: if an annotation is lost, or moves to
 * another text's graph, these fail. Each row is read in the text itself (its span is quoted in the
 * statement's `note` or in the passage the graph links).
 */
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { builtDataset } from './support/dataset.ts';

const base = 'http://localhost:3000/';
type Fact = [subject: string, relation: string, object: string];

const factsPerText: Record<string, Fact[]> = {
  'trotskyist-groups-history': [['faction/borba-group', 'criticised', 'faction/oktyabr-group'], ['person/trotsky', 'advocated', 'position/permanent-revolution']],
  'trotsky-circular-letter-37': [['person/trotsky', 'criticised', 'person/v-smirnov'], ['person/ashkinazi', 'signed', 'document/opposition-declaration-1928'], ['person/drobnis', 'memberOf', 'faction/democratic-centralists']],
  'why-stalin-won': [['faction/new-opposition', 'criticised', 'person/trotsky'], ['person/zinoviev', 'authored', 'document/theses-tasks-of-comintern-and-rcp'], ['person/stalin', 'criticised', 'faction/left-opposition']],
  'left-communists-preface': [['faction/icc', 'criticised', 'faction/stalinists'], ['person/bordiga', 'leaderOf', 'faction/italian-communist-left']],
  'left-communists-after-1920': [['person/myasnikov', 'leaderOf', 'faction/workers-group'], ['faction/left-communists-russia', 'successorOf', 'faction/left-communists-1918']],
  'left-communists-1918-1930': [['person/trotsky', 'leaderOf', 'faction/left-opposition'], ['person/luxemburg', 'authored', 'document/luxemburg-russian-revolution']],
  'left-communists-civil-war': [['person/bukharin', 'memberOf', 'faction/left-communists-1918'], ['person/bukharin', 'authored', 'document/economics-of-transition-period']],
  'left-communists-1918-revolution-criticises': [['faction/icc', 'authored', 'document/icc-basic-positions'], ['person/levi', 'memberOf', 'faction/spartacus-league']],
  'left-communists-1921': [['person/radek', 'memberOf', 'faction/left-communists-1918'], ['faction/bolshevik-party', 'authored', 'document/party-programme-1919']],
  'left-communists-1922-1923': [['faction/council-communists', 'criticised', 'faction/bolshevik-party'], ['document/world-revolution-journal', 'criticised', 'person/trotsky']],
  'left-communists-1924-1928': [['person/trotsky', 'authored', 'document/platform-of-united-opposition'], ['faction/left-opposition', 'criticised', 'faction/stalinists']],
  'left-communists-theses-1918': [['faction/left-communists-1918', 'authored', 'document/left-communist-theses-1918'], ['document/left-communist-theses-1918', 'criticised', 'faction/left-srs']],
  'left-communists-workers-opposition': [['person/trotsky', 'criticised', 'faction/workers-opposition'], ['faction/workers-opposition', 'authored', 'document/workers-opposition-theses']],
  'left-communists-crisis-of-the-party': [['document/crisis-of-the-party', 'criticised', 'faction/central-committee']],
  'left-communists-workers-truth': [['faction/workers-truth', 'authored', 'document/workers-truth-appeal'], ['document/workers-truth-appeal', 'criticised', 'faction/bolshevik-party']],
  'left-communists-workers-group-manifesto': [['faction/workers-group', 'authored', 'document/workers-group-manifesto'], ['document/workers-group-manifesto', 'criticised', 'faction/social-democracy']],
  'left-communists-platform-of-15-appeal': [['faction/group-of-15', 'authored', 'document/platform-of-15-appeal'], ['faction/group-of-15', 'authored', 'document/platform-of-15']],
  'left-communists-another-deception': [['person/myasnikov', 'authored', 'document/another-deception'], ['person/myasnikov', 'imprisonedIn', 'place/tomsk-prison']],
  'left-communists-part-3': [['person/hebbes', 'memberOf', 'faction/icc']],
  'defeat-of-the-opposition-1927': [['person/trotsky', 'expelledFrom', 'faction/bolshevik-party'], ['person/trotsky', 'exiledTo', 'place/turkey'], ['person/menzhinsky', 'leaderOf', 'faction/ogpu']],
};

describe('the annotated corpus', () => {
  it('has every text of the five seeds, each with a sample of pinned facts', async () => {
    const { manifest } = await builtDataset();
    expect(manifest.texts.map((t) => t.id).sort()).toEqual(Object.keys(factsPerText).sort());
  });

  it.each(Object.entries(factsPerText))('%s states its facts in its own graph', async (textId, facts) => {
    const { store } = await builtDataset();
    for (const [subject, relation, object] of facts) {
      const found = store.countQuads(DataFactory.namedNode(`${base}id/${subject}`), DataFactory.namedNode(`${base}ontology#${relation}`),
        DataFactory.namedNode(`${base}id/${object}`), DataFactory.namedNode(`${base}graph/${textId}`));
      expect(found, `${subject} ${relation} ${object}`).toBe(1);
    }
  });

  it('has texts in both languages and of every reliability', async () => {
    const { manifest } = await builtDataset();
    expect(manifest.statistics.texts).toBe(20);
    expect(manifest.statistics.entitiesPerClass.Person).toBeGreaterThan(100);
    expect(Object.keys(manifest.statistics.statementsPerRelation).length).toBeGreaterThanOrEqual(18);
  });
});
