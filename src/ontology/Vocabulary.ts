/**
 * The IRIs of the vocabularies the graph uses, and the IRIs of our own resources under a base IRI.
 * Every IRI the project mints is made here, so the URL layout lives in one place.
 */
import { DataFactory } from 'n3';
import type { NamedNode } from '@rdfjs/types';
import type { EntityType } from '../annotation/Registry.ts';

const { namedNode } = DataFactory;

function namespace(base: string) {
  return (local: string): NamedNode => namedNode(base + local);
}

export const prefixes = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  schema: 'http://schema.org/',
  org: 'http://www.w3.org/ns/org#',
  dcterms: 'http://purl.org/dc/terms/',
  dcmitype: 'http://purl.org/dc/dcmitype/',
  prov: 'http://www.w3.org/ns/prov#',
  oa: 'http://www.w3.org/ns/oa#',
  void: 'http://rdfs.org/ns/void#',
  dcat: 'http://www.w3.org/ns/dcat#',
  sd: 'http://www.w3.org/ns/sparql-service-description#',
  sh: 'http://www.w3.org/ns/shacl#',
} as const;

export const rdf = namespace(prefixes.rdf);
export const rdfs = namespace(prefixes.rdfs);
export const owl = namespace(prefixes.owl);
export const xsd = namespace(prefixes.xsd);
export const skos = namespace(prefixes.skos);
export const schema = namespace(prefixes.schema);
export const org = namespace(prefixes.org);
export const dcterms = namespace(prefixes.dcterms);
export const prov = namespace(prefixes.prov);
export const oa = namespace(prefixes.oa);
export const voidNs = namespace(prefixes.void);
export const dcat = namespace(prefixes.dcat);
export const sd = namespace(prefixes.sd);

/** Our own IRIs, all under one base (the server's BASE_IRI, ending in '/'). */
export class Iris {
  readonly ontologyNamespace: string;
  readonly rcp: (local: string) => NamedNode;

  constructor(readonly base: string) {
    if (!/^https?:\/\/[^\s]+\/$/.test(base)) throw new Error(`the base IRI must be an http(s) IRI ending in '/', not '${base}'`);
    this.ontologyNamespace = `${base}ontology#`;
    this.rcp = namespace(this.ontologyNamespace);
  }

  ontology(): NamedNode { return namedNode(`${this.base}ontology`); }
  entity(type: EntityType, id: string): NamedNode { return namedNode(`${this.base}id/${type.toLowerCase()}/${id}`); }
  text(textId: string): NamedNode { return namedNode(`${this.base}text/${textId}`); }
  /** A resource described on a text's page, reached by a fragment: its statements, annotations, selectors. */
  inText(textId: string, fragment: string): NamedNode { return namedNode(`${this.base}text/${textId}#${fragment}`); }
  textGraph(textId: string): NamedNode { return namedNode(`${this.base}graph/${textId}`); }
  registryGraph(): NamedNode { return namedNode(`${this.base}graph/registry`); }
  curatedGraph(): NamedNode { return namedNode(`${this.base}graph/curated`); }
  ontologyGraph(): NamedNode { return namedNode(`${this.base}graph/ontology`); }
  dataset(): NamedNode { return namedNode(`${this.base}.well-known/void#dataset`); }
}
