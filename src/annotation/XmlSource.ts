/**
 * XML read with positions: TEI texts are XML, and an error in them must name the line and column where
 * the offending element or attribute value stands. A small tree (elements, attributes, text) is all the
 * TEI reader needs; saxes parses, and stops at the first place the XML is not well-formed. It resolves no
 * external entities and fetches nothing. Text is NFC-normalised, as every annotated text is.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { AnnotationError, type SourcePosition } from './SourcePosition.ts';

export const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

/** An attribute, with where its value starts (`at`) and where its name does. */
export interface XmlAttribute { readonly value: string; readonly at: SourcePosition; readonly nameAt: SourcePosition }

export interface XmlElement {
  readonly kind: 'element';
  /** The local name; `namespace` is its namespace URI. */
  readonly name: string;
  readonly namespace: string;
  /** Keyed by local name; those in the XML namespace as `xml:lang`, `xml:id`, `xml:space`. */
  readonly attributes: ReadonlyMap<string, XmlAttribute>;
  readonly children: readonly XmlNode[];
  /** Where its start tag opens (`<`). */
  readonly at: SourcePosition;
}

export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
  /** The file line of the character that follows the text. */
  readonly endLine: number;
}

export type XmlNode = XmlElement | XmlText;

export function readXml(file: string, source: string): { root?: XmlElement; error?: AnnotationError } {
  const lineOffsets = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineOffsets.push(i + 1);
  const positionAt = (offset: number): SourcePosition => {
    let lo = 0;
    let hi = lineOffsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineOffsets[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { file, line: lo + 1, column: Array.from(source.slice(lineOffsets[lo], offset)).length + 1 };
  };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let error: AnnotationError | undefined;
  let root: XmlElement | undefined;
  const open: { children: XmlNode[] }[] = [];
  let tagStart = 0;
  parser.on('error', (e) => {
    error ??= new AnnotationError({ file, line: parser.line, column: Math.max(1, parser.column) }, `not well-formed XML: ${e.message.replace(/^\d+:\d+: /, '')}`);
  });
  parser.on('opentagstart', (tag) => { tagStart = source.lastIndexOf(`<${tag.name}`, parser.position); });
  parser.on('opentag', (tag: SaxesTagNS) => {
    // saxes gives no attribute positions: find each in the start tag as written.
    const written = source.slice(tagStart, parser.position);
    const attributes = new Map<string, XmlAttribute>();
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      const match = new RegExp(`\\s${attribute.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*["']`).exec(written);
      const key = attribute.uri === xmlNamespace ? `xml:${attribute.local}` : attribute.local;
      attributes.set(key, {
        value: attribute.value,
        at: positionAt(tagStart + (match ? match.index + match[0].length : 0)),
        nameAt: positionAt(tagStart + (match ? match.index + 1 : 0)),
      });
    }
    const element = { kind: 'element' as const, name: tag.local, namespace: tag.uri, attributes, children: [] as XmlNode[], at: positionAt(tagStart) };
    if (open.length) open[open.length - 1].children.push(element); else root ??= element;
    open.push(element);
  });
  parser.on('closetag', () => { open.pop(); });
  // NFC per text node, as the .ann parser's is per run of text between markup: never across a tag.
  const addText = (text: string) => { if (open.length) open[open.length - 1].children.push({ kind: 'text', text: text.normalize('NFC'), endLine: parser.line }); };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(source).close();
  return error ? { error } : { root };
}

export function childElements(node: XmlElement): XmlElement[] {
  return node.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** White space as XML applications read it where xml:space is not "preserve": runs collapsed, ends trimmed. */
export function collapseWhiteSpace(value: string): string {
  return value.replace(/[ \t\n\r]+/g, ' ').trim();
}

/** An element's text: exactly as written under xml:space="preserve", else with its white space collapsed. */
export function elementText(node: XmlElement): string {
  const text = node.children.map((c) => (c.kind === 'text' ? c.text : elementText(c))).join('');
  return node.attributes.get('xml:space')?.value === 'preserve' ? text : collapseWhiteSpace(text);
}
