/** The statistics as Markdown tables, for the terminal and the README. */
import type { CorpusStatistics } from './Statistics.ts';

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

export function printStatistics(s: CorpusStatistics): string {
  const relations = [...new Set(s.perText.flatMap((t) => Object.keys(t.statementsPerRelation)))].sort();
  return [
    `${s.texts} texts, ${s.entities} entities, ${s.mentions} mentions, ${s.statements} statements, ${s.quads} quads (${s.triples} distinct triples)\n`,
    table(['class', 'entities'], Object.entries(s.entitiesPerClass)),
    table(['relation', 'statements'], Object.entries(s.statementsPerRelation)),
    table(['text', 'mentions', 'entities', 'statements', ...relations],
      s.perText.map((t) => [t.id, t.mentions, t.entities, t.statements, ...relations.map((r) => t.statementsPerRelation[r] ?? 0)])),
  ].join('\n');
}
