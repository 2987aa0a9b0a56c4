/**
 * The entities, statements and annotations of a build, read back from its quads: what the network,
 * table and Web Annotation exports are written from. Reading the built RDF (rather than the corpus)
 * means every export carries exactly the provenance the graph keeps: the qualified rcp:Statement
 * node, the text that states it (prov:wasDerivedFrom), its quote and position (the oa:Annotation's
 * selectors), certainty and dates.
 */
import { DataFactory, Store } from 'n3';
import type { NamedNode, Quad, Term } from '@rdfjs/types';
import { entityTypes, type EntityType } from '../annotation/Registry.ts';
import { dcterms, oa, prov, rdf, rdfs, schema } from '../ontology/Vocabulary.ts';

const { namedNode, defaultGraph } = DataFactory;

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
  const store = new Store();
  for (const q of quads) store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object, defaultGraph()));
  const rcp = (local: string): NamedNode => namedNode(ontologyNamespace + local);
  const value = (subject: Term, predicate: NamedNode): string | undefined => store.getObjects(subject, predicate, null)[0]?.value;
  const bilingual = (subject: Term, predicate: NamedNode): BilingualText => {
    const text = { en: '', ru: '' };
    for (const o of store.getObjects(subject, predicate, null)) {
      if (o.termType === 'Literal' && (o.language === 'en' || o.language === 'ru')) text[o.language] = o.value;
    }
    return text;
  };

  const entities: EntityEntry[] = entityTypes.flatMap((type) => store.getSubjects(rdf('type'), rcp(type), null)
    .map((s) => ({ iri: s.value, type, label: bilingual(s, rdfs('label')), description: bilingual(s, schema('description')) }))
    .sort((a, b) => compare(a.iri, b.iri)));

  const annotations: TextAnnotation[] = store.getSubjects(rdf('type'), oa('Annotation'), null).map((annotation) => {
    const target = store.getObjects(annotation, oa('hasTarget'), null)[0];
    const selectors = store.getObjects(target, oa('hasSelector'), null);
    const quote = selectors.find((s) => store.has(DataFactory.quad(s as NamedNode, rdf('type'), oa('TextQuoteSelector'))));
    const position = selectors.find((s) => store.has(DataFactory.quad(s as NamedNode, rdf('type'), oa('TextPositionSelector'))));
    if (!target || !quote || !position) throw new Error(`the annotation ${annotation.value} has no target with a quote and a position selector`);
    return {
      iri: annotation.value,
      motivation: value(annotation, oa('motivatedBy')) === oa('identifying').value ? 'identifying' : 'describing',
      body: value(annotation, oa('hasBody')) ?? '',
      target: target.value,
      source: value(target, oa('hasSource')) ?? '',
      quoteSelector: quote.value,
      positionSelector: position.value,
      selection: {
        exact: value(quote, oa('exact')) ?? '', prefix: value(quote, oa('prefix')) ?? '', suffix: value(quote, oa('suffix')) ?? '',
        start: Number(value(position, oa('start'))), end: Number(value(position, oa('end'))),
      },
    } satisfies TextAnnotation;
  }).sort((a, b) => compare(a.source, b.source) || a.selection.start - b.selection.start || a.selection.end - b.selection.end || compare(a.iri, b.iri));

  const passageOf = new Map(annotations.filter((a) => a.motivation === 'describing').map((a) => [a.body, a.selection]));
  const statements: StatedRelation[] = store.getSubjects(rdf('type'), rcp('Statement'), null).map((node) => {
    const sourceText = value(node, prov('wasDerivedFrom')) ?? '';
    const passage = passageOf.get(node.value);
    if (!passage) throw new Error(`the statement ${node.value} has no annotation with its passage`);
    const date = value(node, rcp('date'));
    const from = value(node, rcp('startDate'));
    const to = value(node, rcp('endDate'));
    const note = value(node, rcp('note'));
    return {
      iri: node.value,
      subject: value(node, rdf('subject')) ?? '',
      relation: (value(node, rdf('predicate')) ?? '').slice(ontologyNamespace.length),
      object: value(node, rdf('object')) ?? '',
      sourceText,
      sourceTitle: bilingual(namedNode(sourceText), dcterms('title')),
      passage,
      certainty: (value(node, rcp('certainty')) ?? '').slice(ontologyNamespace.length),
      ...(date && { date }), ...(from && { from }), ...(to && { to }), ...(note && { note }),
      calendar: value(node, rcp('calendar')) === 'julian' ? 'julian' : 'gregorian',
    } satisfies StatedRelation;
  }).sort((a, b) => compare(a.sourceText, b.sourceText) || a.passage.start - b.passage.start || compare(a.iri, b.iri));

  return { entities, statements, annotations };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
