/**
 * The dataset in an external SPARQL store, read a slice at a time into small N3.js stores, so that the
 * code written for the embedded store (the entity describer, the source-text reader, the relation
 * graphs) runs unchanged over them and the server never holds the whole dataset:
 * - the index: the few predicates the lists, search, browse pages and visualisations need (types,
 *   labels, name variants, statements' subject, predicate, object, dates and source, mentions' bodies);
 * - an entity's neighbourhood: what EntityDescriber reads for one entity, with its graphs;
 * - one named graph, for the source reader and /graph/{id}.
 * Every query is a template in this file with its parameters put in as terms (QueryRewriting). Only
 * quads of the dataset's own graphs are kept: the index query is confined to them by FROM NAMED, the
 * others start from our IRIs and their rows are filtered here (a FROM NAMED list of every graph made
 * Virtuoso ten times slower on them).
 */
import { DataFactory, Store } from 'n3';
import type { NamedNode, Quad } from '@rdfjs/types';
import { prefixes } from '../ontology/Vocabulary.ts';
import { confineToGraphs, parseQuery, substituteTerms } from './QueryRewriting.ts';
import type { SparqlStoreClient, TermRow } from './SparqlStoreClient.ts';

const { namedNode, literal, quad, defaultGraph } = DataFactory;

const prologue = `PREFIX rdf: <${prefixes.rdf}> PREFIX rdfs: <${prefixes.rdfs}> PREFIX skos: <${prefixes.skos}> PREFIX schema: <${prefixes.schema}>
PREFIX dcterms: <${prefixes.dcterms}> PREFIX prov: <${prefixes.prov}> PREFIX oa: <${prefixes.oa}>`;

/** The named graphs whose IRI starts with ?prefix (the build's graphs are all under {base}graph/). */
const graphsTemplate = parseQuery(`SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?prefix)) }`);

const indexTemplate = parseQuery(`${prologue}
CONSTRUCT { ?s ?p ?o } WHERE {
  ?s ?p ?o
  FILTER(?p IN (rdf:type, rdfs:label, skos:altLabel, schema:description, dcterms:isReplacedBy, rdf:subject, rdf:predicate, rdf:object,
                prov:wasDerivedFrom, ?date, ?startDate, ?endDate, ?reliability, dcterms:title, dcterms:language, oa:hasBody))
}`);

/**
 * Every quad EntityDescriber.describe reads: the entity's own, those pointing to it, its statement
 * nodes with their annotations, targets and selectors, and the labels of its neighbours. One query per
 * part, sent together: simple patterns each store plans well (one UNION of them all took Virtuoso
 * seconds, and with BIND it failed to compile).
 */
const entityTemplates = [
  'GRAPH ?g { ?s ?p ?o } FILTER(?s = ?entity)',
  'GRAPH ?g { ?s ?p ?o } FILTER(?o = ?entity)',
  'GRAPH ?g1 { ?s rdf:subject|rdf:object ?entity } GRAPH ?g { ?s ?p ?o }',
  'GRAPH ?g1 { ?statement rdf:subject|rdf:object ?entity . ?s oa:hasBody ?statement } GRAPH ?g { ?s ?p ?o }',
  'GRAPH ?g1 { ?statement rdf:subject|rdf:object ?entity . ?annotation oa:hasBody ?statement ; oa:hasTarget ?s } GRAPH ?g { ?s ?p ?o }',
  'GRAPH ?g1 { ?statement rdf:subject|rdf:object ?entity . ?annotation oa:hasBody ?statement ; oa:hasTarget ?target . ?target oa:hasSelector ?s } GRAPH ?g { ?s ?p ?o }',
  'GRAPH ?g1 { ?entity ?p1 ?s } FILTER(isIRI(?s)) GRAPH ?g { ?s ?p ?o } FILTER(?p = rdfs:label)',
  'GRAPH ?g1 { ?statement rdf:subject|rdf:object ?entity ; rdf:subject|rdf:object|rdf:predicate|prov:wasDerivedFrom ?s } GRAPH ?g { ?s ?p ?o } FILTER(?p = rdfs:label)',
].map((pattern) => parseQuery(`${prologue}\nSELECT DISTINCT ?s ?p ?o ?g WHERE { ${pattern} }`));

const graphTemplate = parseQuery(`SELECT ?s ?p ?o WHERE { GRAPH ?graph { ?s ?p ?o } }`);

/** Internal queries may take longer than a visitor's query: the index is read once, at start-up. */
const sliceTimeoutMs = 120_000;

export class StoreSlices {
  constructor(private readonly client: SparqlStoreClient, readonly graphs: readonly string[]) {}

  /** The named graphs of the build found in the store. */
  static async graphsIn(client: SparqlStoreClient, base: string): Promise<string[]> {
    const { rows } = await client.select(substituteTerms(graphsTemplate, { prefix: literal(`${base}graph/`) }), sliceTimeoutMs);
    return rows.map((row) => row.g.value).sort();
  }

  async index(ontologyNamespace: string): Promise<Store> {
    const rcp = (local: string) => namedNode(ontologyNamespace + local);
    const query = substituteTerms(indexTemplate, { date: rcp('date'), startDate: rcp('startDate'), endDate: rcp('endDate'), reliability: rcp('reliability') });
    return new Store(await this.client.triples(confineToGraphs(query, this.graphs), sliceTimeoutMs));
  }

  /** The entity's neighbourhood, each quad in its named graph and again in the default graph (the union). */
  async entity(iri: string): Promise<Store> {
    const answers = await Promise.all(entityTemplates.map((template) => this.client.select(substituteTerms(template, { entity: namedNode(iri) }), sliceTimeoutMs)));
    const own = new Set(this.graphs);
    return withUnion(answers.flatMap(({ rows }) => rows.filter((row) => own.has(row.g.value)).map((row) => quadOf(row, namedNode(row.g.value)))));
  }

  /** One named graph's quads. */
  async graph(iri: string): Promise<Store> {
    const graph = namedNode(iri);
    if (!this.graphs.includes(iri)) return new Store();
    const { rows } = await this.client.select(substituteTerms(graphTemplate, { graph }), sliceTimeoutMs);
    return withUnion(rows.map((row) => quadOf(row, graph)));
  }
}

/** A row of ?s ?p ?o as a quad in `graph`. */
function quadOf(row: TermRow, graph: NamedNode): Quad {
  const { s, p, o } = row;
  if (s.termType !== 'NamedNode' && s.termType !== 'BlankNode') throw new Error(`the store answered a ${s.termType} as a subject`);
  if (o.termType !== 'NamedNode' && o.termType !== 'BlankNode' && o.termType !== 'Literal') throw new Error(`the store answered a ${o.termType} as an object`);
  return quad(s, namedNode(p.value), o, graph);
}

function withUnion(quads: readonly Quad[]): Store {
  const store = new Store();
  for (const q of quads) {
    store.addQuad(q);
    store.addQuad(quad(q.subject, q.predicate, q.object, defaultGraph()));
  }
  return store;
}
