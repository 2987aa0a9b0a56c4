/** Search results and the per-class lists (browse), server-rendered so they work without script. */
import type { VNode } from 'preact';
import type { SearchHit } from '../../store/SearchIndex.ts';
import { html } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';

const local = (iri: string, base: string) => new URL(base).pathname + iri.slice(base.length);

export function SearchPage(query: string, hits: readonly SearchHit[], base: string, language: UiLanguage, path: string): VNode {
  const en = language === 'en';
  return Layout({ title: en ? `Search: ${query}` : `Поиск: ${query}`, base, language, path, query },
    html`<h1>${en ? 'Search' : 'Поиск'}</h1>
    ${query ? html`<p>${hits.length} ${en ? 'results for' : 'результатов для'} <q>${query}</q></p>` : html`<p>${en ? 'Type a name in either script.' : 'Введите имя кириллицей или латиницей.'}</p>`}
    <ol class="results">${hits.map((h) => html`<li>
      <a href=${local(h.iri, base)}>${h.labels[language] ?? h.labels.en}</a> <span class="kind">${h.type}</span>
      ${h.matched !== (h.labels[language] ?? h.labels.en) && html` <span class="matched">(${h.matched})</span>`}
    </li>`)}</ol>`);
}

export interface BrowseEntry { readonly iri: string; readonly labels: Readonly<Record<string, string>>; readonly statements: number }

export function BrowsePage(type: string | undefined, counts: Readonly<Record<string, number>>, entries: readonly BrowseEntry[], sort: string, base: string, language: UiLanguage, path: string): VNode {
  const en = language === 'en';
  const root = new URL(base).pathname;
  const name = (e: BrowseEntry) => e.labels[language] ?? e.labels.en ?? e.iri;
  const sorted = [...entries].sort(sort === 'statements' ? (a, b) => b.statements - a.statements || name(a).localeCompare(name(b)) : (a, b) => name(a).localeCompare(name(b), language));
  return Layout({ title: en ? `Browse${type ? `: ${type}` : ''}` : `Обзор${type ? `: ${type}` : ''}`, base, language, path },
    html`<h1>${en ? 'Browse' : 'Обзор'}</h1>
    <ul class="classes">${Object.entries(counts).map(([c, n]) => html`<li><a href=${`${root}browse/${c.toLowerCase()}`} aria-current=${c.toLowerCase() === type ? 'page' : undefined}>${c}</a> (${n})</li>`)}</ul>
    ${type && html`<p>${en ? 'Sort by' : 'Сортировать'}:
      <a href=${`${root}browse/${type}?sort=name`} aria-current=${sort !== 'statements' ? 'true' : undefined}>${en ? 'name' : 'имени'}</a> ·
      <a href=${`${root}browse/${type}?sort=statements`} aria-current=${sort === 'statements' ? 'true' : undefined}>${en ? 'number of statements' : 'числу утверждений'}</a></p>
    <table>
      <thead><tr><th scope="col">${en ? 'Name' : 'Имя'}</th><th scope="col">${en ? 'Statements' : 'Утверждений'}</th></tr></thead>
      <tbody>${sorted.map((e) => html`<tr><td><a href=${local(e.iri, base)}>${name(e)}</a></td><td>${e.statements}</td></tr>`)}</tbody>
    </table>`}`);
}
