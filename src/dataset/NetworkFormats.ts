/**
 * The graph as a network for Gephi, Cytoscape, NetworkX and the like: nodes are the entities (id = IRI,
 * labels in English and Russian, class), edges are the statements (id = the rcp:Statement IRI, with
 * relation, source text, quote, certainty and dates). Written as GraphML and as GEXF 1.2 through @xmldom/xmldom (XmlTree.ts),
 * which does the XML escaping. The GEXF graph is dynamic: a membership or alliance lasts from its start
 * to its end, a dated event for the period its date names, so Gephi's timeline can play the graph.
 */
import { xmlFragment, xmlTree, type XmlElement } from './XmlTree.ts';
import type { EntityEntry, GraphContents, StatedRelation } from './GraphContents.ts';

export const graphMlMediaType = 'application/graphml+xml';
export const gexfMediaType = 'application/gexf+xml';

/** One column of the network's node or edge table (all are strings): its name and how to read it. */
interface Column<T> { readonly name: string; readonly value: (item: T) => string | undefined }

const nodeColumns: readonly Column<EntityEntry>[] = [
  { name: 'label', value: (e) => e.label.en },
  { name: 'label_ru', value: (e) => e.label.ru },
  { name: 'class', value: (e) => e.type },
];

const edgeColumns: readonly Column<StatedRelation>[] = [
  { name: 'relation', value: (s) => s.relation },
  { name: 'source_text', value: (s) => s.sourceText },
  { name: 'source_title', value: (s) => s.sourceTitle.en },
  { name: 'quote', value: (s) => s.passage.exact },
  { name: 'certainty', value: (s) => s.certainty },
  { name: 'date', value: (s) => s.date },
  { name: 'from', value: (s) => s.from },
  { name: 'to', value: (s) => s.to },
  { name: 'calendar', value: (s) => s.calendar },
  { name: 'note', value: (s) => s.note },
];

/**
 * The time a statement covers, as whole days for GEXF's `timeformat="date"`: from the first day of its
 * start (or of its date) to the last day of its end (or of its date), at the precision the text gives.
 * A text's Old Style dates are kept as stated (the `calendar` column says so), never converted.
 */
export function timeInterval(s: StatedRelation): { readonly start?: string; readonly end?: string } {
  const start = s.from ?? s.date;
  const end = s.to ?? s.date;
  return { ...(start && { start: firstDay(start) }), ...(end && { end: lastDay(end) }) };
}

function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number);
    return `${date}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return date;
}

/** The network's nodes: the entities, by IRI. */
export function networkNodes(entities: readonly EntityEntry[]): ReadonlySet<string> {
  return new Set(entities.map((e) => e.iri));
}

/** Statements whose subject and object are both entities of the network (always so in a checked build). */
function edgesOf(statements: readonly StatedRelation[], nodes: ReadonlySet<string>): StatedRelation[] {
  return statements.filter((s) => nodes.has(s.subject) && nodes.has(s.object));
}

/** Writes a column's value, if it has one, as GraphML's `data` element. */
function graphMlData<T>(element: XmlElement, columns: readonly Column<T>[], domain: string, item: T): void {
  for (const c of columns) {
    const v = c.value(item);
    if (v !== undefined && v !== '') element.ele('data', { key: `${domain}_${c.name}` }).txt(v);
  }
}

/** The GraphML document around its edges: the keys and the nodes. */
export function graphMlEnvelope(entities: readonly EntityEntry[], description: string): { head: string; tail: string } {
  const tree = xmlTree('http://graphml.graphdrawing.org/xmlns', 'graphml', 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd');
  const root = tree.root;
  root.com(` ${description} `);
  const keys = (columns: readonly Column<never>[], domain: 'node' | 'edge') => {
    for (const c of columns) root.ele('key', { id: `${domain}_${c.name}`, for: domain, 'attr.name': c.name, 'attr.type': 'string' });
  };
  keys(nodeColumns, 'node');
  keys(edgeColumns, 'edge');
  const graph = root.ele('graph', { id: 'rcp-factions', edgedefault: 'directed' });
  for (const e of entities) graphMlData(graph.ele('node', { id: e.iri }), nodeColumns, 'node', e);
  graph.markParts();
  return tree.envelope();
}

/** GraphML edges of some statements, to go inside the envelope. */
export function graphMlEdges(statements: readonly StatedRelation[], nodes: ReadonlySet<string>): string {
  return xmlFragment((parent) => {
    for (const s of edgesOf(statements, nodes)) graphMlData(parent.ele('edge', { id: s.iri, source: s.subject, target: s.object }), edgeColumns, 'edge', s);
  });
}

export function toGraphMl(contents: GraphContents, description: string): string {
  const { head, tail } = graphMlEnvelope(contents.entities, description);
  return head + graphMlEdges(contents.statements, networkNodes(contents.entities)) + tail;
}

const gexfNodeColumns = nodeColumns.filter((c) => c.name !== 'label');

/**
 * GEXF holds values in XML attributes, where every XML reader turns a line break into a space; the
 * file says so itself rather than leave it to the reader (GraphML and CSV keep the breaks).
 */
function gexfValues<T>(element: XmlElement, columns: readonly Column<T>[], domain: string, item: T): void {
  const attvalues = element.ele('attvalues');
  columns.forEach((c, i) => {
    const v = c.value(item);
    if (v !== undefined && v !== '') attvalues.ele('attvalue', { for: `${domain[0]}${i}`, value: v.replace(/\r?\n/g, ' ') });
  });
}

/** The GEXF document around its edges: the attributes' declarations and the nodes. */
export function gexfEnvelope(entities: readonly EntityEntry[], description: string, version: string): { head: string; tail: string } {
  const tree = xmlTree('http://www.gexf.net/1.2draft', 'gexf', 'http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd', { version: '1.2' });
  const root = tree.root;
  const meta = root.ele('meta');
  meta.ele('creator').txt('rcp-factions-graph');
  meta.ele('description').txt(`${description} (dataset version ${version})`);
  const graph = root.ele('graph', { mode: 'dynamic', defaultedgetype: 'directed', timeformat: 'date' });
  const declare = (columns: readonly Column<never>[], domain: 'node' | 'edge') => {
    const attributes = graph.ele('attributes', { class: domain, mode: 'static' });
    columns.forEach((c, i) => attributes.ele('attribute', { id: `${domain[0]}${i}`, title: c.name, type: 'string' }));
  };
  declare(gexfNodeColumns, 'node');
  declare(edgeColumns, 'edge');
  const nodes = graph.ele('nodes');
  for (const e of entities) gexfValues(nodes.ele('node', { id: e.iri, label: e.label.en }), gexfNodeColumns, 'node', e);
  graph.ele('edges').markParts();
  return tree.envelope();
}

/** GEXF edges of some statements, to go inside the envelope. */
export function gexfEdges(statements: readonly StatedRelation[], nodes: ReadonlySet<string>): string {
  return xmlFragment((parent) => {
    for (const s of edgesOf(statements, nodes)) {
      gexfValues(parent.ele('edge', { id: s.iri, source: s.subject, target: s.object, label: s.relation, ...timeInterval(s) }), edgeColumns, 'edge', s);
    }
  });
}

export function toGexf(contents: GraphContents, description: string, version: string): string {
  const { head, tail } = gexfEnvelope(contents.entities, description, version);
  return head + gexfEdges(contents.statements, networkNodes(contents.entities)) + tail;
}
