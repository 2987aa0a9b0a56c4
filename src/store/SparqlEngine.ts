/**
 * Runs admitted SPARQL queries with Comunica over the embedded store, and serialises the answer in
 * the negotiated media type. Results are cut at the cap (the admitted query asks for cap + 1, so a
 * cut answer is known to be cut) before they are serialised.
 */
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import type { Bindings, Quad, Variable } from '@rdfjs/types';
import type { Store } from 'n3';
import type { AdmittedQuery } from './QueryPolicy.ts';
import { booleanResult, serialiseQuads, writeBindings, type AnswerOptions, type QueryAnswer } from './AnswerFormats.ts';

export class SparqlEngine {
  private readonly engine = new QueryEngine();

  constructor(private readonly store: Store) {}

  /** The answer as bindings, for callers that format it themselves (the CLI's table, tests). */
  async bindings(query: string): Promise<Bindings[]> {
    return (await this.engine.queryBindings(query, { sources: [this.store] })).toArray();
  }

  async answer(query: AdmittedQuery, mediaType: string, options: AnswerOptions): Promise<QueryAnswer> {
    const context = { sources: [this.store] };
    if (query.form === 'ASK') {
      const value = await this.engine.queryBoolean(query.text, context);
      return { mediaType, body: booleanResult(value, mediaType), size: 1, truncated: false };
    }
    if (query.form === 'SELECT') {
      const result = await this.engine.query(query.text, context);
      if (result.resultType !== 'bindings') throw new Error('a SELECT query gave no bindings');
      const metadata = await result.metadata();
      const rows = await take<Bindings>(await result.execute(), query.cap + 1);
      const kept = rows.slice(0, query.cap);
      const variables: Variable[] = metadata.variables.map((v: Variable | { variable: Variable }) => ('variable' in v ? v.variable : v));
      return { mediaType, body: await writeBindings(variables, kept, mediaType), size: kept.length, truncated: rows.length > query.cap };
    }
    const quads = await take<Quad>(await this.engine.queryQuads(query.text, context), query.cap + 1);
    const truncated = quads.length > query.cap;
    const kept = quads.slice(0, query.cap);
    return { mediaType, body: await serialiseQuads(kept, mediaType, options), size: kept.length, truncated };
  }

}

/** The first `n` items of a stream, then the stream is closed (the rest is never computed). */
function take<T>(stream: AsyncIterable<T> & { destroy?: () => void; on: (event: string, f: (x: T) => void) => unknown }, n: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    let done = false;
    const finish = () => { if (!done) { done = true; stream.destroy?.(); resolve(items); } };
    stream.on('data', (item: T) => { if (done) return; items.push(item); if (items.length >= n) finish(); });
    stream.on('end', finish);
    stream.on('error', (error: unknown) => { if (!done) { done = true; reject(error); } });
  });
}
