/**
 * The dataset in an external SPARQL store, read a slice at a time, so that the server never holds or
 * walks the whole dataset; what is read goes into small N3.js stores where the code written for the
 * embedded store (the entity describer, the source-text reader, the relation graphs) runs unchanged.
 * Nothing is read at start-up (search and browse come from the build's entity index, EntityIndex.ts);
 * on request: an entity's neighbourhood (what EntityDescriber reads for one entity, with its graphs),
 * one named graph (the source reader, /graph/{id}), the list of texts, the statements of some
 * relations (the visualisations), and where a renamed entity went.
 * Every query is a template in this file with its parameters put in as terms (QueryRewriting). Only
 * quads of the dataset's own graphs are read: the entity and graph queries start from our IRIs and
 * their rows are filtered here, the others filter their graphs by the build's graph prefix (a FROM
 * NAMED list of every graph made Virtuoso ten times slower, and at a thousand texts it is a long query).
 */
import { DataFactory, Store } from 'n3';
import type { NamedNode, Quad } from '@rdfjs/types';
import { prefixes, rdf } from '../ontology/Vocabulary.ts';
import { parseQuery, substituteTerms } from './QueryRewriting.ts';
import type { SparqlStoreClient, TermRow } from './SparqlStoreClient.ts';

const { namedNode, literal, quad, defaultGraph } = DataFactory;

const prologue = `PREFIX rdf: <${prefixes.rdf}> PREFIX rdfs: <${prefixes.rdfs}> PREFIX skos: <${prefixes.skos}> PREFIX schema: <${prefixes.schema}>
PREFIX dcterms: <${prefixes.dcterms}> PREFIX prov: <${prefixes.prov}> PREFIX oa: <${prefixes.oa}>`;

/** The named graphs whose IRI starts with ?prefix (the build's graphs are all under {base}graph/). */
const graphsTemplate = parseQuery(`SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?prefix)) }`);

/** The IRI a renamed or merged entity was replaced by. */
const replacementTemplate = parseQuery(`${prologue}
SELECT ?replacement WHERE { GRAPH ?g { ?entity dcterms:isReplacedBy ?replacement } FILTER(STRSTARTS(STR(?g), ?prefix)) }`);

/** The source texts with what their list shows. */
const sourceTextsTemplate = parseQuery(`${prologue}
SELECT DISTINCT ?text ?p ?o WHERE {
  GRAPH ?g { ?text a ?sourceText ; ?p ?o } FILTER(?p IN (dcterms:title, dcterms:language, ?reliability))
  FILTER(STRSTARTS(STR(?g), ?prefix))
}`);

/** The statements of one relation, with what the visualisations draw of them. */
const relationTemplate = parseQuery(`${prologue}
SELECT DISTINCT ?statement ?p ?o WHERE {
  GRAPH ?g { ?statement rdf:predicate ?relation ; ?p ?o }
  FILTER(?p IN (rdf:subject, rdf:object, rdf:predicate, prov:wasDerivedFrom, ?date, ?startDate, ?endDate))
  FILTER(STRSTARTS(STR(?g), ?prefix))
}`);

/**
 * Every quad EntityDescriber.describe reads: the entity's own, those pointing to it, its statement
 * nodes with their annotations, targets and selectors, and the labels of its neighbours. One query per
 * part, sent together: simple patterns each store plans well (one UNION of them all took Virtuoso
 * seconds, and with BIND it failed to compile). A statement's link to the entity is matched as a
 * predicate in a list rather than as a property path (rdf:subject|rdf:object): Comunica finds nothing
 * with such a path inside GRAPH.
 */
const aboutEntity = '?statement ?role ?entity FILTER(?role IN (rdf:subject, rdf:object))';
const entityTemplates = [
  'GRAPH ?g { ?s ?p ?o } FILTER(?s = ?entity)',
  'GRAPH ?g { ?s ?p ?o } FILTER(?o = ?entity)',
  `GRAPH ?g1 { ?s ?role ?entity FILTER(?role IN (rdf:subject, rdf:object)) } GRAPH ?g { ?s ?p ?o }`,
  `GRAPH ?g1 { ${aboutEntity} ?s oa:hasBody ?statement } GRAPH ?g { ?s ?p ?o }`,
  `GRAPH ?g1 { ${aboutEntity} ?annotation oa:hasBody ?statement ; oa:hasTarget ?s } GRAPH ?g { ?s ?p ?o }`,
  `GRAPH ?g1 { ${aboutEntity} ?annotation oa:hasBody ?statement ; oa:hasTarget ?target . ?target oa:hasSelector ?s } GRAPH ?g { ?s ?p ?o }`,
  'GRAPH ?g1 { ?entity ?p1 ?s } FILTER(isIRI(?s)) GRAPH ?g { ?s ?p ?o } FILTER(?p = rdfs:label)',
  // One query per link: with the link as a variable in a list, Virtuoso joined the statements with
  // every label of the store (0.5 s at 10×, and growing faster than the store); with it fixed, 5-80 ms.
  ...['rdf:subject', 'rdf:object', 'rdf:predicate', 'prov:wasDerivedFrom'].map((link) =>
    `GRAPH ?g1 { ${aboutEntity} ?statement ${link} ?s } GRAPH ?g { ?s ?p ?o } FILTER(?p = rdfs:label)`),
].map((pattern) => parseQuery(`${prologue}\nSELECT DISTINCT ?s ?p ?o ?g WHERE { ${pattern} }`));

const graphTemplate = parseQuery(`SELECT ?s ?p ?o WHERE { GRAPH ?graph { ?s ?p ?o } }`);

/** Internal queries may take longer than a visitor's query: a slice is read once and then cached. */
const sliceTimeoutMs = 120_000;

export class StoreSlices {
  private readonly prefix;
  private readonly rcp;

  /** `base` and `ontologyNamespace` are the build's; `graphs` its named graphs in the store. */
  constructor(private readonly client: SparqlStoreClient, readonly graphs: readonly string[], base: string, ontologyNamespace: string) {
    this.prefix = literal(`${base}graph/`);
    this.rcp = (local: string) => namedNode(ontologyNamespace + local);
  }

  /** The named graphs of the build found in the store (a scan of the whole store: slow on a large one). */
  static async graphsIn(client: SparqlStoreClient, base: string): Promise<string[]> {
    const { rows } = await client.select(substituteTerms(graphsTemplate, { prefix: literal(`${base}graph/`) }), sliceTimeoutMs);
    return rows.map((row) => row.g.value).sort();
  }

  /** The IRI that replaced a renamed or merged entity, if any. */
  async replacement(iri: string): Promise<string | undefined> {
    const { rows } = await this.client.select(substituteTerms(replacementTemplate, { entity: namedNode(iri), prefix: this.prefix }), sliceTimeoutMs);
    return rows.map((row) => row.replacement.value).sort()[0];
  }

  /** The source texts' types, titles, languages and reliability, in the default graph. */
  async sourceTexts(): Promise<Store> {
    const sourceText = this.rcp('SourceText');
    const { rows } = await this.client.select(substituteTerms(sourceTextsTemplate, { sourceText, reliability: this.rcp('reliability'), prefix: this.prefix }), sliceTimeoutMs);
    const store = new Store();
    for (const row of rows) {
      const text = namedNode(row.text.value);
      store.addQuad(quad(text, rdf('type'), sourceText, defaultGraph()));
      store.addQuad(quadOf({ s: text, p: row.p, o: row.o }, defaultGraph()));
    }
    return store;
  }

  /** The statements of the given relations (local names): their subject, object, predicate, source and dates, in the default graph. */
  async relations(relations: readonly string[]): Promise<Store> {
    const dates = { date: this.rcp('date'), startDate: this.rcp('startDate'), endDate: this.rcp('endDate') };
    const answers = await Promise.all(relations.map((relation) =>
      this.client.select(substituteTerms(relationTemplate, { relation: this.rcp(relation), prefix: this.prefix, ...dates }), sliceTimeoutMs)));
    return new Store(answers.flatMap(({ rows }) => rows.map((row) => quadOf({ s: row.statement, p: row.p, o: row.o }, defaultGraph()))));
  }

  /** The entity's neighbourhood, each quad in its named graph (the pages read across graphs). */
  async entity(iri: string): Promise<Store> {
    const answers = await Promise.all(entityTemplates.map((template) => this.client.select(substituteTerms(template, { entity: namedNode(iri) }), sliceTimeoutMs)));
    const own = new Set(this.graphs);
    return new Store(answers.flatMap(({ rows }) => rows.filter((row) => own.has(row.g.value)).map((row) => quadOf(row, namedNode(row.g.value)))));
  }

  /** One named graph's quads. */
  async graph(iri: string): Promise<Store> {
    const graph = namedNode(iri);
    if (!this.graphs.includes(iri)) return new Store();
    const { rows } = await this.client.select(substituteTerms(graphTemplate, { graph }), sliceTimeoutMs);
    return new Store(rows.map((row) => quadOf(row, graph)));
  }
}

/** A row of ?s ?p ?o as a quad in `graph`. */
function quadOf(row: TermRow, graph: Quad['graph']): Quad {
  const { s, p, o } = row;
  if (s.termType !== 'NamedNode' && s.termType !== 'BlankNode') throw new Error(`the store answered a ${s.termType} as a subject`);
  if (o.termType !== 'NamedNode' && o.termType !== 'BlankNode' && o.termType !== 'Literal') throw new Error(`the store answered a ${o.termType} as an object`);
  return quad(s, namedNode(p.value), o, graph);
}
