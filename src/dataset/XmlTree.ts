/**
 * An XML document built element by element and written by @xmldom/xmldom, whose serializer escapes
 * every markup character in text and attribute values; a large document is written as an envelope and
 * parts, each part built and written on its own. (xmlbuilder2, tried first, leaves a value's
 * `&amp;` or `&lt;` as it is instead of escaping its `&`, so a quote containing one would change.)
 */
import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';

const xmlns = 'http://www.w3.org/2000/xmlns/';
const xsi = 'http://www.w3.org/2001/XMLSchema-instance';

export class XmlElement {
  constructor(private readonly element: Element) {}

  /** Appends a child element in the document's namespace, with its attributes; returns the child. */
  ele(name: string, attributes: Readonly<Record<string, string>> = {}): XmlElement {
    const child = this.element.ownerDocument!.createElementNS(this.element.namespaceURI, name);
    for (const [attribute, value] of Object.entries(attributes)) child.setAttribute(attribute, value);
    this.element.appendChild(child);
    return new XmlElement(child);
  }

  txt(text: string): this {
    this.element.appendChild(this.element.ownerDocument!.createTextNode(text));
    return this;
  }

  com(comment: string): this {
    this.element.appendChild(this.element.ownerDocument!.createComment(comment));
    return this;
  }

  /** Marks where the parts of the document go (see `XmlTree.envelope`). */
  markParts(): this { return this.com(partsMark); }
}

const partsMark = 'parts';

/**
 * Elements written on their own, to go at a document's mark: made in no namespace, they are written
 * without an xmlns of their own, exactly as inside the document whose default namespace is theirs.
 */
export function xmlFragment(build: (parent: XmlElement) => void): string {
  const document = new DOMImplementation().createDocument(null, 'fragment', null);
  const parent = document.documentElement!;
  build(new XmlElement(parent));
  const serializer = new XMLSerializer();
  let text = '';
  for (let child = parent.firstChild; child; child = child.nextSibling) text += serializer.serializeToString(child);
  return text;
}

export interface XmlTree {
  readonly root: XmlElement;
  /** The document, with its XML declaration, ending in a newline. */
  serialise(): string;
  /**
   * The document split where `parts` was marked (`XmlElement.markParts`): what goes before the parts
   * and what after, for a document whose parts are written one at a time (`xmlFragment`).
   */
  envelope(): { readonly head: string; readonly tail: string };
}

/** A document whose root element is in `namespace`, pointing to its schema with `xsi:schemaLocation`. */
export function xmlTree(namespace: string, rootName: string, schemaLocation: string, attributes: Readonly<Record<string, string>> = {}): XmlTree {
  const document = new DOMImplementation().createDocument(namespace, rootName, null);
  const element = document.documentElement!;
  element.setAttributeNS(xmlns, 'xmlns:xsi', xsi);
  element.setAttributeNS(xsi, 'xsi:schemaLocation', schemaLocation);
  for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
  const serialise = () => `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(document)}\n`;
  return {
    root: new XmlElement(element),
    serialise,
    envelope() {
      const whole = serialise();
      const mark = `<!--${partsMark}-->`;
      const at = whole.indexOf(mark);
      if (at < 0 || whole.indexOf(mark, at + 1) >= 0) throw new Error('an XML envelope needs its parts marked once');
      return { head: whole.slice(0, at), tail: whole.slice(at + mark.length) };
    },
  };
}
