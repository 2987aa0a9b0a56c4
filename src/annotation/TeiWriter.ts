/**
 * Writes an annotated text as a TEI P5 document of the subset `tei/rcp-tei.rng` defines: the metadata in
 * the teiHeader, the normalised wording in one `<ab xml:space="preserve">` with each mention as
 * persName/orgName/title/placeName/rs carrying @ref to the entity's IRI and each statement span as a
 * `<seg>`, and the statements as `<relation>`s in a `<standOff>`. Reading it back with the TEI reader
 * gives the same text, offsets and statements.
 */
import { DOMImplementation, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import type { AnnotatedText, Statement } from './AnnotatedText.ts';
import type { Registry } from './Registry.ts';
import { textPosition } from './SeedFidelity.ts';
import { AnnotationError } from './SourcePosition.ts';
import { certValues, julianCalendarId, mentionElements, notXmlCharacter, spanXmlId, teiNamespace } from './TeiEncoding.ts';
import { collapseWhiteSpace, xmlNamespace } from './XmlSource.ts';
import type { Iris } from '../ontology/Vocabulary.ts';

const teiPublisher = 'RCP factions 1918-1933: a linked-data knowledge graph';
const languageNames = { ru: 'Russian', en: 'English' } as const;

/** A mention or a span, as a range of the text to wrap in an element. */
interface Range {
  readonly start: number;
  readonly end: number;
  /** Spans enclose the mentions they share both ends with; of two equal spans the later one is outer (as the parser lists them). */
  readonly rank: number;
  write(parent: TeiElement): TeiElement;
}

export function writeTei(text: AnnotatedText, registry: Registry, iris: Iris): string {
  const { metadata } = text;
  const codePoints = Array.from(text.text);
  const invalid = codePoints.findIndex((c) => notXmlCharacter.test(c));
  if (invalid >= 0) {
    throw new AnnotationError(textPosition(text, invalid), `the character U+${codePoints[invalid].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} cannot be written in XML`);
  }
  const entityIri = (id: string): string => {
    const entity = registry.entities.get(id);
    if (!entity) throw new Error(`writeTei was given an unchecked id '${id}'`);
    return iris.entity(entity.type, id).value;
  };
  const doc = new DOMImplementation().createDocument(teiNamespace, 'TEI', null);
  const tei = new TeiElement(doc, doc.documentElement!).attributes({ 'xml:lang': metadata.language });
  writeHeader(tei.ele('teiHeader'), text, iris, entityIri, (id) => registry.entities.get(id)!.label[metadata.language]);

  const ranges: Range[] = [
    ...text.spans.map((span, index): Range => ({
      start: span.start, end: span.end, rank: 1 + index,
      write: (parent) => {
        const { xmlId, n } = spanXmlId(span.id);
        return parent.ele('seg', { 'xml:id': xmlId, ...(n !== undefined && { n }) });
      },
    })),
    ...text.mentions.map((mention): Range => ({
      start: mention.start, end: mention.end, rank: 0,
      write: (parent) => {
        const entity = registry.entities.get(mention.entityId);
        if (!entity) throw new Error(`writeTei was given an unchecked id '${mention.entityId}'`);
        const element = mentionElements[entity.type];
        return parent.ele(element.name, { ...(element.type && { type: element.type }), ref: entityIri(mention.entityId) });
      },
    })),
  ].sort(byNesting);
  const body = tei.ele('text', { 'xml:lang': metadata.language }).ele('body');
  writeRanges(body.ele('ab', { 'xml:space': 'preserve' }), codePoints, 0, codePoints.length, ranges);

  if (text.statements.length) {
    const spanIds = new Map(text.spans.map((span) => [span.id, spanXmlId(span.id).xmlId]));
    const list = tei.ele('standOff').ele('listRelation');
    for (const statement of text.statements) writeRelation(list, statement, entityIri, `#${spanIds.get(statement.spanId)}`);
  }
  indentElementContent(tei.node);
  doc.insertBefore(doc.createProcessingInstruction('xml', 'version="1.0" encoding="UTF-8"'), doc.documentElement);
  return new XMLSerializer().serializeToString(doc) + '\n';
}

/** The teiHeader: titles, author, id, licence, reliability, source, seed, the Document and book, date, language. */
function writeHeader(header: TeiElement, text: AnnotatedText, iris: Iris, entityIri: (id: string) => string, label: (id: string) => string): void {
  const { metadata } = text;
  const checked = (value: string, key: string): string => {
    if (notXmlCharacter.test(value)) throw new AnnotationError(text.metadataAt[key] ?? { file: text.file, line: 1, column: 1 }, `'${key}' holds a character XML cannot carry`);
    return value;
  };

  const fileDesc = header.ele('fileDesc');
  const titleStmt = fileDesc.ele('titleStmt');
  textElement(titleStmt, 'title', { 'xml:lang': 'ru' }, checked(metadata.title.ru, 'title'));
  textElement(titleStmt, 'title', { 'xml:lang': 'en' }, checked(metadata.title.en, 'title'));
  if (metadata.author) titleStmt.ele('author', { ref: entityIri(metadata.author) }).txt(label(metadata.author));
  const publicationStmt = fileDesc.ele('publicationStmt');
  publicationStmt.ele('publisher').txt(teiPublisher);
  publicationStmt.ele('idno', { type: 'text' }).txt(metadata.id);
  publicationStmt.ele('idno', { type: 'URI' }).txt(iris.text(metadata.id).value);
  textElement(publicationStmt.ele('availability'), 'licence', {}, checked(metadata.licence, 'licence'));
  const reliability = fileDesc.ele('notesStmt').ele('note', { type: 'reliability', subtype: metadata.reliability.level });
  textElement(reliability, 'p', { 'xml:lang': 'en' }, checked(metadata.reliability.note.en, 'reliability'));
  textElement(reliability, 'p', { 'xml:lang': 'ru' }, checked(metadata.reliability.note.ru, 'reliability'));
  const sourceDesc = fileDesc.ele('sourceDesc');
  textElement(sourceDesc, 'bibl', { type: 'source' }, checked(metadata.source, 'source'));
  const seed = sourceDesc.ele('bibl', { type: 'seed' });
  textElement(seed, 'idno', { type: 'seed' }, checked(metadata.seed, 'seed'));
  if (metadata.lines) seed.ele('citedRange', { unit: 'line', from: String(metadata.lines[0]), to: String(metadata.lines[1]) });
  if (metadata.document) sourceDesc.ele('bibl', { type: 'document' }).ele('title', { ref: entityIri(metadata.document) }).txt(label(metadata.document));
  if (metadata.partOf) sourceDesc.ele('bibl', { type: 'book' }).ele('title', { ref: entityIri(metadata.partOf) }).txt(label(metadata.partOf));
  const profileDesc = header.ele('profileDesc');
  if (metadata.date) profileDesc.ele('creation').ele('date', { when: metadata.date });
  profileDesc.ele('langUsage').ele('language', { ident: metadata.language }).txt(languageNames[metadata.language]);
  profileDesc.ele('calendarDesc').ele('calendar', { 'xml:id': julianCalendarId })
    .ele('p').txt('The Julian calendar (Old Style): dates are given as the text states them, not converted.');
}

/**
 * A TEI element being written, over the DOM of @xmldom/xmldom, whose serializer escapes every markup
 * character. (xmlbuilder2 leaves an `&` that begins `&amp;` or `&lt;` unescaped, which would change
 * a text that quotes such a sequence.)
 */
class TeiElement {
  constructor(private readonly doc: Document, readonly node: Element) {}

  attributes(attributes: Record<string, string>): this {
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith('xml:')) this.node.setAttributeNS(xmlNamespace, name, value);
      else this.node.setAttribute(name, value);
    }
    return this;
  }

  ele(name: string, attributes: Record<string, string> = {}): TeiElement {
    const child = new TeiElement(this.doc, this.doc.createElementNS(teiNamespace, name)).attributes(attributes);
    this.node.appendChild(child.node);
    return child;
  }

  txt(text: string): this {
    this.node.appendChild(this.doc.createTextNode(text));
    return this;
  }
}

/** An element holding a value; xml:space="preserve" where a reader collapsing white space would change it. */
function textElement(parent: TeiElement, name: string, attributes: Record<string, string>, value: string): void {
  parent.ele(name, { ...attributes, ...(collapseWhiteSpace(value) !== value && { 'xml:space': 'preserve' }) }).txt(value);
}

/**
 * Outer before inner: by start, then longer first; an empty range goes before a longer one that starts
 * where it does (beside it, not inside: a span may not open inside a mention).
 */
function byNesting(a: Range, b: Range): number {
  return a.start - b.start || Number(b.start === b.end) - Number(a.start === a.end) || b.end - a.end || b.rank - a.rank;
}

/** Writes `codePoints[from, to)` into `parent`, wrapping each range (sorted, properly nested) in its element. */
function writeRanges(parent: TeiElement, codePoints: readonly string[], from: number, to: number, ranges: readonly Range[]): void {
  let at = from;
  let i = 0;
  while (i < ranges.length) {
    const range = ranges[i];
    let j = i + 1;
    while (j < ranges.length && ranges[j].start < range.end) j++;
    const inner = ranges.slice(i + 1, j);
    if (inner.some((r) => r.end > range.end)) throw new Error(`writeTei: ranges [${range.start}, ${range.end}) and another cross`);
    if (range.start > at) parent.txt(codePoints.slice(at, range.start).join(''));
    writeRanges(range.write(parent), codePoints, range.start, range.end, inner);
    at = range.end;
    i = j;
  }
  if (to > at) parent.txt(codePoints.slice(at, to).join(''));
}

function writeRelation(list: TeiElement, statement: Statement, entityIri: (id: string) => string, span: string): void {
  const julian = statement.calendar === 'julian';
  const dating = (key: 'date' | 'from' | 'to', attribute: string) => {
    const value = statement[key];
    return value === undefined ? {} : { [julian ? `${attribute}-custom` : attribute]: value };
  };
  const relation = list.ele('relation', {
    name: statement.relation,
    active: entityIri(statement.subject),
    passive: entityIri(statement.object),
    ana: span,
    ...dating('date', 'when'), ...dating('from', 'from'), ...dating('to', 'to'),
    ...(julian && { datingMethod: `#${julianCalendarId}` }),
    cert: certValues[statement.certainty],
  });
  if (statement.note !== undefined) {
    if (notXmlCharacter.test(statement.note)) throw new AnnotationError(statement.at.options.note ?? statement.at.line, 'the note holds a character XML cannot carry');
    textElement(relation, 'desc', {}, statement.note);
  }
}

/**
 * Indents element-only content for people reading the file; mixed content (the text itself) is left
 * exactly as it is, since every character there counts.
 */
function indentElementContent(root: Element): void {
  const indent = (node: Node, depth: number) => {
    const children = Array.from(node.childNodes);
    if (!children.length || children.some((child) => child.nodeType !== 1)) return;
    const document = node.ownerDocument!;
    for (const child of children) {
      node.insertBefore(document.createTextNode(`\n${'  '.repeat(depth + 1)}`), child);
      indent(child, depth + 1);
    }
    node.appendChild(document.createTextNode(`\n${'  '.repeat(depth)}`));
  };
  indent(root, 0);
}
