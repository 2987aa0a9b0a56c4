/**
 * The union of a build's graphs, as the build streams them: which of a graph's triples are new to the
 * union. A triple whose subject belongs to one text (the text itself, its statements, annotations and
 * selectors: `{base}text/{id}` and `…#fragment`) can be in no other graph, so only the others, about
 * entities and the ontology, are remembered; the union of a corpus many times ours stays small.
 */
import type { Quad, Term } from '@rdfjs/types';

const termKey = (t: Term): string => (t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `${t.termType}:${t.value}`);

export class UnionOfGraphs {
  readonly #shared = new Set<string>();
  #triples = 0;

  /** The number of distinct triples admitted so far. */
  get triples(): number { return this.#triples; }

  /**
   * The quads of one graph (without duplicates) whose triples are not yet in the union.
   * `ownSubject` is the IRI whose subjects are the graph's own, if it has one (a text's).
   */
  admit(quads: readonly Quad[], ownSubject?: string): Quad[] {
    const admitted: Quad[] = [];
    for (const q of quads) {
      const subject = q.subject.value;
      const own = ownSubject !== undefined && (subject === ownSubject || (subject.startsWith(ownSubject) && subject[ownSubject.length] === '#'));
      if (!own) {
        const key = `${termKey(q.subject)} ${q.predicate.value} ${termKey(q.object)}`;
        if (this.#shared.has(key)) continue;
        this.#shared.add(key);
      }
      admitted.push(q);
    }
    this.#triples += admitted.length;
    return admitted;
  }
}
