/** Counts of a corpus and its dataset: per class, per relation, per text. */
import type { Quad } from '@rdfjs/types';
import { entityTypes, type EntityType } from '../annotation/Registry.ts';
import type { Corpus } from './Corpus.ts';

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
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function corpusStatistics(corpus: Corpus, quads: readonly Quad[]): CorpusStatistics {
  const entitiesPerClass = Object.fromEntries(entityTypes.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const entity of corpus.registry.entities.values()) entitiesPerClass[entity.type]++;
  const statements = corpus.texts.flatMap((t) => t.statements);
  const triples = new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}${q.object.value}${q.object.termType === 'Literal' ? `@${q.object.language}^${q.object.datatype.value}` : ''}`));
  return {
    texts: corpus.texts.length,
    entities: corpus.registry.entities.size,
    entitiesPerClass,
    mentions: corpus.texts.reduce((n, t) => n + t.mentions.length, 0),
    statements: statements.length,
    statementsPerRelation: countBy(statements, (s) => s.relation),
    quads: quads.length,
    triples: triples.size,
    perText: corpus.texts.map((t) => ({
      id: t.metadata.id,
      mentions: t.mentions.length,
      statements: t.statements.length,
      entities: new Set([...t.mentions.map((m) => m.entityId), ...t.statements.flatMap((s) => [s.subject, s.object])]).size,
      statementsPerRelation: countBy(t.statements, (s) => s.relation),
    })),
  };
}
