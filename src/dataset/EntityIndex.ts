/**
 * The entity index of a build (`entity-index.jsonl` in the build's folder): every entity's class, labels,
 * alternative labels, how often the texts mention it and how many statements it takes part in, one
 * entity per line. The build tallies it as it streams the texts; the server reads it at start-up for
 * search and browse, so that neither back end walks the dataset to start (paging the index out of an
 * external store took 516 s at 100× the corpus) and browsing never counts statements in the store.
 * It is the server's, not a published dump: no URL serves it.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Quad } from '@rdfjs/types';
import { entityTypes } from '../annotation/Registry.ts';
import { rdf, rdfs, skos } from '../ontology/Vocabulary.ts';
import type { GraphContents } from './GraphContents.ts';

export const entityIndexFile = 'entity-index.jsonl';

/** What the index knows of one entity. */
export interface IndexedEntity {
  readonly iri: string;
  /** The local name of its class (Person, Faction, …). */
  readonly type: string;
  /** Labels by language (`und` for a label without one). */
  readonly labels: Readonly<Record<string, string>>;
  readonly altLabels: readonly string[];
  /** How many times the texts mention it (its oa:Annotations with the entity as body). */
  readonly mentions: number;
  /** How many statements have it as their subject or object (one that has it as both counts twice). */
  readonly statements: number;
}

interface Tally { type: string; labels: Record<string, string>; altLabels: string[]; mentions: number; statements: number }

/** The index being tallied: the entities from the frame's quads, then the counts from every graph. */
export class EntityIndexTally {
  readonly #entities = new Map<string, Tally>();

  constructor(private readonly ontologyNamespace: string) {}

  /** The entities of the quads (those typed with one of our entity classes), with their names. */
  addEntities(quads: Iterable<Quad>): void {
    const classes = new Map<string, string>(entityTypes.map((type) => [this.ontologyNamespace + type, type]));
    const names: Quad[] = [];
    for (const q of quads) {
      const type = q.predicate.equals(rdf('type')) ? classes.get(q.object.value) : undefined;
      if (type && !this.#entities.has(q.subject.value)) this.#entities.set(q.subject.value, { type, labels: {}, altLabels: [], mentions: 0, statements: 0 });
      if (q.object.termType === 'Literal' && (q.predicate.equals(rdfs('label')) || q.predicate.equals(skos('altLabel')))) names.push(q);
    }
    // An alternative label is kept once per language (one name may be the same in two languages).
    const altLabelsSeen = new Set<string>();
    for (const { subject, predicate, object } of names) {
      const entity = this.#entities.get(subject.value);
      if (!entity || object.termType !== 'Literal') continue;
      if (predicate.equals(rdfs('label'))) entity.labels[object.language || 'und'] = object.value;
      else {
        const key = `${subject.value} ${object.language} ${object.value}`;
        if (!altLabelsSeen.has(key)) { altLabelsSeen.add(key); entity.altLabels.push(object.value); }
      }
    }
  }

  /** Counts a graph's mentions and statements. */
  count(contents: GraphContents): void {
    for (const annotation of contents.annotations) {
      const entity = this.#entities.get(annotation.body);
      if (entity) entity.mentions += 1;
    }
    for (const statement of contents.statements) {
      for (const end of [statement.subject, statement.object]) {
        const entity = this.#entities.get(end);
        if (entity) entity.statements += 1;
      }
    }
  }

  /** The index as JSON Lines, in the order of the classes, then of the IRIs. */
  *lines(): Generator<string> {
    const order = new Map<string, number>(entityTypes.map((type, n) => [type, n]));
    const sorted = [...this.#entities].sort(([a, x], [b, y]) => order.get(x.type)! - order.get(y.type)! || (a < b ? -1 : a > b ? 1 : 0));
    for (const [iri, { type, labels, altLabels, mentions, statements }] of sorted) {
      yield JSON.stringify({ iri, type, labels, altLabels, mentions, statements } satisfies IndexedEntity) + '\n';
    }
  }
}

/** Reads a build's entity index, a line at a time. */
export async function readEntityIndex(dir: string): Promise<IndexedEntity[]> {
  const path = join(dir, entityIndexFile);
  if (!existsSync(path)) throw new Error(`${path} is missing: the build in ${dir} was made before builds wrote an entity index; rebuild it (npm run build)`);
  const entities: IndexedEntity[] = [];
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    line += 1;
    if (!text) continue;
    try {
      entities.push(JSON.parse(text) as IndexedEntity);
    } catch (error) {
      throw new Error(`${path}, line ${line}: not a JSON object (${error instanceof Error ? error.message : String(error)}): rebuild the dataset`);
    }
  }
  return entities;
}
