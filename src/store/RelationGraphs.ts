/**
 * The relations of the graph as nodes and edges for the visualisations: the genealogy of factions
 * (splits, mergers, successor groups) and the network of persons and factions (membership, leadership,
 * criticism, opposition, support, alliance), each edge with its year where a text dates it.
 */
import { DataFactory, type Store } from 'n3';
import { prov, rdf } from '../ontology/Vocabulary.ts';

export interface GraphNode { readonly id: string; readonly label: string; readonly type: string; readonly href: string }
export interface GraphEdge { readonly id: string; readonly source: string; readonly target: string; readonly relation: string; readonly label: string; readonly year?: number; readonly sourceText: string }
export interface RelationGraph { readonly nodes: GraphNode[]; readonly edges: GraphEdge[]; readonly relations: { name: string; label: string }[]; readonly years: [number, number] }

export const genealogyRelations = ['splitFrom', 'mergedInto', 'successorOf'];
export const networkRelations = ['memberOf', 'leaderOf', 'criticised', 'opposed', 'supported', 'allianceWith', 'splitFrom', 'mergedInto', 'successorOf'];

export function relationGraph(store: Store, base: string, ontologyNamespace: string, relations: readonly string[], types: readonly string[], language: 'en' | 'ru'): RelationGraph {
  const g = null; // any graph: the getters below give each term once
  const named = DataFactory.namedNode;
  const typeOf = new Map<string, string>();
  for (const type of types) for (const s of store.getSubjects(rdf('type'), named(ontologyNamespace + type), g)) typeOf.set(s.value, type);
  const label = (iri: string) => {
    const labels = store.getObjects(named(iri), named('http://www.w3.org/2000/01/rdf-schema#label'), g);
    return (labels.find((l) => (l as { language: string }).language === language) ?? labels[0])?.value ?? iri;
  };
  const root = new URL(base).pathname;
  const edges: GraphEdge[] = [];
  const used = new Set<string>();
  for (const relation of relations) {
    const predicate = named(ontologyNamespace + relation);
    const relationLabel = label(predicate.value);
    for (const statement of store.getSubjects(rdf('predicate'), predicate, g)) {
      const subject = store.getObjects(statement, rdf('subject'), g)[0]?.value;
      const object = store.getObjects(statement, rdf('object'), g)[0]?.value;
      if (!subject || !object || !typeOf.has(subject) || !typeOf.has(object)) continue;
      const date = ['date', 'startDate', 'endDate'].map((p) => store.getObjects(statement, named(ontologyNamespace + p), g)[0]?.value).find(Boolean);
      edges.push({
        id: statement.value, source: subject, target: object, relation, label: relationLabel,
        ...(date && { year: Number(date.slice(0, 4)) }),
        sourceText: store.getObjects(statement, prov('wasDerivedFrom'), g)[0]?.value ?? '',
      });
      used.add(subject);
      used.add(object);
    }
  }
  const years = edges.map((e) => e.year).filter((y): y is number => y !== undefined);
  return {
    nodes: [...used].sort().map((iri) => ({ id: iri, label: label(iri), type: typeOf.get(iri)!, href: iri.startsWith(base) ? root + iri.slice(base.length) : iri })),
    edges: edges.sort((a, b) => a.id.localeCompare(b.id)),
    relations: relations.map((name) => ({ name, label: label(ontologyNamespace + name) })),
    years: years.length ? [Math.min(...years), Math.max(...years)] : [1918, 1933],
  };
}
