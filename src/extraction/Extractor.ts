/**
 * Turns the checked annotated texts, the registry and the ontology into the quads of the dataset.
 *
 * Layout of the graphs:
 * - `graph/{text}`: one per source text, the statements it supports: the plain triple, a qualified
 *   `rcp:Statement` node (dates, certainty, provenance) and a Web Annotation for it and for each mention;
 *   the text's own metadata is there too.
 * - `graph/registry`: the entities' types, labels, variants and descriptions.
 * - `graph/curated`: facts that come from no annotated passage, each with a note of where they come from.
 * - `graph/ontology`: the ontology itself.
 * Only IRIs are minted (no blank nodes), so the output is deterministic and every node dereferences.
 */
import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad, Quad_Object } from '@rdfjs/types';
import type { AnnotatedText, Bilingual, HistoricalDate } from '../annotation/AnnotatedText.ts';
import { datePrecision } from '../annotation/HistoricalDate.ts';
import type { Entity, Registry } from '../annotation/Registry.ts';
import type { Ontology } from '../ontology/Ontology.ts';
import { dcterms, oa, org, prov, rdf, rdfs, schema, skos, xsd } from '../ontology/Vocabulary.ts';
import { selectorsFor, type CodePoints } from './TextSelectors.ts';

const { quad, literal } = DataFactory;

export interface ExtractionInput {
  readonly texts: readonly AnnotatedText[];
  readonly registry: Registry;
  readonly ontology: Ontology;
}

export function dateLiteral(value: HistoricalDate): Literal {
  return literal(value, xsd(datePrecision(value) ?? 'string'));
}

/** The frame of the dataset and every text: what a build of the whole corpus holds. */
export function extractDataset(input: ExtractionInput): Quad[] {
  const quads = extractFrame(input);
  for (const text of input.texts) quads.push(...extractText(text, input));
  return quads;
}

type Frame = Omit<ExtractionInput, 'texts'>;

function entityIriIn({ registry, ontology }: Frame): (id: string) => NamedNode {
  return (id) => {
    const entity = registry.entities.get(id);
    if (!entity) throw new Error(`the extractor was given an unchecked id '${id}'`);
    return ontology.iris.entity(entity.type, id);
  };
}

/** The graphs that come from no text: the ontology, the registry and the curated facts. */
export function extractFrame({ registry, ontology }: Frame): Quad[] {
  const { iris } = ontology;
  const quads: Quad[] = [];

  // The ontology, in its own graph.
  const ontologyGraph = iris.ontologyGraph();
  for (const q of ontology.quads) quads.push(quad(q.subject, q.predicate, q.object, ontologyGraph));

  // The registry and the curated facts.
  const registryGraph = iris.registryGraph();
  const curatedGraph = iris.curatedGraph();
  const bilingual = bilingualIn(quads);
  for (const entity of registry.entities.values()) {
    const subject = iris.entity(entity.type, entity.id);
    const add = (p: NamedNode, o: Quad_Object) => quads.push(quad(subject, p, o, registryGraph));
    add(rdf('type'), iris.rcp(entity.type));
    for (const aligned of ontology.alignedClasses.get(entity.type) ?? []) add(rdf('type'), aligned as NamedNode);
    bilingual(subject, rdfs('label'), entity.label, registryGraph);
    bilingual(subject, skos('prefLabel'), entity.label, registryGraph);
    bilingual(subject, schema('description'), entity.description, registryGraph);
    for (const lang of ['ru', 'en'] as const) for (const alt of entity.altLabels[lang]) add(skos('altLabel'), literal(alt, lang));
    if (entity.curated) addCurated(quads, subject, entity, curatedGraph, iris.rcp);
  }
  for (const [from, to] of registry.redirects) {
    const target = registry.entities.get(to)!;
    quads.push(quad(iris.entity(target.type, from), dcterms('isReplacedBy'), iris.entity(target.type, to), registryGraph));
  }
  return quads;
}

function bilingualIn(quads: Quad[]) {
  return (subject: NamedNode, predicate: NamedNode, value: Bilingual, graph: NamedNode) => {
    quads.push(quad(subject, predicate, literal(value.ru, 'ru'), graph), quad(subject, predicate, literal(value.en, 'en'), graph));
  };
}

/** One text's graph: its metadata, its statements and a Web Annotation for each mention and statement. */
export function extractText(text: AnnotatedText, frame: Frame): Quad[] {
  const { iris } = frame.ontology;
  const quads: Quad[] = [];
  const entityIri = entityIriIn(frame);
  const bilingual = bilingualIn(quads);
  const { metadata } = text;
  const graph = iris.textGraph(metadata.id);
  const textIri = iris.text(metadata.id);
  const add = (s: NamedNode, p: NamedNode, o: Quad_Object) => quads.push(quad(s, p, o, graph));
  add(textIri, rdf('type'), iris.rcp('SourceText'));
  add(textIri, rdf('type'), prov('Entity'));
  bilingual(textIri, dcterms('title'), metadata.title, graph);
  bilingual(textIri, rdfs('label'), metadata.title, graph);
  add(textIri, dcterms('language'), literal(metadata.language));
  add(textIri, dcterms('source'), literal(metadata.source));
  add(textIri, dcterms('license'), literal(metadata.licence));
  add(textIri, iris.rcp('reliability'), literal(metadata.reliability.level));
  bilingual(textIri, iris.rcp('reliabilityNote'), metadata.reliability.note, graph);
  add(textIri, dcterms('format'), literal('text/plain'));
  if (metadata.author) add(textIri, dcterms('creator'), entityIri(metadata.author));
  if (metadata.date) add(textIri, dcterms('date'), dateLiteral(metadata.date));
  if (metadata.document) add(textIri, iris.rcp('isText'), entityIri(metadata.document));
  if (metadata.partOf) add(textIri, dcterms('isPartOf'), entityIri(metadata.partOf));

  const codePoints: CodePoints = Array.from(text.text);
  const annotate = (fragment: string, body: NamedNode, motivation: 'identifying' | 'describing', start: number, end: number) => {
    const annotation = iris.inText(metadata.id, fragment);
    const target = iris.inText(metadata.id, `${fragment}-target`);
    const quote = iris.inText(metadata.id, `${fragment}-quote`);
    const position = iris.inText(metadata.id, `${fragment}-position`);
    const selectors = selectorsFor(codePoints, start, end);
    add(annotation, rdf('type'), oa('Annotation'));
    add(annotation, oa('motivatedBy'), oa(motivation));
    add(annotation, oa('hasBody'), body);
    add(annotation, oa('hasTarget'), target);
    add(target, rdf('type'), oa('SpecificResource'));
    add(target, oa('hasSource'), textIri);
    add(target, oa('hasSelector'), quote);
    add(target, oa('hasSelector'), position);
    add(quote, rdf('type'), oa('TextQuoteSelector'));
    add(quote, oa('exact'), literal(selectors.quote.exact));
    add(quote, oa('prefix'), literal(selectors.quote.prefix));
    add(quote, oa('suffix'), literal(selectors.quote.suffix));
    add(position, rdf('type'), oa('TextPositionSelector'));
    add(position, oa('start'), literal(String(start), xsd('nonNegativeInteger')));
    add(position, oa('end'), literal(String(end), xsd('nonNegativeInteger')));
  };

  text.mentions.forEach((mention, n) => annotate(`mention-${n + 1}`, entityIri(mention.entityId), 'identifying', mention.start, mention.end));

  const spans = new Map(text.spans.map((s) => [s.id, s]));
  for (const statement of text.statements) {
    const subject = entityIri(statement.subject);
    const predicate = iris.rcp(statement.relation);
    const object = entityIri(statement.object);
    add(subject, predicate, object);
    const node = iris.inText(metadata.id, `statement-${statement.id}`);
    add(node, rdf('type'), iris.rcp('Statement'));
    add(node, rdf('subject'), subject);
    add(node, rdf('predicate'), predicate);
    add(node, rdf('object'), object);
    if (statement.relation === 'memberOf') {
      add(node, rdf('type'), iris.rcp('Membership'));
      add(node, rdf('type'), org('Membership'));
      add(node, org('member'), subject);
      add(node, org('organization'), object);
    }
    if (statement.date) add(node, iris.rcp('date'), dateLiteral(statement.date));
    if (statement.from) add(node, iris.rcp('startDate'), dateLiteral(statement.from));
    if (statement.to) add(node, iris.rcp('endDate'), dateLiteral(statement.to));
    if (statement.calendar === 'julian') add(node, iris.rcp('calendar'), literal('julian'));
    add(node, iris.rcp('certainty'), iris.rcp(statement.certainty));
    if (statement.note) add(node, iris.rcp('note'), literal(statement.note));
    add(node, prov('wasDerivedFrom'), textIri);
    const span = spans.get(statement.spanId)!;
    annotate(`annotation-${statement.id}`, node, 'describing', span.start, span.end);
  }
  return quads;
}

function addCurated(quads: Quad[], subject: NamedNode, entity: Entity, graph: NamedNode, rcp: (local: string) => NamedNode) {
  const curated = entity.curated!;
  for (const [fact, value] of Object.entries(curated.facts)) {
    quads.push(quad(subject, fact === 'date' ? dcterms('date') : rcp(fact), dateLiteral(value), graph));
  }
  quads.push(quad(subject, skos('editorialNote'), literal(curated.note, 'en'), graph));
}
