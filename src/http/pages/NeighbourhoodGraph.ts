/**
 * A small picture of an entity's neighbours, drawn on the server as SVG (so it needs no script and
 * passes the Content-Security-Policy): the entity in the middle, its neighbours around it, one edge per
 * relation, each node a link to its page.
 */
import type { VNode } from 'preact';
import type { EntityDescription } from '../../store/EntityDescriber.ts';
import { html } from './Html.ts';
import type { UiLanguage } from './Layout.ts';

const maxNeighbours = 16;

export function NeighbourhoodGraph(d: EntityDescription, base: string, language: UiLanguage): VNode {
  const edges = [
    ...d.outgoing.map((v) => ({ other: v.object, predicate: v.predicate, out: true })),
    ...d.incoming.map((v) => ({ other: v.subject, predicate: v.predicate, out: false })),
  ];
  const neighbours = [...new Set(edges.map((e) => e.other))].slice(0, maxNeighbours);
  const size = 420;
  const centre = size / 2;
  const radius = 150;
  const position = (i: number) => ({
    x: centre + radius * Math.cos((2 * Math.PI * i) / Math.max(1, neighbours.length) - Math.PI / 2),
    y: centre + radius * Math.sin((2 * Math.PI * i) / Math.max(1, neighbours.length) - Math.PI / 2),
  });
  const root = new URL(base).pathname;
  const href = (iri: string) => (iri.startsWith(base) ? root + iri.slice(base.length) : iri);
  const label = (iri: string) => {
    const l = d.labels.get(iri);
    const text = l?.[language] ?? l?.en ?? l?.ru ?? iri.split('/').pop() ?? iri;
    return text.length > 24 ? `${text.slice(0, 23)}…` : text;
  };
  const title = language === 'en' ? `Neighbourhood of ${label(d.iri)}` : `Окружение: ${label(d.iri)}`;
  return html`<figure class="neighbourhood">
    <svg viewBox=${`0 0 ${size} ${size}`} role="group" aria-label=${title} width="100%" height="420">
      <title>${title}</title>
      ${neighbours.map((n, i) => {
        const p = position(i);
        return html`<line x1=${centre} y1=${centre} x2=${p.x} y2=${p.y} class="edge" />`;
      })}
      ${neighbours.map((n, i) => {
        const p = position(i);
        return html`<a href=${href(n)}><circle cx=${p.x} cy=${p.y} r="7" class="node" /><text x=${p.x} y=${p.y + 20} text-anchor="middle">${label(n)}</text></a>`;
      })}
      <circle cx=${centre} cy=${centre} r="11" class="node self" />
      <text x=${centre} y=${centre - 18} text-anchor="middle" class="self-label">${label(d.iri)}</text>
    </svg>
    ${neighbours.length < new Set(edges.map((e) => e.other)).size && html`<figcaption>${language === 'en' ? `The first ${maxNeighbours} neighbours.` : `Первые ${maxNeighbours} соседей.`}</figcaption>`}
  </figure>`;
}
