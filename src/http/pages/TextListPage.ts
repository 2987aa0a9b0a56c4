/** The list of source texts, with their language and reliability. */
import type { VNode } from 'preact';
import { html } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';

export function TextListPage(texts: readonly { id: string; titles: Record<string, string>; reliability: string; language: string }[], base: string, language: UiLanguage, path: string): VNode {
  const root = new URL(base).pathname;
  const en = language === 'en';
  return Layout({ title: en ? 'Source texts' : 'Источники', base, language, path },
    html`<h1>${en ? 'Source texts' : 'Источники'}</h1>
    <table>
      <thead><tr><th>${en ? 'Text' : 'Текст'}</th><th>${en ? 'Language' : 'Язык'}</th><th>${en ? 'Reliability' : 'Надёжность'}</th></tr></thead>
      <tbody>${texts.map((t) => html`<tr><td><a href=${`${root}text/${t.id}`}>${t.titles[language] ?? t.titles.en}</a></td><td>${t.language}</td><td>${t.reliability}</td></tr>`)}</tbody>
    </table>`);
}
