/**
 * Serialisations of quads into the formats the project publishes: N-Quads, TriG, Turtle, N-Triples
 * (with N3.js), JSON-LD (with jsonld, compacted against our own context) and RDF/XML (with rdflib,
 * since N3.js writes none). Quads are put into one canonical order first, so the same data gives the
 * same bytes.
 */
import { DataFactory, Writer } from 'n3';
import { JsonLdSerializer } from 'jsonld-streaming-serializer';
import * as rdflib from 'rdflib';
import type { Quad, Term } from '@rdfjs/types';
import { prefixes } from '../ontology/Vocabulary.ts';

export type JsonLdDocument = Record<string, unknown>;
type JsonLdContext = ConstructorParameters<typeof JsonLdSerializer>[0] extends infer O ? O extends { context?: infer C } ? C : never : never;

const termKey = (t: Term): string => (t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `${t.termType}:${t.value}`);

/** Deduplicated and sorted by graph, subject, predicate, object. */
export function canonicalQuads(quads: Iterable<Quad>): Quad[] {
  const unique = new Map<string, Quad>();
  for (const q of quads) unique.set(`${termKey(q.graph)} ${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`, q);
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, q]) => q);
}

/** The triples of all graphs, merged into the default graph. */
export function unionOf(quads: Iterable<Quad>): Quad[] {
  const triples: Quad[] = [];
  for (const q of quads) triples.push(DataFactory.quad(q.subject, q.predicate, q.object));
  return canonicalQuads(triples);
}

export type WriterFormat = 'N-Quads' | 'N-Triples' | 'Turtle' | 'TriG';

export function writeRdf(quads: readonly Quad[], format: WriterFormat, withPrefixes: Record<string, string> = {}): Promise<string> {
  const line = format === 'N-Quads' || format === 'N-Triples';
  const writer = new Writer({ format, ...(line ? {} : { prefixes: withPrefixes }) });
  writer.addQuads(quads as Quad[]);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

export function ourPrefixes(ontologyNamespace: string, base: string): Record<string, string> {
  return { rcp: ontologyNamespace, person: `${base}id/person/`, faction: `${base}id/faction/`, document: `${base}id/document/`,
    position: `${base}id/position/`, event: `${base}id/event/`, place: `${base}id/place/`, ...prefixes };
}

/** Our JSON-LD context: the prefixes, and the ontology's relations as terms whose values are IRIs. */
export function jsonLdContext(ontologyNamespace: string, base: string, relations: Iterable<string>): JsonLdDocument {
  const context: Record<string, unknown> = { ...ourPrefixes(ontologyNamespace, base) };
  for (const relation of relations) context[relation] = { '@id': `rcp:${relation}`, '@type': '@id' };
  Object.assign(context, {
    label: { '@id': 'rdfs:label', '@container': '@language' },
    altLabel: { '@id': 'skos:altLabel', '@container': '@language' },
    description: { '@id': 'schema:description', '@container': '@language' },
  });
  return { '@context': context };
}

/**
 * JSON-LD with our context given inline (no context is ever fetched), IRIs compacted against it.
 * Written by jsonld-streaming-serializer, which is linear in the quads; jsonld.js's fromRDF + compact
 * took 17 s for 20,000 quads here (see README, "Choices made by measurement").
 */
export function toJsonLd(quads: readonly Quad[], context: JsonLdDocument, space?: string): Promise<string> {
  const serializer = new JsonLdSerializer({ context: context['@context'] as JsonLdContext, ...(space && { space }) });
  const chunks: string[] = [];
  return new Promise((resolve, reject) => {
    serializer.on('data', (chunk: string | Buffer) => chunks.push(String(chunk)));
    serializer.on('error', reject);
    serializer.on('end', () => resolve(chunks.join('')));
    for (const q of quads) serializer.write(q);
    serializer.end();
  });
}

/**
 * RDF/XML of the triples (graphs are dropped: RDF/XML has none), through rdflib.
 * rdflib nests a blank node with one incoming arc as `rdf:parseType="Resource"` holding a typed node
 * element, which is not valid RDF/XML (Python's rdflib rejects it); so every blank node is written as a
 * top-level node with an `rdf:nodeID` instead.
 */
export function toRdfXml(triples: readonly Quad[], base: string): string {
  const graph = rdflib.graph();
  const convert = (t: Term) => {
    switch (t.termType) {
      case 'NamedNode': return rdflib.sym(t.value);
      case 'BlankNode': return rdflib.blankNode(t.value);
      case 'Literal': return t.language ? rdflib.lit(t.value, t.language) : rdflib.lit(t.value, undefined, rdflib.sym(t.datatype.value));
      default: throw new Error(`RDF/XML cannot hold a ${t.termType} here`);
    }
  };
  for (const t of triples) {
    graph.add(convert(t.subject) as rdflib.NamedNode, convert(t.predicate) as rdflib.NamedNode, convert(t.object) as rdflib.NamedNode);
  }
  const serializer = rdflib.Serializer(graph);
  serializer.setBase(base);
  serializer.setFlags('r'); // absolute IRIs, as the other formats write them
  type Stats = ReturnType<typeof serializer.rootSubjects>;
  const rootSubjects = serializer.rootSubjects.bind(serializer);
  serializer.rootSubjects = (statements: unknown): Stats => {
    const stats = rootSubjects(statements) as Stats & { incoming: Record<string, unknown[]>; roots: { termType: string }[]; subjects: Record<string, unknown> };
    for (const [key, arcs] of Object.entries(stats.incoming)) if (key.startsWith('_:') && arcs.length === 1) arcs.push(arcs[0]);
    for (const key of Object.keys(stats.subjects)) {
      const node = serializer.fromStr(key) as { termType: string; equals: (o: unknown) => boolean };
      if (node.termType === 'BlankNode' && !stats.roots.some((r) => node.equals(r))) stats.roots.push(node);
    }
    return stats;
  };
  return serializer.statementsToXML(graph.statementsMatching(null, null, null, null));
}
