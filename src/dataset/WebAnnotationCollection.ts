/**
 * The graph's annotations (every mention and every statement's passage) as a W3C Web Annotation
 * collection in JSON-LD: an AnnotationCollection with `total`, `first` and `last`, and AnnotationPages
 * with `items`, `partOf`, `startIndex`, `next` and `prev`, in the model's own context
 * (http://www.w3.org/ns/anno.jsonld), so that annotation tools that speak the model can load it.
 * The documents are plain JSON data; JSON.stringify does the escaping.
 */
import type { TextAnnotation } from './GraphContents.ts';

export const annotationContext = 'http://www.w3.org/ns/anno.jsonld';
/** The media type the Web Annotation Protocol asks for. */
export const annotationMediaType = `application/ld+json; profile="${annotationContext}"`;
export const annotationCollectionLabel = 'The annotations of the RCP factions knowledge graph';

export interface WebAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'identifying' | 'describing';
  readonly body: string;
  readonly target: {
    readonly id: string;
    readonly type: 'SpecificResource';
    readonly source: string;
    readonly selector: readonly [
      { readonly id: string; readonly type: 'TextQuoteSelector'; readonly exact: string; readonly prefix: string; readonly suffix: string },
      { readonly id: string; readonly type: 'TextPositionSelector'; readonly start: number; readonly end: number },
    ];
  };
}

export interface AnnotationPage {
  readonly '@context'?: string;
  readonly id: string;
  readonly type: 'AnnotationPage';
  readonly partOf: string;
  readonly startIndex: number;
  readonly next?: string;
  readonly prev?: string;
  readonly items: readonly WebAnnotation[];
}

export interface AnnotationCollection {
  readonly '@context': string;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  /** The first page's IRI, or the page itself when the whole collection is one document. */
  readonly first: string | AnnotationPage;
  readonly last: string;
}

export function webAnnotation(a: TextAnnotation): WebAnnotation {
  return {
    id: a.iri,
    type: 'Annotation',
    motivation: a.motivation,
    body: a.body,
    target: {
      id: a.target,
      type: 'SpecificResource',
      source: a.source,
      selector: [
        { id: a.quoteSelector, type: 'TextQuoteSelector', exact: a.selection.exact, prefix: a.selection.prefix, suffix: a.selection.suffix },
        { id: a.positionSelector, type: 'TextPositionSelector', start: a.selection.start, end: a.selection.end },
      ],
    },
  };
}

export interface CollectionLayout {
  /** The collection's IRI. */
  readonly id: string;
  readonly label: string;
  /** The IRI of page n (counted from 1). */
  readonly page: (n: number) => string;
  readonly pageSize: number;
}

/** How many pages the collection has (at least one, even when empty). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The collection document, its pages referred to by IRI. */
export function annotationCollection(total: number, layout: CollectionLayout): AnnotationCollection {
  return {
    '@context': annotationContext, id: layout.id, type: 'AnnotationCollection', label: layout.label, total,
    first: layout.page(1), last: layout.page(pageCount(total, layout.pageSize)),
  };
}

/** Page n (from 1) of the collection, or undefined past the last page. */
export function annotationPage(annotations: readonly WebAnnotation[], n: number, layout: CollectionLayout): AnnotationPage | undefined {
  const pages = pageCount(annotations.length, layout.pageSize);
  if (!Number.isInteger(n) || n < 1 || n > pages) return undefined;
  const startIndex = (n - 1) * layout.pageSize;
  return {
    '@context': annotationContext,
    id: layout.page(n),
    type: 'AnnotationPage',
    partOf: layout.id,
    startIndex,
    ...(n < pages && { next: layout.page(n + 1) }),
    ...(n > 1 && { prev: layout.page(n - 1) }),
    items: annotations.slice(startIndex, startIndex + layout.pageSize),
  };
}

/** The annotations of a whole-collection document (as `wholeAnnotationCollection` writes it). */
export function itemsOf(collection: AnnotationCollection): readonly WebAnnotation[] {
  if (typeof collection.first === 'string') throw new Error(`the collection ${collection.id} does not hold its annotations in one document`);
  return collection.first.items;
}

/** The whole collection in one document: the collection with its single page embedded as `first`. */
export function wholeAnnotationCollection(annotations: readonly TextAnnotation[], id: string, label: string): AnnotationCollection {
  const layout: CollectionLayout = { id, label, page: () => `${id}#page-1`, pageSize: Math.max(1, annotations.length) };
  const { '@context': _context, ...page } = annotationPage(annotations.map(webAnnotation), 1, layout)!;
  return { ...annotationCollection(annotations.length, layout), first: page };
}

/**
 * The whole collection as JSON text (the same text as `JSON.stringify(whole, null, 1)`), written as an
 * envelope and items: a large corpus's collection is longer than the longest string JavaScript can
 * hold, and its annotations come a text at a time. Every item starts with `separator`, which the first
 * one leaves out.
 */
export function annotationCollectionEnvelope(total: number, id: string, label: string): { head: string; tail: string; separator: string } {
  const empty = wholeAnnotationCollection([], id, label);
  if (!total) return { head: JSON.stringify(empty, null, 1) + '\n', tail: '', separator: '' };
  // Spread over the empty collection, so the keys keep their order; the items are written at the mark.
  const envelope = JSON.stringify({ ...empty, total, first: { ...(empty.first as AnnotationPage), items: [itemsMark] } }, null, 1);
  const mark = JSON.stringify(itemsMark);
  const at = envelope.indexOf(mark);
  const indent = envelope.slice(envelope.lastIndexOf('\n', at) + 1, at);
  return { head: envelope.slice(0, at), tail: envelope.slice(at + mark.length) + '\n', separator: `,\n${indent}` };
}

/** The items of some annotations, each after the envelope's separator. */
export function annotationItems(annotations: readonly TextAnnotation[], separator: string): string {
  const indent = separator.slice(2);
  let text = '';
  for (const annotation of annotations) text += separator + JSON.stringify(webAnnotation(annotation), null, 1).replaceAll('\n', `\n${indent}`);
  return text;
}

const itemsMark = '\u0000items\u0000';

/** What starts every item of the whole collection (the same for any number of annotations). */
export const annotationItemSeparator = annotationCollectionEnvelope(1, '', '').separator;
