/**
 * The exports the build writes beside the RDF dumps, for tools that do not read RDF: the Web Annotation
 * collection, the network (GraphML, GEXF) and the tables (CSV). One list says each export's file, its
 * name on the command line, its media type and how it is written; the build, the server, the DCAT
 * description and the CLI all read it.
 */
import type { GraphContents } from './GraphContents.ts';
import { gexfMediaType, graphMlMediaType, toGexf, toGraphMl } from './NetworkFormats.ts';
import { csvMediaType, entitiesCsv, statementsCsv } from './TableFormats.ts';
import { annotationCollectionLabel, annotationMediaType, wholeAnnotationCollectionJson } from './WebAnnotationCollection.ts';

export interface ExportContext {
  readonly contents: GraphContents;
  readonly base: string;
  readonly version: string;
}

export interface DatasetExport {
  /** The file in the build, and its path under the base IRI. */
  readonly file: string;
  /** The name `npm run cli -- export NAME` knows it by. */
  readonly name: string;
  readonly mediaType: string;
  /** The specification the file follows, for DCAT's dcterms:conformsTo. */
  readonly conformsTo: string;
  readonly title: string;
  readonly write: (context: ExportContext) => ExportText;
}

/** An export's text: whole, or in pieces where a large corpus's would be longer than one string can be. */
export type ExportText = string | Generator<string>;

const networkDescription = 'Entities of the RCP factions knowledge graph as nodes, the statements of its source texts as edges';

export const datasetExports: readonly DatasetExport[] = [
  { file: 'annotations.jsonld', name: 'annotations', mediaType: annotationMediaType, conformsTo: 'http://www.w3.org/TR/annotation-model/', title: 'Web Annotations: every mention and every statement\'s passage',
    write: ({ contents, base }) => wholeAnnotationCollectionJson(contents.annotations, `${base}annotations.jsonld`, annotationCollectionLabel) },
  { file: 'graph.graphml', name: 'graphml', mediaType: graphMlMediaType, conformsTo: 'http://graphml.graphdrawing.org/xmlns', title: 'The network of entities and statements (GraphML)',
    write: ({ contents }) => toGraphMl(contents, networkDescription) },
  { file: 'graph.gexf', name: 'gexf', mediaType: gexfMediaType, conformsTo: 'http://www.gexf.net/1.2draft', title: 'The network of entities and statements, dated for a timeline (GEXF)',
    write: ({ contents, version }) => toGexf(contents, networkDescription, version) },
  { file: 'entities.csv', name: 'entities-csv', mediaType: `${csvMediaType}; header=present`, conformsTo: 'https://www.rfc-editor.org/rfc/rfc4180', title: 'The entities (CSV)',
    write: ({ contents }) => entitiesCsv(contents) },
  { file: 'statements.csv', name: 'statements-csv', mediaType: `${csvMediaType}; header=present`, conformsTo: 'https://www.rfc-editor.org/rfc/rfc4180', title: 'The statements with source, quote, certainty and dates (CSV)',
    write: ({ contents }) => statementsCsv(contents) },
];

/** Every export of a build, written from what its graphs hold. */
export function writeExports(context: ExportContext): Map<string, ExportText> {
  return new Map(datasetExports.map((e) => [e.file, e.write(context)]));
}
