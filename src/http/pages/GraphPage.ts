/**
 * The two visualisations, genealogy and network: a cytoscape canvas (the script adds it) with filters
 * by year and relation, and under it the same edges as a table, which works without script and for
 * screen readers.
 */
import type { VNode } from 'preact';
import type { RelationGraph } from '../../store/RelationGraphs.ts';
import { html } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';

export interface GraphPageModel {
  readonly kind: 'genealogy' | 'network';
  readonly graph: RelationGraph;
  readonly base: string;
  readonly language: UiLanguage;
  readonly path: string;
}

const text = {
  genealogy: {
    en: { title: 'Genealogy of the factions', intro: 'Splits, mergers and successor groups, 1918-1933, as the texts state them. Each arrow points from the group to the group it split from, merged into or continued. Click a group to open its page.' },
    ru: { title: 'Генеалогия фракций', intro: 'Расколы, слияния и группы-преемницы 1918-1933 гг., как о них говорят тексты. Стрелка ведёт от группы к той, от которой она откололась, в которую влилась или которую продолжила. Щелчок по группе открывает её страницу.' },
  },
  network: {
    en: { title: 'Network of persons and factions', intro: 'Membership, leadership, criticism, opposition, support and alliance between persons and factions. Filter by year and relation; click a node to open its page.' },
    ru: { title: 'Сеть лиц и фракций', intro: 'Членство, руководство, критика, противостояние, поддержка и союзы между лицами и фракциями. Фильтр по годам и отношениям; щелчок по узлу открывает его страницу.' },
  },
};

export function GraphPage(model: GraphPageModel): VNode {
  const { graph, language } = model;
  const t = text[model.kind][language];
  const en = language === 'en';
  const root = new URL(model.base).pathname;
  const names = new Map(graph.nodes.map((n) => [n.id, n]));
  return Layout({ title: t.title, base: model.base, language, path: model.path, scripts: [`${root}assets/graph-view.js`] },
    html`<h1>${t.title}</h1>
    <p>${t.intro}</p>
    <form id="graph-filters" class="filters">
      <fieldset><legend>${en ? 'Years' : 'Годы'}</legend>
        <label>${en ? 'from' : 'с'} <input type="number" name="from" min=${graph.years[0]} max=${graph.years[1]} value=${graph.years[0]} /></label>
        <label>${en ? 'to' : 'по'} <input type="number" name="to" min=${graph.years[0]} max=${graph.years[1]} value=${graph.years[1]} /></label>
      </fieldset>
      <fieldset><legend>${en ? 'Relations' : 'Отношения'}</legend>
        ${graph.relations.map((r) => html`<label><input type="checkbox" name="relation" value=${r.name} checked /> ${r.label}</label> `)}
      </fieldset>
      <p>${en ? 'Edges shown' : 'Показано связей'}: <output>${graph.edges.length}</output></p>
    </form>
    <div id="graph" class=${`graph ${model.kind}`} data-source=${`${root}api/${model.kind}.json?lang=${language}`} data-layout=${model.kind === 'genealogy' ? 'breadthfirst' : 'cose'}
      role="img" aria-label=${`${t.title}: ${graph.nodes.length} ${en ? 'nodes' : 'узлов'}, ${graph.edges.length} ${en ? 'edges' : 'связей'}`}></div>
    <details class="edge-table">
      <summary>${en ? 'The same as a table' : 'То же в виде таблицы'} (${graph.edges.length})</summary>
      <table>
        <thead><tr><th scope="col">${en ? 'From' : 'От'}</th><th scope="col">${en ? 'Relation' : 'Отношение'}</th><th scope="col">${en ? 'To' : 'К'}</th><th scope="col">${en ? 'Year' : 'Год'}</th><th scope="col">${en ? 'Statement' : 'Утверждение'}</th></tr></thead>
        <tbody>${graph.edges.map((e) => html`<tr>
          <td><a href=${names.get(e.source)?.href}>${names.get(e.source)?.label}</a></td><td>${e.label}</td>
          <td><a href=${names.get(e.target)?.href}>${names.get(e.target)?.label}</a></td><td>${e.year ?? ''}</td>
          <td><a href=${e.id.startsWith(model.base) ? root + e.id.slice(model.base.length) : e.id}>${en ? 'passage' : 'отрывок'}</a></td></tr>`)}</tbody>
      </table>
    </details>`);
}
