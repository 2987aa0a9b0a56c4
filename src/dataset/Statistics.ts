/** Counts of a corpus and its dataset: per class, per relation, per text. */
import type { AnnotatedText } from '../annotation/AnnotatedText.ts';
import { entityTypes, type EntityType, type Registry } from '../annotation/Registry.ts';

export interface TextStatistics {
  readonly id: string;
  readonly mentions: number;
  readonly statements: number;
  readonly entities: number;
  readonly statementsPerRelation: Readonly<Record<string, number>>;
}

export interface CorpusStatistics {
  readonly texts: number;
  readonly entities: number;
  readonly entitiesPerClass: Readonly<Record<EntityType, number>>;
  readonly mentions: number;
  readonly statements: number;
  readonly statementsPerRelation: Readonly<Record<string, number>>;
  readonly quads: number;
  readonly triples: number;
  readonly perText: readonly TextStatistics[];
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return sortedByKey(counts);
}

function sortedByKey(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Counts a corpus as the build reads it, text by text. The quads and the distinct triples are counted
 * by the build, which writes them.
 */
export class StatisticsTally {
  readonly #entitiesPerClass: Record<EntityType, number>;
  readonly #entities: number;
  readonly #perText: TextStatistics[] = [];
  readonly #perRelation: Record<string, number> = {};
  #mentions = 0;
  #statements = 0;

  constructor(registry: Registry) {
    this.#entitiesPerClass = Object.fromEntries(entityTypes.map((t) => [t, 0])) as Record<EntityType, number>;
    for (const entity of registry.entities.values()) this.#entitiesPerClass[entity.type]++;
    this.#entities = registry.entities.size;
  }

  addText(text: AnnotatedText): void {
    this.#mentions += text.mentions.length;
    this.#statements += text.statements.length;
    for (const s of text.statements) this.#perRelation[s.relation] = (this.#perRelation[s.relation] ?? 0) + 1;
    this.#perText.push({
      id: text.metadata.id,
      mentions: text.mentions.length,
      statements: text.statements.length,
      entities: new Set([...text.mentions.map((m) => m.entityId), ...text.statements.flatMap((s) => [s.subject, s.object])]).size,
      statementsPerRelation: countBy(text.statements, (s) => s.relation),
    });
  }

  statistics(counts: { readonly quads: number; readonly triples: number }): CorpusStatistics {
    return {
      texts: this.#perText.length,
      entities: this.#entities,
      entitiesPerClass: this.#entitiesPerClass,
      mentions: this.#mentions,
      statements: this.#statements,
      statementsPerRelation: sortedByKey(this.#perRelation),
      ...counts,
      perText: this.#perText,
    };
  }
}
