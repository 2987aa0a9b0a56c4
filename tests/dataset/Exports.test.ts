/**
 * The exports of the build, read back by parsers that did not write them: the Web Annotation
 * collection by jsonld (expanded to RDF with a local copy of the W3C context, nothing fetched), GraphML
 * and GEXF by Debian's NetworkX, the CSV tables by csv-parse and by Python's csv module. The real corpus
 * is built once by the global set-up; the quoting and paging specifics use small made-on-purpose inputs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { datasetExports, exportFrame } from '../../src/dataset/Exports.ts';
import { readGraphContents, type GraphContents, type StatedRelation, type TextAnnotation } from '../../src/dataset/GraphContents.ts';
import { timeInterval, toGexf, toGraphMl } from '../../src/dataset/NetworkFormats.ts';
import { statementColumns, statementsCsv } from '../../src/dataset/TableFormats.ts';
import { annotationCollection, annotationCollectionEnvelope, annotationItems, annotationPage, webAnnotation, wholeAnnotationCollection, type CollectionLayout } from '../../src/dataset/WebAnnotationCollection.ts';
import { readManifest } from '../../src/store/DatasetStore.ts';
import { builtDataset, id, rcp, text } from '../support/dataset.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';

const annoContext = JSON.parse(readFileSync(new URL('../support/anno.jsonld', import.meta.url), 'utf8')) as object;

/** jsonld's document loader with the W3C context from disk; any other URL fails the test. */
const localLoader = async (url: string) => {
  if (url === 'http://www.w3.org/ns/anno.jsonld' || url === 'https://www.w3.org/ns/anno.jsonld') return { contextUrl: undefined, documentUrl: url, document: annoContext };
  throw new Error(`the test tried to fetch ${url}`);
};

const oa = (local: string) => `http://www.w3.org/ns/oa#${local}`;
const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const letter = 'trotsky-circular-letter-37';

let dir: string;
let manifest: ReturnType<typeof readManifest>;
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

beforeAll(() => {
  dir = inject('builtDir');
  manifest = readManifest(dir);
});

describe('the build', () => {
  it('lists every export in the manifest with its size and SHA-256', () => {
    for (const exported of datasetExports) {
      const listed = manifest.files.find((f) => f.name === exported.file);
      const content = readFileSync(join(dir, exported.file));
      expect(listed, exported.file).toMatchObject({ mediaType: exported.mediaType, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    }
  });

  it('writes each export a text at a time, exactly as it would write it from the whole dataset at once', async () => {
    // The texts' files are not in the order of their IRIs, so the texts' parts had to be put in order.
    const files = manifest.texts.map((t) => t.id);
    expect(files).not.toEqual([...files].sort());
    const { store } = await builtDataset();
    const whole = readGraphContents(store.getQuads(null, null, null, null).filter((q) => q.graph.termType === 'NamedNode'), manifest.ontologyNamespace);
    const frame = exportFrame(whole.entities, manifest.base, manifest.version);
    for (const exported of datasetExports) {
      const { head, tail } = exported.envelope(frame, { annotations: whole.annotations.length });
      const text = head + exported.part(whole, frame).slice(exported.separator.length) + tail;
      expect(read(exported.file) === text, exported.file).toBe(true);
    }
  });

  it('writes byte-identical exports for the same input', async () => {
    const corpus = makeFixtureCorpus();
    const first = await buildDataset({ base: 'http://example.org/', location: corpus, distDir: corpus.distDir });
    const second = await buildDataset({ base: 'http://example.org/', location: corpus, distDir: corpus.distDir });
    for (const { file } of datasetExports) expect(readFileSync(join(second.dir!, file)).equals(readFileSync(join(first.dir!, file))), file).toBe(true);
  });
});

describe('the Web Annotation collection', () => {
  type Triple = { subject: { value: string }; predicate: { value: string }; object: { value: string } };
  let parsed: Promise<Triple[]> | undefined;
  // Parsed back once (jsonld is slow on 9,000 annotations): JSON-LD to RDF through the W3C context.
  const triples = () => (parsed ??= jsonld.toRDF(JSON.parse(read('annotations.jsonld')) as jsonld.JsonLdDocument, { documentLoader: localLoader as never }) as unknown as Promise<Triple[]>);
  const objects = (all: Triple[], subject: string, predicate: string) => all.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);

  it('expands to RDF with the W3C context: one oa:Annotation per mention and per statement, with total and its page', async () => {
    const quads = await triples();
    const annotations = new Set(quads.filter((q) => q.predicate.value === rdfType && q.object.value === oa('Annotation')).map((q) => q.subject.value));
    expect(annotations.size).toBe(manifest.statistics.mentions + manifest.statistics.statements);

    const { store } = await builtDataset();
    expect(annotations.size).toBe(store.countQuads(null, DataFactory.namedNode(rdfType), DataFactory.namedNode(oa('Annotation')), DataFactory.defaultGraph()));
    const collection = `${manifest.base}annotations.jsonld`;
    const as = (local: string) => `http://www.w3.org/ns/activitystreams#${local}`;
    expect(objects(quads, collection, rdfType)).toEqual([as('OrderedCollection')]);
    expect(objects(quads, collection, as('totalItems')).map(Number)).toEqual([annotations.size]);
    const [page] = objects(quads, collection, as('first'));
    expect(objects(quads, page, rdfType)).toEqual([as('OrderedCollectionPage')]);
    expect(objects(quads, page, as('partOf'))).toEqual([collection]);
  });

  it('keeps a statement\'s annotation whole: body, source, both selectors and the exact quote of the text', async () => {
    const quads = await triples();
    const annotation = `${text(letter)}#annotation-s2`;
    expect(objects(quads, annotation, oa('hasBody'))).toEqual([`${text(letter)}#statement-s2`]);
    expect(objects(quads, annotation, oa('motivatedBy'))).toEqual([oa('describing')]);
    const [target] = objects(quads, annotation, oa('hasTarget'));
    expect(objects(quads, target, oa('hasSource'))).toEqual([text(letter)]);
    const selectors = objects(quads, target, oa('hasSelector'));
    const quote = selectors.find((s) => objects(quads, s, rdfType).includes(oa('TextQuoteSelector')))!;
    const position = selectors.find((s) => objects(quads, s, rdfType).includes(oa('TextPositionSelector')))!;
    const exact = 'Я лично надеялся и надеюсь, что вопрос разрешится путем всасывания в общие наши ряды всех жизнеспособных элементов группы ДЦ, а у нее есть несомненно очень хорошие и ценные элементы. Процесс идет именно в этом направлении.';
    expect(objects(quads, quote, oa('exact'))).toEqual([exact]);
    expect(objects(quads, quote, oa('prefix'))[0]).toMatch(/назревает\. $/);
    const [start] = objects(quads, position, oa('start')).map(Number);
    const [end] = objects(quads, position, oa('end')).map(Number);
    // The position counts code points over the published normalised text.
    expect(Array.from(read(`texts/${letter}.txt`)).slice(start, end).join('')).toBe(exact);
  });

  const annotation = (n: number): TextAnnotation => ({
    iri: `http://example.org/text/t#mention-${n}`, motivation: 'identifying', body: 'http://example.org/id/person/x', target: `http://example.org/text/t#mention-${n}-target`,
    source: 'http://example.org/text/t', quoteSelector: `http://example.org/text/t#mention-${n}-quote`, positionSelector: `http://example.org/text/t#mention-${n}-position`,
    selection: { exact: 'X', prefix: '', suffix: '', start: n, end: n + 1 },
  });
  const layout: CollectionLayout = { id: 'http://example.org/annotations', label: 'test', page: (n) => `http://example.org/annotations?page=${n}`, pageSize: 2 };

  it('pages a collection: first and last, partOf, startIndex, next and prev, nothing past the end', () => {
    const items = [1, 2, 3, 4, 5].map((n) => webAnnotation(annotation(n)));
    expect(annotationCollection(items.length, layout)).toMatchObject({ type: 'AnnotationCollection', total: 5, first: layout.page(1), last: layout.page(3) });
    const first = annotationPage(items, 1, layout)!;
    expect(first).toMatchObject({ type: 'AnnotationPage', partOf: layout.id, startIndex: 0, next: layout.page(2) });
    expect(first.prev).toBeUndefined();
    expect(first.items.map((a) => a.id)).toEqual([annotation(1).iri, annotation(2).iri]);
    const last = annotationPage(items, 3, layout)!;
    expect(last).toMatchObject({ startIndex: 4, prev: layout.page(2) });
    expect(last.next).toBeUndefined();
    expect(last.items.map((a) => a.id)).toEqual([annotation(5).iri]);
    expect(annotationPage(items, 4, layout)).toBeUndefined();
    expect(annotationPage(items, 0, layout)).toBeUndefined();
  });

  it('is written as an envelope and items, a text\'s items at a time, as the same text JSON.stringify gives whole', () => {
    const annotations = [1, 2, 3].map(annotation);
    const { head, tail, separator } = annotationCollectionEnvelope(annotations.length, layout.id, layout.label);
    // Two texts' parts, each item after the separator; the first part written leaves its first out.
    const parts = [annotationItems(annotations.slice(0, 2), separator), annotationItems(annotations.slice(2), separator)];
    expect(head + parts.join('').slice(separator.length) + tail).toBe(JSON.stringify(wholeAnnotationCollection(annotations, layout.id, layout.label), null, 1) + '\n');
    const empty = annotationCollectionEnvelope(0, layout.id, layout.label);
    expect(empty.head + empty.tail).toBe(JSON.stringify(wholeAnnotationCollection([], layout.id, layout.label), null, 1) + '\n');
  });
});

async function networkx(script: string): Promise<Record<string, unknown>> {
  // Debian's python3-networkx is seen only by /usr/bin/python3.
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, dir, id('person/boguslavsky'), id('faction/left-opposition'), text(letter)], { encoding: 'utf8', maxBuffer: 1 << 26 })) as Record<string, unknown>;
}

describe('the network exports', () => {
  // @s3 boguslavsky memberOf left-opposition from=1927 certainty=probable, in the circular letter No. 37.
  const edgeScript = (reader: string, file: string) => `
import sys, json, networkx as nx
g = nx.${reader}(sys.argv[1] + "/${file}")
edges = [d for s, t, d in g.edges(data=True) if s == sys.argv[2] and t == sys.argv[3] and d.get("source_text") == sys.argv[4]]
print(json.dumps({"multi": g.is_multigraph(), "directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "node": g.nodes[sys.argv[2]], "edge": edges, "graph": {k: v for k, v in g.graph.items() if isinstance(v, str)}}))
`;

  it('GraphML: NetworkX reads every entity as a node and every statement as an edge, with its provenance', async () => {
    const read = await networkx(edgeScript('read_graphml', 'graph.graphml'));
    expect(read).toMatchObject({ multi: true, directed: true, nodes: manifest.statistics.entities, edges: manifest.statistics.statements });
    expect(read.node).toMatchObject({ label: 'Mikhail Boguslavsky', class: 'Person' });
    expect((read.node as Record<string, string>).label_ru).toMatch(/Богуславский/);
    expect(read.edge).toEqual([expect.objectContaining({ relation: 'memberOf', certainty: 'probable', from: '1927', calendar: 'gregorian', quote: expect.stringContaining('Богуславский') })]);
  });

  it('GEXF: NetworkX reads a dynamic graph whose memberships carry their time interval', async () => {
    const read = await networkx(edgeScript('read_gexf', 'graph.gexf'));
    expect(read).toMatchObject({ directed: true, nodes: manifest.statistics.entities, edges: manifest.statistics.statements, graph: { mode: 'dynamic' } });
    expect(read.node).toMatchObject({ label: 'Mikhail Boguslavsky', class: 'Person' });
    const [edge] = read.edge as Record<string, string>[];
    expect(edge).toMatchObject({ label: 'memberOf', relation: 'memberOf', certainty: 'probable', from: '1927', start: '1927-01-01' });
    expect(edge.end).toBeUndefined();
    expect(edge.id).toMatch(new RegExp(`^${text(letter)}#statement-s3`));
  });

  const stated = (dates: Partial<StatedRelation>): StatedRelation => ({
    iri: 'http://example.org/text/t#statement-s1', subject: 'x', relation: 'memberOf', object: 'y', sourceText: 't', sourceTitle: { en: 'T', ru: 'Т' },
    passage: { exact: 'q', prefix: '', suffix: '', start: 0, end: 1 }, certainty: 'certain', calendar: 'gregorian', ...dates,
  });

  it('keeps markup characters and entity-like sequences in labels and quotes exactly, in GraphML and GEXF', () => {
    const awkward = 'Fish &amp; chips &lt;b&gt; <i>"x"</i> & \'y\'';
    const contents: GraphContents = {
      entities: ['x', 'y'].map((n) => ({ iri: `http://example.org/id/person/${n}`, type: 'Person', label: { en: `${awkward} ${n}`, ru: 'Т' }, description: { en: '', ru: '' } })),
      annotations: [],
      statements: [{ ...stated({}), subject: 'http://example.org/id/person/x', object: 'http://example.org/id/person/y', passage: { exact: awkward, prefix: '', suffix: '', start: 0, end: 1 } }],
    };
    for (const [reader, xml] of [['read_graphml', toGraphMl(contents, 'test')], ['read_gexf', toGexf(contents, 'test', 'v1')]]) {
      const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import sys, json, networkx as nx, io
g = nx.${reader}(io.BytesIO(sys.stdin.buffer.read()))
print(json.dumps({"labels": sorted(d.get("label") for _, d in g.nodes(data=True)), "quotes": [d.get("quote") for _, _, d in g.edges(data=True)]}))
`], { input: xml, encoding: 'utf8' })) as { labels: string[]; quotes: string[] };
      expect(read, reader).toEqual({ labels: [`${awkward} x`, `${awkward} y`], quotes: [awkward] });
    }
  });

  it('gives each statement the whole days its dates name, at the precision the text gives', () => {
    expect(timeInterval(stated({ from: '1919', to: '1928-02' }))).toEqual({ start: '1919-01-01', end: '1928-02-29' });
    expect(timeInterval(stated({ date: '1927-11' }))).toEqual({ start: '1927-11-01', end: '1927-11-30' });
    expect(timeInterval(stated({ date: '1927-11-07' }))).toEqual({ start: '1927-11-07', end: '1927-11-07' });
    expect(timeInterval(stated({ to: '1923' }))).toEqual({ end: '1923-12-31' });
    expect(timeInterval(stated({}))).toEqual({});
  });
});

describe('the CSV tables', () => {
  type CsvRow = Record<string, string>;
  const rows = (file: string) => parseCsv(read(file), { columns: true }) as CsvRow[];

  it('csv-parse reads one row per entity and per statement, under their headers', () => {
    const entities = rows('entities.csv');
    expect(entities).toHaveLength(manifest.statistics.entities);
    expect(entities.find((e) => e.iri === id('person/trotsky'))).toMatchObject({ class: 'Person', label_en: 'Leon Trotsky', label_ru: expect.stringMatching(/Троцкий/) });
    const statements = rows('statements.csv');
    expect(statements).toHaveLength(manifest.statistics.statements);
    expect(Object.keys(statements[0])).toEqual([...statementColumns]);
  });

  it('keeps each statement\'s source and quote exactly as the graph has them, line breaks included', async () => {
    const { store } = await builtDataset();
    const statements = rows('statements.csv');
    const exactOf = (statement: string) => {
      const annotation = store.getSubjects(DataFactory.namedNode(oa('hasBody')), DataFactory.namedNode(statement), DataFactory.defaultGraph())[0];
      const target = store.getObjects(annotation, DataFactory.namedNode(oa('hasTarget')), DataFactory.defaultGraph())[0];
      const selectors = store.getObjects(target, DataFactory.namedNode(oa('hasSelector')), DataFactory.defaultGraph());
      return selectors.flatMap((s) => store.getObjects(s, DataFactory.namedNode(oa('exact')), DataFactory.defaultGraph()))[0]?.value;
    };
    const multiline = statements.filter((s) => s.quote.includes('\n'));
    expect(multiline.length).toBeGreaterThan(0);
    for (const row of [...multiline.slice(0, 20), ...statements.filter((s) => s.quote.includes(',')).slice(0, 20)]) expect(row.quote).toBe(exactOf(row.statement));

    const boguslavsky = statements.find((s) => s.subject === id('person/boguslavsky') && s.object === id('faction/left-opposition') && s.source_text === text(letter));
    expect(boguslavsky).toMatchObject({ relation: 'memberOf', certainty: 'probable', from: '1927', to: '', calendar: 'gregorian', subject_label_en: 'Mikhail Boguslavsky' });
    const derivedFrom = store.getObjects(DataFactory.namedNode(boguslavsky!.statement), DataFactory.namedNode('http://www.w3.org/ns/prov#wasDerivedFrom'), DataFactory.defaultGraph());
    expect(derivedFrom.map((t) => t.value)).toEqual([text(letter)]);
    expect(store.countQuads(DataFactory.namedNode(boguslavsky!.statement), DataFactory.namedNode(rcp('certainty')), DataFactory.namedNode(rcp('probable')), DataFactory.defaultGraph())).toBe(1);
  });

  it('quotes fields with commas, quotation marks and line breaks so that csv-parse and Python read them back unchanged', () => {
    const awkward = 'He said, "no, never";\nthen\r\nleft ';
    const note = ' "quoted", at the edges ';
    const contents: GraphContents = {
      entities: [],
      annotations: [],
      statements: [{
        iri: 'http://example.org/text/t#statement-s1', subject: 'http://example.org/id/person/x', relation: 'criticised', object: 'http://example.org/id/person/y',
        sourceText: 'http://example.org/text/t', sourceTitle: { en: 'A title, with a comma', ru: 'Т' },
        passage: { exact: awkward, prefix: '', suffix: '', start: 3, end: 40 }, certainty: 'uncertain', date: '1928-09', calendar: 'julian', note,
      }],
    };
    const csv = statementsCsv(contents);
    const [row] = parseCsv(csv, { columns: true }) as CsvRow[];
    expect(row).toMatchObject({ quote: awkward, note, source_title_en: 'A title, with a comma', date: '1928-09', calendar: 'julian', quote_start: '3', quote_end: '40' });
    const python = execFileSync('/usr/bin/python3', ['-c', `
import sys, csv, io, json
print(json.dumps(list(csv.DictReader(io.StringIO(sys.stdin.read(), newline="")))))
`], { input: csv, encoding: 'utf8' });
    expect(JSON.parse(python)).toEqual([row]);
  });
});
