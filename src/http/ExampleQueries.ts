/** The example queries of queries/, read with their title and what they answer, for the query page. */
import { readdirSync, readFileSync } from 'node:fs';
import type { ExampleQuery } from './pages/SparqlPage.ts';

export const queriesDir = new URL('../../queries/', import.meta.url);
const defaultNamespace = 'http://localhost:3000/';

/** The queries, their prefixes moved to the served base IRI (the files are written for the default). */
export function readExampleQueries(base: string): ExampleQuery[] {
  return readdirSync(queriesDir).filter((f) => f.endsWith('.rq')).sort().map((file) => {
    const source = readFileSync(new URL(file, queriesDir), 'utf8');
    const title = /^# title: (.+)$/m.exec(source)?.[1] ?? file;
    const answers = /^# answers: (.+)$/m.exec(source)?.[1] ?? '';
    // Only IRIs in angle brackets are rewritten, and only their base.
    const query = source.replace(/<http:\/\/localhost:3000\/([^>\s]*)>/g, (_m, rest: string) => `<${base}${rest}>`);
    return { file, title, answers, query: base === defaultNamespace ? source : query };
  });
}
