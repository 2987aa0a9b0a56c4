/**
 * The ontology (`ontology/rcp.ttl`) read as data: its quads under a base IRI, and the signature of each
 * relation an editor may annotate (which entity classes it joins), so that adding a relation to the
 * ontology is all it takes to make it usable in the texts.
 */
import { readFileSync } from 'node:fs';
import { DataFactory, Parser, Store } from 'n3';
import type { BlankNode, Quad, Term } from '@rdfjs/types';
import { entityTypes, type EntityType } from '../annotation/Registry.ts';
import { Iris, owl, rdf, rdfs } from './Vocabulary.ts';

export interface RelationSignature {
  readonly name: string;
  readonly domain: readonly EntityType[];
  readonly range: readonly EntityType[];
  readonly symmetric: boolean;
}

export interface Ontology {
  readonly iris: Iris;
  readonly quads: readonly Quad[];
  readonly relations: ReadonlyMap<string, RelationSignature>;
  /** Direct superclasses of each of our classes, from the alignments (foaf:Person, org:Organization …). */
  readonly alignedClasses: ReadonlyMap<EntityType, readonly Term[]>;
}

export const ontologyFile = new URL('../../ontology/rcp.ttl', import.meta.url);
export const shapesFile = new URL('../../ontology/shapes.ttl', import.meta.url);

/**
 * Parses Turtle against a base IRI. Blank nodes are relabelled in order of appearance: N3.js numbers
 * them with a counter shared by every parse in the process, and the build must give the same bytes
 * however many parses came before it.
 */
export function parseTurtleAt(turtle: string, base: string): Quad[] {
  const labels = new Map<string, BlankNode>();
  const relabel = <T extends Term>(term: T): T | BlankNode => {
    if (term.termType !== 'BlankNode') return term;
    let label = labels.get(term.value);
    if (!label) { label = DataFactory.blankNode(`b${labels.size}`); labels.set(term.value, label); }
    return label;
  };
  return new Parser({ baseIRI: base, format: 'text/turtle' }).parse(turtle)
    .map((q) => DataFactory.quad(relabel(q.subject) as Quad['subject'], q.predicate, relabel(q.object) as Quad['object'], q.graph));
}

export function loadOntology(iris: Iris, turtle = readFileSync(ontologyFile, 'utf8')): Ontology {
  const quads = parseTurtleAt(turtle, iris.base);
  const store = new Store(quads);
  const rcp = iris.ontologyNamespace;
  const typeOf = (term: Term): EntityType | undefined => {
    const local = term.value.startsWith(rcp) ? term.value.slice(rcp.length) : '';
    return (entityTypes as readonly string[]).includes(local) ? (local as EntityType) : undefined;
  };
  const classesOf = (term: Term): (EntityType | undefined)[] => {
    const union = store.getObjects(term, owl('unionOf'), null)[0];
    if (!union) return [typeOf(term)];
    const members: (EntityType | undefined)[] = [];
    for (let node: Term | undefined = union; node && !node.equals(rdf('nil')); node = store.getObjects(node, rdf('rest'), null)[0]) {
      const first = store.getObjects(node, rdf('first'), null)[0];
      if (first) members.push(typeOf(first));
    }
    return members;
  };
  const relations = new Map<string, RelationSignature>();
  for (const property of store.getSubjects(rdf('type'), owl('ObjectProperty'), null)) {
    if (!property.value.startsWith(rcp)) continue;
    const domain = store.getObjects(property, rdfs('domain'), null).flatMap(classesOf);
    const range = store.getObjects(property, rdfs('range'), null).flatMap(classesOf);
    if (!domain.length || !range.length || domain.includes(undefined) || range.includes(undefined)) continue; // not between entities
    relations.set(property.value.slice(rcp.length), {
      name: property.value.slice(rcp.length),
      domain: domain as EntityType[],
      range: range as EntityType[],
      symmetric: store.countQuads(property, rdf('type'), owl('SymmetricProperty'), null) > 0,
    });
  }
  const alignedClasses = new Map<EntityType, Term[]>();
  for (const type of entityTypes) alignedClasses.set(type, store.getObjects(iris.rcp(type), rdfs('subClassOf'), null).filter((t) => t.termType === 'NamedNode'));
  return { iris, quads, relations, alignedClasses };
}
