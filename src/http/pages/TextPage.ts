/**
 * The source reader: the text as written, each mention a link to its entity, each statement's passage
 * marked with the statement's own fragment id, so that a statement IRI (…/text/ID#statement-s3) opens
 * the text scrolled to the passage and highlighted (CSS :target, no script needed).
 */
import type { VNode } from 'preact';
import type { Overlay, SourceTextView } from '../../store/SourceTextReader.ts';
import { html, type Markup } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';

interface Node { overlay?: Overlay; extraIds: string[]; start: number; end: number; children: Node[] }

/** Nests the overlays (they may nest, never cross) into a tree over the text. */
function nest(overlays: readonly Overlay[], length: number): Node {
  const root: Node = { start: 0, end: length, children: [], extraIds: [] };
  const stack: Node[] = [root];
  for (const overlay of overlays) {
    while (stack.length > 1 && overlay.start >= stack[stack.length - 1].end) stack.pop();
    const parent = stack[stack.length - 1];
    const last = parent.children[parent.children.length - 1];
    // Several statements on one passage share one mark; the others get anchors inside it.
    if (overlay.kind === 'statement' && last?.overlay?.kind === 'statement' && last.start === overlay.start && last.end === overlay.end) {
      last.extraIds.push(fragmentOf(overlay.body));
      continue;
    }
    if (overlay.start < parent.start || overlay.end > parent.end) continue; // a crossing overlay cannot be drawn; the parser forbids them
    const node: Node = { overlay, start: overlay.start, end: overlay.end, children: [], extraIds: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

function fragmentOf(iri: string): string {
  return iri.slice(iri.indexOf('#') + 1);
}

export function TextPage(view: SourceTextView, base: string, language: UiLanguage, path: string, labels: (iri: string) => string): VNode {
  const chars = Array.from(view.text);
  const root = new URL(base).pathname;
  const local = (iri: string) => (iri.startsWith(base) ? root + iri.slice(base.length) : iri);
  const render = (node: Node): Markup[] => {
    const out: Markup[] = [];
    let at = node.start;
    for (const child of node.children) {
      if (child.start > at) out.push(chars.slice(at, child.start).join(''));
      out.push(renderOverlay(child));
      at = Math.max(at, child.end);
    }
    if (at < node.end) out.push(chars.slice(at, node.end).join(''));
    return out;
  };
  const renderOverlay = (node: Node): Markup => {
    const o = node.overlay!;
    if (o.kind === 'mention') return html`<a class="mention" href=${local(o.body)} title=${labels(o.body)}>${render(node)}</a>`;
    return html`<mark class="statement" id=${fragmentOf(o.body)}>${node.extraIds.map((id) => html`<span class="anchor" id=${id}></span>`)}${render(node)}</mark>`;
  };
  const en = language === 'en';
  const title = view.titles[language] ?? view.titles.en ?? view.id;
  const m = view.metadata;
  return Layout({
    title, base, language, path,
    alternates: [{ href: `${root}text/${view.id}.txt`, type: 'text/plain' }, { href: `${root}text/${view.id}.ttl`, type: 'text/turtle' }, { href: `${root}text/${view.id}.jsonld`, type: 'application/ld+json' }],
  }, html`<article class="source-text">
      <h1>${title}</h1>
      <dl class="metadata">
        <dt>${en ? 'Language' : 'Язык'}</dt><dd>${m.language}</dd>
        ${m.date && html`<dt>${en ? 'Date' : 'Дата'}</dt><dd>${m.date}</dd>`}
        ${m.creator && html`<dt>${en ? 'Author' : 'Автор'}</dt><dd><a href=${local(m.creator)}>${labels(m.creator)}</a></dd>`}
        ${m.document && html`<dt>${en ? 'Text of' : 'Текст документа'}</dt><dd><a href=${local(m.document)}>${labels(m.document)}</a></dd>`}
        ${m.partOf && html`<dt>${en ? 'Part of' : 'Часть'}</dt><dd><a href=${local(m.partOf)}>${labels(m.partOf)}</a></dd>`}
        <dt>${en ? 'Source' : 'Источник'}</dt><dd>${m.source}</dd>
        <dt>${en ? 'Licence' : 'Лицензия'}</dt><dd>${m.licence}</dd>
        <dt>${en ? 'Reliability' : 'Надёжность'}</dt><dd><strong>${m.reliability}</strong>: ${view.reliabilityNotes[language] ?? view.reliabilityNotes.en}</dd>
      </dl>
      <p class="formats"><a href=${`${root}text/${view.id}.txt`}>${en ? 'Plain text' : 'Простой текст'}</a> · <a href=${`${root}text/${view.id}.ttl`}>Turtle</a> · <a href=${`${root}text/${view.id}.jsonld`}>JSON-LD</a></p>
      <div class="text" lang=${m.language}>${render(nest(view.overlays, chars.length))}</div>
    </article>`);
}
