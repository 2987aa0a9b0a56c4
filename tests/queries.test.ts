/**
 * Every example query in queries/ runs on the built corpus and returns the rows the texts give.
 * The expected rows are facts read in the texts themselves (quoted in the comments).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { id, rcp, select, text, type Row } from './support/dataset.ts';

const queryDir = new URL('../queries/', import.meta.url);
const run = (file: string) => select(readFileSync(new URL(file, queryDir), 'utf8'));

const expectations: Record<string, (rows: Row[]) => void> = {
  'members-of-a-faction-over-time.rq': (rows) => {
    // 001: "такими выдающимися работниками, принадлежавшими к группе ДЦ, как Рафаил, В. Коссиор, Дробнис …"
    for (const member of ['rafail', 'v-kosior', 'drobnis', 'boguslavsky']) {
      expect(rows).toContainEqual(expect.objectContaining({ member: id(`person/${member}`), source: text('trotsky-circular-letter-37') }));
    }
  },
  'genealogy-of-splits.rq': (rows) => {
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect([rcp('splitFrom'), rcp('mergedInto'), rcp('successorOf')]).toContain(row.relation);
  },
  'who-criticised-whom.rq': (rows) => {
    // 000: "Группы «Борьба» и «Октябрь» продолжали остро критиковать друг друга"
    expect(rows).toContainEqual(expect.objectContaining({ critic: id('faction/borba-group'), target: id('faction/oktyabr-group'), source: text('trotskyist-groups-history') }));
    expect(rows).toContainEqual(expect.objectContaining({ critic: id('faction/oktyabr-group'), target: id('faction/borba-group') }));
    // 004: Churchill on Trotsky
    expect(rows).toContainEqual(expect.objectContaining({ critic: id('person/churchill'), target: id('person/trotsky'), source: text('defeat-of-the-opposition-1927') }));
  },
  'who-criticised-v-smirnov.rq': (rows) => {
    const trotsky = rows.filter((r) => r.critic === id('person/trotsky'));
    expect(trotsky.map((r) => r.source)).toContain(text('trotsky-circular-letter-37'));
    expect(trotsky.map((r) => r.quote).join(' ')).toContain('закостеневшим представителем кружкового благочестия');
  },
  'signatories-of-documents.rq': (rows) => {
    // 001: "Под нашим заявлением подписались С. Ашкинази"
    expect(rows).toContainEqual(expect.objectContaining({ signatory: id('person/ashkinazi'), document: id('document/opposition-declaration-1928') }));
  },
  'advocates-of-positions.rq': (rows) => {
    // 000: Trotsky's "собственными идеями перманентной революции"
    expect(rows).toContainEqual(expect.objectContaining({ advocate: id('person/trotsky'), position: id('position/permanent-revolution'), kind: rcp('Person') }));
    // 004: the Comintern and world revolution
    expect(rows).toContainEqual(expect.objectContaining({ advocate: id('faction/comintern'), position: id('position/world-revolution'), kind: rcp('Faction') }));
  },
  'people-in-several-factions.rq': (rows) => {
    // 001: the former Decists who went "hand in hand" with the opposition
    const drobnis = rows.find((r) => r.person === id('person/drobnis'));
    expect(drobnis?.groups).toContain('Democratic Centralists');
    expect(drobnis?.groups).toContain('Left Opposition');
    for (const row of rows) expect(Number(row.factions)).toBeGreaterThan(1);
  },
  'passages-for-a-statement.rq': (rows) => {
    // 004: "был сослан в январе 1928 года в Алма-Ату, а затем, в январе 1929 года выслан в Турцию"
    const fromText004 = rows.filter((r) => r.source === text('defeat-of-the-opposition-1927'));
    expect(fromText004.map((r) => [r.place, r.date])).toEqual(expect.arrayContaining([[id('place/alma-ata'), '1928-01'], [id('place/turkey'), '1929-01']]));
    for (const row of rows) expect(Number(row.end)).toBeGreaterThan(Number(row.start));
    expect(fromText004.find((r) => r.place === id('place/turkey'))?.quote).toContain('выслан в Турцию');
  },
  'expulsions-exiles-imprisonment.rq': (rows) => {
    // 004: "15 ноября 1927, Троцкий и Зиновьев были исключены из партии"
    for (const person of ['trotsky', 'zinoviev']) {
      expect(rows).toContainEqual(expect.objectContaining({ person: id(`person/${person}`), relation: rcp('expelledFrom'), where: id('faction/bolshevik-party'), date: '1927-11-15' }));
    }
  },
  'authors-of-documents.rq': (rows) => {
    // 001 is Trotsky's circular letter No. 37 of 22 September 1928
    expect(rows).toContainEqual(expect.objectContaining({ author: id('person/trotsky'), document: id('document/circular-letter-37'), date: '1928-09-22' }));
  },
  'source-texts-and-reliability.rq': (rows) => {
    const byText = Object.fromEntries(rows.map((r) => [r.text, r]));
    expect(byText[text('defeat-of-the-opposition-1927')]).toMatchObject({ reliability: 'low', language: 'ru' });
    expect(byText[text('trotsky-circular-letter-37')]).toMatchObject({ reliability: 'high' });
    expect(byText[text('why-stalin-won')]).toMatchObject({ language: 'en' });
    expect(Number(byText[text('trotsky-circular-letter-37')].statements)).toBeGreaterThan(20);
    expect(rows.length).toBe(20);
  },
  'uncertain-statements.rq': (rows) => {
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect([rcp('probable'), rcp('uncertain')]).toContain(row.certainty);
    // 001: "руководители ДЦ как будто солидаризировались с нами" is marked uncertain
    expect(rows).toContainEqual(expect.objectContaining({ certainty: rcp('uncertain'), source: text('trotsky-circular-letter-37') }));
  },
  'leaders-of-factions.rq': (rows) => {
    // 004: "Глава ОГПУ Менжинский"
    expect(rows).toContainEqual(expect.objectContaining({ leader: id('person/menzhinsky'), faction: id('faction/ogpu') }));
  },
  'find-by-name-variant.rq': (rows) => {
    expect(rows).toEqual([{ entity: id('person/trotsky'), type: rcp('Person'), label: 'Leon Trotsky' }]);
  },
  'statements-per-relation-and-source.rq': (rows) => {
    const letter = rows.filter((r) => r.source === text('trotsky-circular-letter-37'));
    expect(letter.find((r) => r.relation === rcp('criticised'))?.statements).toBeDefined();
    expect(Number(letter.find((r) => r.relation === rcp('memberOf'))?.statements)).toBeGreaterThanOrEqual(6);
  },
  'corroborated-statements.rq': (rows) => {
    // Trotsky's exile to Alma-Ata is in both 001 (dated from there) and 004.
    expect(rows).toContainEqual(expect.objectContaining({ subjectName: 'Leon Trotsky', relation: rcp('exiledTo'), objectName: 'Alma-Ata' }));
    for (const row of rows) expect(Number(row.sources)).toBeGreaterThan(1);
  },
};

describe('the example queries', () => {
  const files = readdirSync(queryDir).filter((f) => f.endsWith('.rq')).sort();

  it('has at least 12 queries, each with a title and what it answers, and each with a test here', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const source = readFileSync(new URL(file, queryDir), 'utf8');
      expect(source, file).toMatch(/^# title: .+\n# answers: .+/);
    }
    expect(Object.keys(expectations).sort()).toEqual(files);
  });

  it.each(Object.entries(expectations))('%s', async (file, check) => {
    check(await run(file));
  });
});
