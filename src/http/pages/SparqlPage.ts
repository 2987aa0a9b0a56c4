/**
 * The query page at /sparql for browsers: the YASGUI editor (bundled, served from /assets) pointed at
 * this endpoint, with the example queries one click away. Without script, a plain form still works.
 */
import type { VNode } from 'preact';
import { html } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';

export interface ExampleQuery { readonly file: string; readonly title: string; readonly answers: string; readonly query: string }

export function SparqlPage(examples: readonly ExampleQuery[], base: string, language: UiLanguage, path: string, hasEditor: boolean): VNode {
  const root = new URL(base).pathname;
  const en = language === 'en';
  return Layout({
    title: 'SPARQL', base, language, path,
    scripts: hasEditor ? [`${root}assets/sparql-editor.js`] : [],
  }, html`<h1>${en ? 'Query the graph with SPARQL' : 'Запросы к графу на SPARQL'}</h1>
    <p>${en ? 'Endpoint' : 'Точка доступа'}: <code>${base}sparql</code> (SPARQL 1.1 Protocol). ${en ? 'The default graph is the union of all texts; each text is a named graph.' : 'Граф по умолчанию — объединение всех текстов; каждый текст — именованный граф.'}</p>
    ${hasEditor && html`<link rel="stylesheet" href=${`${root}assets/sparql-editor.css`} />`}
    <div id="yasgui" data-endpoint=${`${root}sparql`}></div>
    <form class="plain-query" method="get" action=${`${root}sparql`}>
      <label for="query">${en ? 'Query' : 'Запрос'}</label>
      <textarea id="query" name="query" rows="12" cols="100">${examples[0]?.query ?? 'SELECT * WHERE { ?s ?p ?o } LIMIT 10'}</textarea>
      <button type="submit">${en ? 'Run' : 'Выполнить'}</button>
    </form>
    <h2>${en ? 'Example queries' : 'Примеры запросов'}</h2>
    <ul class="examples">${examples.map((e) => html`<li>
      <a class="example" href=${`${root}sparql?query=${encodeURIComponent(e.query)}`} data-query=${e.query} data-title=${e.title}>${e.title}</a>
      <span class="answers">${e.answers}</span>
    </li>`)}</ul>`);
}
