/**
 * The genealogy of factions and the network of persons and factions, drawn with cytoscape from the
 * JSON the server prepares (/api/genealogy.json, /api/network.json). Filters by year and relation;
 * clicking a node opens its page.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';

interface GraphData {
  nodes: { id: string; label: string; type: string; href: string }[];
  edges: { id: string; source: string; target: string; relation: string; label: string; year?: number }[];
  relations: { name: string; label: string }[];
  years: [number, number];
}

const root = document.getElementById('graph');
if (root) void draw(root);

async function draw(container: HTMLElement) {
  // cytoscape injects a <style> element unless one with this id exists; the CSP forbids inline styles,
  // so the rule it wants is in style.css and a marker stands in for its element.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    const marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.append(marker);
  }
  const data = (await (await fetch(container.dataset.source!)).json()) as GraphData;
  const layoutName = container.dataset.layout ?? 'cose';
  const colours: Record<string, string> = { Person: '#1a5fb4', Faction: '#8a1c1c', Document: '#5e5c64', Position: '#26a269', Event: '#c64600', Place: '#613583' };
  const elements: ElementDefinition[] = [
    ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, type: n.type, href: n.href } })),
    ...data.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, relation: e.relation, label: e.label, year: e.year ?? '' } })),
  ];
  const cy = cytoscape({
    container,
    elements,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': (n) => colours[n.data('type')] ?? '#444', color: '#1d1d1f', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': '110px', width: 14, height: 14 } },
      { selector: 'edge', style: { width: 1.5, 'line-color': '#9a9996', 'target-arrow-color': '#9a9996', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#4a4a52' } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
    layout: layoutName === 'breadthfirst' ? { name: 'breadthfirst', directed: true, spacingFactor: 1.7 } : { name: 'cose', animate: false, nodeRepulsion: () => 9000 },
  });
  cy.on('tap', 'node', (event) => { location.href = event.target.data('href'); });
  // The instance is reachable from the container, for the browser tests and for curious readers.
  (container as HTMLElement & { cy?: cytoscape.Core }).cy = cy;
  container.dataset.ready = 'true';

  const form = document.getElementById('graph-filters') as HTMLFormElement | null;
  if (!form) return;
  const from = form.querySelector<HTMLInputElement>('input[name=from]')!;
  const to = form.querySelector<HTMLInputElement>('input[name=to]')!;
  const apply = () => {
    const relations = new Set([...form.querySelectorAll<HTMLInputElement>('input[name=relation]:checked')].map((c) => c.value));
    const [a, b] = [Number(from.value), Number(to.value)];
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        const year = Number(edge.data('year'));
        const visible = relations.has(edge.data('relation')) && (!year || (year >= a && year <= b));
        edge.toggleClass('hidden', !visible);
      });
      cy.nodes().forEach((node) => { node.toggleClass('hidden', node.connectedEdges(':visible').length === 0 && node.connectedEdges().length > 0); });
    });
    const output = form.querySelector('output');
    if (output) output.textContent = `${cy.edges(':visible').length} / ${cy.edges().length}`;
  };
  form.addEventListener('input', apply);
  apply();
}
