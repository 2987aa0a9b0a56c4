/** SPARQL bindings as a plain-text table for the terminal, IRIs shortened with our prefixes. */
import type { Bindings, Term } from '@rdfjs/types';

export function shorten(term: Term | undefined, prefixes: Readonly<Record<string, string>>): string {
  if (!term) return '';
  if (term.termType === 'NamedNode') {
    let best = '';
    for (const [prefix, ns] of Object.entries(prefixes)) if (term.value.startsWith(ns) && ns.length > (prefixes[best]?.length ?? 0)) best = prefix;
    return best ? `${best}:${term.value.slice(prefixes[best].length)}` : `<${term.value}>`;
  }
  return term.value.replace(/\s+/g, ' ');
}

export function formatTable(rows: readonly Bindings[], prefixes: Readonly<Record<string, string>>, maxWidth = 60): string {
  const variables = [...new Set(rows.flatMap((row) => [...row.keys()].map((v) => v.value)))];
  const cells = rows.map((row) => variables.map((v) => {
    const text = shorten([...row].find(([k]) => k.value === v)?.[1], prefixes);
    return text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
  }));
  const widths = variables.map((v, i) => Math.max(v.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i])).join(' │ ');
  return [line(variables), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n') + '\n';
}
