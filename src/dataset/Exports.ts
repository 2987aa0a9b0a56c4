/**
 * The exports the build writes beside the RDF dumps, for tools that do not read RDF: the Web Annotation
 * collection, the network (GraphML, GEXF) and the tables (CSV). One list says each export's file, its
 * name on the command line, its media type and how it is written; the build, the server, the DCAT
 * description and the CLI all read it.
 */
import type { Writable } from 'node:stream';
import type { EntityEntry, GraphContents } from './GraphContents.ts';
import { gexfEdges, gexfEnvelope, gexfMediaType, graphMlEdges, graphMlEnvelope, graphMlMediaType, networkNodes } from './NetworkFormats.ts';
import { PartedFile } from './PartedFile.ts';
import { csvMediaType, englishLabels, entitiesCsv, statementsCsvHeader, statementsCsvRows } from './TableFormats.ts';
import { annotationCollectionEnvelope, annotationCollectionLabel, annotationItems, annotationItemSeparator, annotationMediaType } from './WebAnnotationCollection.ts';

/** What every part of an export is written against: the entities (all in the frame), the base IRI, the version. */
export interface ExportFrame {
  readonly entities: readonly EntityEntry[];
  readonly nodes: ReadonlySet<string>;
  readonly labels: ReadonlyMap<string, string>;
  readonly base: string;
  readonly version: string;
}

export function exportFrame(entities: readonly EntityEntry[], base: string, version: string): ExportFrame {
  return { entities, nodes: networkNodes(entities), labels: englishLabels(entities), base, version };
}

/** How many of each the parts held: known when the last part is written. */
export interface ExportTotals { readonly annotations: number }

/** What goes around an export's parts. */
export interface ExportEnvelope { readonly head: string; readonly tail: string }

export interface DatasetExport {
  /** The file in the build, and its path under the base IRI. */
  readonly file: string;
  /** The name `npm run cli -- export NAME` knows it by. */
  readonly name: string;
  readonly mediaType: string;
  /** The specification the file follows, for DCAT's dcterms:conformsTo. */
  readonly conformsTo: string;
  readonly title: string;
  /** What starts every item of a part; the first item of the whole export leaves it out. */
  readonly separator: string;
  /** One graph's part of the export (its statements or annotations, in their order, each after the separator), '' if none. */
  readonly part: (contents: GraphContents, frame: ExportFrame) => string;
  /** What goes around the parts. */
  readonly envelope: (frame: ExportFrame, totals: ExportTotals) => ExportEnvelope;
}

const networkDescription = 'Entities of the RCP factions knowledge graph as nodes, the statements of its source texts as edges';
const annotationsId = (base: string) => `${base}annotations.jsonld`;

export const datasetExports: readonly DatasetExport[] = [
  { file: 'annotations.jsonld', name: 'annotations', mediaType: annotationMediaType, conformsTo: 'http://www.w3.org/TR/annotation-model/', title: 'Web Annotations: every mention and every statement\'s passage',
    separator: annotationItemSeparator,
    part: ({ annotations }) => annotationItems(annotations, annotationItemSeparator),
    envelope: ({ base }, { annotations }) => annotationCollectionEnvelope(annotations, annotationsId(base), annotationCollectionLabel) },
  { file: 'graph.graphml', name: 'graphml', mediaType: graphMlMediaType, conformsTo: 'http://graphml.graphdrawing.org/xmlns', title: 'The network of entities and statements (GraphML)',
    separator: '',
    part: ({ statements }, { nodes }) => graphMlEdges(statements, nodes),
    envelope: ({ entities }) => graphMlEnvelope(entities, networkDescription) },
  { file: 'graph.gexf', name: 'gexf', mediaType: gexfMediaType, conformsTo: 'http://www.gexf.net/1.2draft', title: 'The network of entities and statements, dated for a timeline (GEXF)',
    separator: '',
    part: ({ statements }, { nodes }) => gexfEdges(statements, nodes),
    envelope: ({ entities, version }) => gexfEnvelope(entities, networkDescription, version) },
  { file: 'entities.csv', name: 'entities-csv', mediaType: `${csvMediaType}; header=present`, conformsTo: 'https://www.rfc-editor.org/rfc/rfc4180', title: 'The entities (CSV)',
    separator: '',
    part: () => '',
    envelope: ({ entities }) => ({ head: entitiesCsv({ entities }), tail: '' }) },
  { file: 'statements.csv', name: 'statements-csv', mediaType: `${csvMediaType}; header=present`, conformsTo: 'https://www.rfc-editor.org/rfc/rfc4180', title: 'The statements with source, quote, certainty and dates (CSV)',
    separator: '',
    part: ({ statements }, { labels }) => statementsCsvRows(statements, labels),
    envelope: () => ({ head: statementsCsvHeader(), tail: '' }) },
];

/**
 * The exports of a build being written, a graph at a time. A graph's statements and annotations all
 * come from one text, and the exports list them by text (the text's IRI), then by place in it: each
 * graph's part is set aside under its text's IRI and the parts are put in order at the end
 * (PartedFile), so memory holds the entities, never the statements or annotations.
 */
export class ExportsWriter {
  readonly #files: ReadonlyMap<DatasetExport, PartedFile>;
  #annotations = 0;

  /** `spillPath(file)`: where an export's parts wait until it is finished. */
  constructor(private readonly frame: ExportFrame, spillPath: (file: string) => string) {
    this.#files = new Map(datasetExports.map((e) => [e, new PartedFile(spillPath(e.file))]));
  }

  /** Sets aside one graph's part of every export. */
  add(contents: GraphContents): void {
    const key = partKey(contents);
    if (key === undefined) return;
    this.#annotations += contents.annotations.length;
    for (const [exported, file] of this.#files) file.add(key, exported.part(contents, this.frame));
  }

  /** Writes each export whole, into the stream `open` gives for its file. */
  async finish(open: (file: string) => Writable): Promise<void> {
    for (const [exported, file] of this.#files) {
      const { head, tail } = exported.envelope(this.frame, { annotations: this.#annotations });
      const target = open(exported.file);
      await file.finish(target, head, tail, exported.separator);
      target.end();
    }
  }

  abandon(): void { for (const file of this.#files.values()) file.abandon(); }
}

/** The text a graph's statements and annotations come from, which orders its part; undefined if it has none. */
function partKey({ statements, annotations }: GraphContents): string | undefined {
  const sources = new Set([...statements.map((s) => s.sourceText), ...annotations.map((a) => a.source)]);
  if (sources.size > 1) throw new Error(`one graph's statements and annotations come from several texts (${[...sources].slice(0, 3).join(', ')}): the exports cannot order them`);
  return [...sources][0];
}
