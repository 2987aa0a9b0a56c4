/** The 404 page for browsers: what was asked for, and entities whose names come close to it. */
import type { VNode } from 'preact';
import { html } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';

export interface Suggestion { readonly href: string; readonly label: string; readonly type: string }

export function NotFoundPage(base: string, language: UiLanguage, path: string, guess: string, suggestions: readonly Suggestion[]): VNode {
  const en = language === 'en';
  return Layout({ title: en ? 'Not found' : 'Не найдено', base, language, path, query: guess },
    html`<h1>${en ? 'Not found' : 'Не найдено'}</h1>
    <p>${en ? 'There is nothing at' : 'По этому адресу ничего нет:'} <code>${path}</code>.</p>
    ${suggestions.length > 0 && html`<h2>${en ? `Did you mean` : 'Возможно, вы искали'}</h2>
      <ul class="results">${suggestions.map((s) => html`<li><a href=${s.href}>${s.label}</a> <span class="kind">${s.type}</span></li>`)}</ul>`}
    <p>${en ? 'Try the search box above, or ' : 'Воспользуйтесь поиском выше или '}<a href=${`${new URL(base).pathname}browse`}>${en ? 'browse the entities' : 'просмотрите список'}</a>.</p>`);
}
