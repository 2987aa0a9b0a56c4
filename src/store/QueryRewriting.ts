/**
 * Rewriting parsed SPARQL queries as data, never as text: a template's variables replaced by RDF terms,
 * and a query's dataset confined to given graphs. The sparqljs generator writes the result: it escapes
 * literals, but writes IRIs as they are, so an IRI that SPARQL cannot hold is refused here.
 */
import { DataFactory } from 'n3';
import sparqljs from 'sparqljs';
import type { Term } from '@rdfjs/types';
import type { Query } from 'sparqljs';

/** Parses a query the server wrote itself (a template here, or an admitted query's text); never an update. */
export function parseQuery(text: string): Query {
  const parsed = new sparqljs.Parser().parse(text);
  if (parsed.type !== 'query') throw new Error('expected a query, not an update');
  return parsed;
}

export function writeQuery(query: Query): string {
  return new sparqljs.Generator().stringify(query);
}

/** The query with each variable named in `terms` replaced by its term, everywhere it occurs. */
export function substituteTerms(query: Query, terms: Readonly<Record<string, Term>>): Query {
  return substitute(query, terms) as Query;
}

function substitute(node: unknown, terms: Readonly<Record<string, Term>>): unknown {
  if (Array.isArray(node)) return node.map((item) => substitute(item, terms));
  if (typeof node !== 'object' || node === null) return node;
  const term = node as Partial<Term>;
  if (term.termType === 'Variable' && typeof term.value === 'string' && Object.hasOwn(terms, term.value)) return checked(terms[term.value]);
  if (term.termType !== undefined) return node; // any other RDF term is a leaf
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, substitute(value, terms)]));
}

// SPARQL's IRIREF excludes these characters; the generator would write them unescaped.
const notInIri = /[\u0000-\u0020<>"{}|^`\\]/;

function checked(term: Term): Term {
  if (term.termType === 'NamedNode' && notInIri.test(term.value)) throw new Error(`'${term.value}' cannot be written as an IRI in a query`);
  return term;
}

/**
 * Confines a query that names no dataset (no FROM, no FROM NAMED) to the given graphs: its default graph
 * becomes their merge and GRAPH ranges over them. So a store's own graphs (Virtuoso's system graphs) and
 * its choice of default graph never show through, whatever store it is.
 */
export function confineToGraphs(query: Query, graphs: readonly string[]): Query {
  if (query.from?.default.length || query.from?.named.length) return query;
  const iris = graphs.map((iri) => DataFactory.namedNode(iri));
  return { ...query, from: { default: iris, named: iris } };
}
