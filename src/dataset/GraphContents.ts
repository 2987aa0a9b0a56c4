/**
 * The entities, statements and annotations of a build, read back from its quads: what the network,
 * table and Web Annotation exports are written from. Reading the built RDF (rather than the corpus)
 * means every export carries exactly the provenance the graph keeps: the qualified rcp:Statement
 * node, the text that states it (prov:wasDerivedFrom), its quote and position (the oa:Annotation's
 * selectors), certainty and dates.
 */
import { DataFactory } from 'n3';
import type { NamedNode, Quad, Term } from '@rdfjs/types';
import { entityTypes, type EntityType } from '../annotation/Registry.ts';
import { dcterms, oa, prov, rdf, rdfs, schema } from '../ontology/Vocabulary.ts';

const { namedNode } = DataFactory;

export interface BilingualText { readonly en: string; readonly ru: string }

export interface EntityEntry {
  readonly iri: string;
  readonly type: EntityType;
  readonly label: BilingualText;
  readonly description: BilingualText;
}

/** Where a passage is in a source text: the W3C Web Annotation selectors of its annotation. */
export interface TextSelection {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Code points over the normalised text. */
  readonly start: number;
  readonly end: number;
}

/** One relation as one text states it. */
export interface StatedRelation {
  /** The rcp:Statement node's IRI (`…/text/{id}#statement-{n}`). */
  readonly iri: string;
  readonly subject: string;
  /** The ontology's local name: `memberOf`, `criticised`… */
  readonly relation: string;
  readonly object: string;
  readonly sourceText: string;
  readonly sourceTitle: BilingualText;
  readonly passage: TextSelection;
  readonly certainty: string;
  /** Dates as the text gives them (`1927`, `1927-11`, `1927-11-15`). */
  readonly date?: string;
  readonly from?: string;
  readonly to?: string;
  readonly calendar: 'gregorian' | 'julian';
  readonly note?: string;
}

/** An oa:Annotation of the graph: a mention (identifying) or a statement's passage (describing). */
export interface TextAnnotation {
  readonly iri: string;
  readonly motivation: 'identifying' | 'describing';
  /** The entity a mention identifies, or the statement a passage supports. */
  readonly body: string;
  readonly target: string;
  readonly source: string;
  readonly quoteSelector: string;
  readonly positionSelector: string;
  readonly selection: TextSelection;
}

export interface GraphContents {
  readonly entities: readonly EntityEntry[];
  readonly statements: readonly StatedRelation[];
  readonly annotations: readonly TextAnnotation[];
}

export function readGraphContents(quads: Iterable<Quad>, ontologyNamespace: string): GraphContents {
  // One pass indexes the quads by subject (the union of all graphs); every lookup below is by subject.
  const typePredicate = rdf('type');
  const bySubject = new Map<string, Quad[]>();
  const typed = new Map<string, string[]>();
  for (const q of quads) {
    const list = bySubject.get(q.subject.value);
    if (list) list.push(q); else bySubject.set(q.subject.value, [q]);
    if (q.predicate.equals(typePredicate)) {
      const members = typed.get(q.object.value);
      if (members) members.push(q.subject.value); else typed.set(q.object.value, [q.subject.value]);
    }
  }
  const rcp = (local: string): NamedNode => namedNode(ontologyNamespace + local);
  const objects = (subject: string, predicate: NamedNode): Term[] => (bySubject.get(subject) ?? []).filter((q) => q.predicate.equals(predicate)).map((q) => q.object);
  const value = (subject: string, predicate: NamedNode): string | undefined => objects(subject, predicate)[0]?.value;
  const ofType = (type: NamedNode): string[] => [...new Set(typed.get(type.value) ?? [])];
  const hasType = (subject: string, type: NamedNode): boolean => objects(subject, rdf('type')).some((t) => t.equals(type));
  const bilingual = (subject: string, predicate: NamedNode): BilingualText => {
    const text = { en: '', ru: '' };
    for (const o of objects(subject, predicate)) {
      if (o.termType === 'Literal' && (o.language === 'en' || o.language === 'ru')) text[o.language] = o.value;
    }
    return text;
  };

  const entities: EntityEntry[] = entityTypes.flatMap((type) => ofType(rcp(type))
    .map((iri) => ({ iri, type, label: bilingual(iri, rdfs('label')), description: bilingual(iri, schema('description')) }))
    .sort(entityOrder));

  const annotations: TextAnnotation[] = ofType(oa('Annotation')).map((annotation) => {
    const target = value(annotation, oa('hasTarget'));
    const selectors = target === undefined ? [] : objects(target, oa('hasSelector')).map((s) => s.value);
    const quote = selectors.find((s) => hasType(s, oa('TextQuoteSelector')));
    const position = selectors.find((s) => hasType(s, oa('TextPositionSelector')));
    if (!target || !quote || !position) throw new Error(`the annotation ${annotation} has no target with a quote and a position selector`);
    return {
      iri: annotation,
      motivation: value(annotation, oa('motivatedBy')) === oa('identifying').value ? 'identifying' : 'describing',
      body: value(annotation, oa('hasBody')) ?? '',
      target,
      source: value(target, oa('hasSource')) ?? '',
      quoteSelector: quote,
      positionSelector: position,
      selection: {
        exact: value(quote, oa('exact')) ?? '', prefix: value(quote, oa('prefix')) ?? '', suffix: value(quote, oa('suffix')) ?? '',
        start: Number(value(position, oa('start'))), end: Number(value(position, oa('end'))),
      },
    } satisfies TextAnnotation;
  }).sort(annotationOrder);

  const passageOf = new Map(annotations.filter((a) => a.motivation === 'describing').map((a) => [a.body, a.selection]));
  const statements: StatedRelation[] = ofType(rcp('Statement')).map((node) => {
    const sourceText = value(node, prov('wasDerivedFrom')) ?? '';
    const passage = passageOf.get(node);
    if (!passage) throw new Error(`the statement ${node} has no annotation with its passage`);
    const date = value(node, rcp('date'));
    const from = value(node, rcp('startDate'));
    const to = value(node, rcp('endDate'));
    const note = value(node, rcp('note'));
    return {
      iri: node,
      subject: value(node, rdf('subject')) ?? '',
      relation: (value(node, rdf('predicate')) ?? '').slice(ontologyNamespace.length),
      object: value(node, rdf('object')) ?? '',
      sourceText,
      sourceTitle: bilingual(sourceText, dcterms('title')),
      passage,
      certainty: (value(node, rcp('certainty')) ?? '').slice(ontologyNamespace.length),
      ...(date && { date }), ...(from && { from }), ...(to && { to }), ...(note && { note }),
      calendar: value(node, rcp('calendar')) === 'julian' ? 'julian' : 'gregorian',
    } satisfies StatedRelation;
  }).sort(statementOrder);

  return { entities, statements, annotations };
}

const entityOrder = (a: EntityEntry, b: EntityEntry) => compare(a.iri, b.iri);
const statementOrder = (a: StatedRelation, b: StatedRelation) => compare(a.sourceText, b.sourceText) || a.passage.start - b.passage.start || compare(a.iri, b.iri);
const annotationOrder = (a: TextAnnotation, b: TextAnnotation) =>
  compare(a.source, b.source) || a.selection.start - b.selection.start || a.selection.end - b.selection.end || compare(a.iri, b.iri);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
