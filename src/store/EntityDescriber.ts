/**
 * Describes one resource of the dataset from the store, without SPARQL: the concise bounded
 * description of an entity (its own statements, the statements that point to it, its neighbours'
 * labels) with the provenance of each statement (the qualified statement node, its annotation, the
 * source text and the quoted passage). Entity pages and RDF representations are built from this.
 */
import { DataFactory, type Store } from 'n3';
import type { NamedNode, Quad, Term } from '@rdfjs/types';
import { oa, prov, rdf, rdfs, skos, schema } from '../ontology/Vocabulary.ts';

const { namedNode } = DataFactory;

/** One stated relation, with where it is stated. */
export interface Evidence {
  readonly statement: string;
  readonly source: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
  readonly date?: string;
  readonly from?: string;
  readonly to?: string;
  readonly certainty: string;
  readonly note?: string;
}

export interface RelationView {
  readonly predicate: string;
  readonly subject: string;
  readonly object: string;
  readonly evidence: readonly Evidence[];
}

export interface EntityDescription {
  readonly iri: string;
  readonly types: readonly string[];
  readonly quads: readonly Quad[];
  readonly outgoing: readonly RelationView[];
  readonly incoming: readonly RelationView[];
  /** Labels of the entity and of every neighbour, by IRI and language. */
  readonly labels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Labels of the relations it takes part in, by predicate IRI. */
  readonly relationLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly altLabels: readonly { value: string; language: string }[];
  readonly descriptions: readonly { value: string; language: string }[];
  readonly mentions: number;
}

export class EntityDescriber {
  constructor(private readonly store: Store, private readonly ontologyNamespace: string) {}

  /** Quads in named graphs only: a store for queries holds the same triples again in its default graph. */
  private named(s: Term | null, p: Term | null, o: Term | null): Quad[] {
    return this.store.getQuads(s, p, o, null).filter((q) => q.graph.termType !== 'DefaultGraph');
  }

  mentionCount(iri: string): number {
    return this.store.getSubjects(oa('hasBody'), namedNode(iri), null).length;
  }

  exists(iri: string): boolean {
    return this.store.countQuads(namedNode(iri), rdf('type'), null, null) > 0;
  }

  labelsOf(iri: string): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const q of this.store.getQuads(namedNode(iri), rdfs('label'), null, null)) {
      if (q.object.termType === 'Literal') labels[q.object.language || 'und'] = q.object.value;
    }
    return labels;
  }

  describe(iri: string): EntityDescription | undefined {
    const entity = namedNode(iri);
    if (!this.exists(iri)) return undefined;
    const quads: Quad[] = [];
    const own = this.named(entity, null, null);
    quads.push(...own);
    const isRelation = (p: Term) => p.value.startsWith(this.ontologyNamespace);
    const incomingTriples = this.named(null, null, entity).filter((q) => isRelation(q.predicate));
    quads.push(...incomingTriples);

    const views = (role: 'subject' | 'object'): RelationView[] => {
      const byTriple = new Map<string, { predicate: string; subject: string; object: string; evidence: Evidence[] }>();
      for (const node of this.named(null, rdf(role), entity).map((q) => q.subject)) {
        const statementQuads = this.named(node, null, null);
        quads.push(...statementQuads);
        const value = (p: NamedNode) => statementQuads.find((q) => q.predicate.equals(p))?.object.value;
        const predicate = value(rdf('predicate'));
        const subject = value(rdf('subject'));
        const object = value(rdf('object'));
        if (!predicate || !subject || !object) continue;
        const evidence = this.evidenceFor(node, statementQuads, quads);
        const key = `${subject} ${predicate} ${object}`;
        const view = byTriple.get(key) ?? { predicate, subject, object, evidence: [] };
        if (evidence) view.evidence.push(evidence);
        byTriple.set(key, view);
      }
      // Sorted, not in the store's order, so the embedded and an external store describe alike.
      return [...byTriple.entries()].sort(([a], [b]) => a.localeCompare(b))
        .map(([, v]) => ({ ...v, evidence: v.evidence.sort((a, b) => a.source.localeCompare(b.source) || a.start - b.start) }));
    };
    const outgoing = views('subject');
    const incoming = views('object');

    const labels = new Map<string, Record<string, string>>();
    const neighbours = new Set<string>([iri]);
    for (const v of [...outgoing, ...incoming]) { neighbours.add(v.subject); neighbours.add(v.object); for (const e of v.evidence) neighbours.add(e.source); }
    for (const q of own) if (q.object.termType === 'NamedNode') neighbours.add(q.object.value);
    for (const neighbour of neighbours) {
      const l = this.labelsOf(neighbour);
      if (Object.keys(l).length) labels.set(neighbour, l);
      if (neighbour !== iri) quads.push(...this.named(namedNode(neighbour), rdfs('label'), null));
    }
    return {
      iri,
      types: own.filter((q) => q.predicate.equals(rdf('type'))).map((q) => q.object.value).sort(),
      quads: dedupe(quads),
      outgoing,
      incoming,
      labels,
      relationLabels: new Map([...outgoing, ...incoming].map((v) => [v.predicate, this.labelsOf(v.predicate)])),
      altLabels: this.literals(iri, 'altLabel'),
      descriptions: this.literals(iri, 'description'),
      mentions: this.mentionCount(iri),
    };
  }

  private evidenceFor(node: Term, statementQuads: Quad[], collect: Quad[]): Evidence | undefined {
    const annotation = this.named(null, oa('hasBody'), node)[0]?.subject;
    if (!annotation) return undefined;
    const annotationQuads = this.named(annotation, null, null);
    const target = annotationQuads.find((q) => q.predicate.equals(oa('hasTarget')))?.object;
    if (!target) return undefined;
    const targetQuads = this.named(target, null, null);
    const selectors = targetQuads.filter((q) => q.predicate.equals(oa('hasSelector'))).map((q) => q.object);
    const selectorQuads = selectors.flatMap((s) => this.named(s, null, null));
    collect.push(...annotationQuads, ...targetQuads, ...selectorQuads);
    const pick = (quadList: Quad[], p: NamedNode) => quadList.find((q) => q.predicate.equals(p))?.object.value;
    const rcp = (local: string) => namedNode(this.ontologyNamespace + local);
    return {
      statement: node.value,
      source: pick(statementQuads, prov('wasDerivedFrom')) ?? '',
      quote: pick(selectorQuads, oa('exact')) ?? '',
      prefix: pick(selectorQuads, oa('prefix')) ?? '',
      suffix: pick(selectorQuads, oa('suffix')) ?? '',
      start: Number(pick(selectorQuads, oa('start')) ?? 0),
      end: Number(pick(selectorQuads, oa('end')) ?? 0),
      date: pick(statementQuads, rcp('date')),
      from: pick(statementQuads, rcp('startDate')),
      to: pick(statementQuads, rcp('endDate')),
      certainty: (pick(statementQuads, rcp('certainty')) ?? '').replace(this.ontologyNamespace, ''),
      note: pick(statementQuads, rcp('note')),
    };
  }

  /** Every resource typed with one of our entity classes, with its class local name. */
  entities(): { iri: string; type: string }[] {
    const out: { iri: string; type: string }[] = [];
    for (const type of ['Person', 'Faction', 'Document', 'Position', 'Event', 'Place']) {
      for (const s of this.store.getSubjects(rdf('type'), namedNode(this.ontologyNamespace + type), null)) out.push({ iri: s.value, type });
    }
    return out;
  }

  /** Alternative labels and descriptions, for pages and search. */
  literals(iri: string, predicate: 'altLabel' | 'description'): { value: string; language: string }[] {
    const p = predicate === 'altLabel' ? skos('altLabel') : schema('description');
    return this.store.getObjects(namedNode(iri), p, null)
      .filter((o) => o.termType === 'Literal').map((o) => ({ value: o.value, language: (o as { language: string }).language }));
  }
}

function dedupe(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const key = `${q.subject.value}|${q.predicate.value}|${q.object.termType}|${q.object.value}|${q.object.termType === 'Literal' ? (q.object as { language: string }).language : ''}|${q.graph.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
