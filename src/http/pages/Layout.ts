/** The frame of every page: header with search, navigation, main content and the footer. */
import type { VNode } from 'preact';
import { html, type Markup } from './Html.ts';

export type UiLanguage = 'en' | 'ru';

export interface PageFrame {
  readonly title: string;
  readonly base: string;
  readonly language: UiLanguage;
  readonly path: string;
  readonly alternates?: readonly { href: string; type: string }[];
  readonly jsonLd?: { __html: string };
  readonly scripts?: readonly string[];
  readonly query?: string;
}

const nav = {
  en: { browse: 'Browse', texts: 'Source texts', sparql: 'SPARQL', genealogy: 'Genealogy', network: 'Network', ontology: 'Ontology', dataset: 'Dataset', search: 'Search', searchLabel: 'Search people, factions, documents', switchTo: 'Русский' },
  ru: { browse: 'Обзор', texts: 'Источники', sparql: 'SPARQL', genealogy: 'Генеалогия', network: 'Сеть', ontology: 'Онтология', dataset: 'Набор данных', search: 'Найти', searchLabel: 'Поиск лиц, фракций, документов', switchTo: 'English' },
};

export function Layout(frame: PageFrame, ...content: Markup[]): VNode {
  const t = nav[frame.language];
  const other: UiLanguage = frame.language === 'en' ? 'ru' : 'en';
  const root = new URL(frame.base).pathname;
  return html`<html lang=${frame.language}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${frame.title}</title>
      <link rel="stylesheet" href=${`${root}assets/style.css`} />
      <link rel="alternate" type="text/turtle" href=${`${root}.well-known/void`} title="VoID description" />
      ${(frame.alternates ?? []).map((a) => html`<link rel="alternate" type=${a.type} href=${a.href} />`)}
      ${frame.jsonLd && html`<script type="application/ld+json" dangerouslySetInnerHTML=${frame.jsonLd}></script>`}
      ${(frame.scripts ?? []).map((src) => html`<script type="module" src=${src}></script>`)}
    </head>
    <body>
      <a class="skip" href="#main">${frame.language === 'en' ? 'Skip to content' : 'К содержанию'}</a>
      <header class="site">
        <a class="brand" href=${root}>${frame.language === 'en' ? 'RCP factions 1918-1933' : 'Фракции РКП(б) 1918-1933'}</a>
        <nav aria-label=${frame.language === 'en' ? 'Main' : 'Основное'}>
          <a href=${`${root}browse`}>${t.browse}</a>
          <a href=${`${root}text/`}>${t.texts}</a>
          <a href=${`${root}genealogy`}>${t.genealogy}</a>
          <a href=${`${root}network`}>${t.network}</a>
          <a href=${`${root}sparql`}>${t.sparql}</a>
          <a href=${`${root}ontology`}>${t.ontology}</a>
          <a href=${`${root}dataset`}>${t.dataset}</a>
        </nav>
        <form class="search" role="search" action=${`${root}search`} method="get">
          <label for="q" class="visually-hidden">${t.searchLabel}</label>
          <input id="q" name="q" type="search" placeholder=${t.searchLabel} value=${frame.query ?? ''} />
          <button type="submit">${t.search}</button>
        </form>
        <a class="language" href=${`${root}language/${other}?back=${encodeURIComponent(frame.path)}`} hreflang=${other}>${t.switchTo}</a>
      </header>
      <main id="main">${content}</main>
      <footer>
        <p>
          <a href=${`${root}dataset`}>${t.dataset}</a> · <a href=${`${root}.well-known/void`}>VoID</a> ·
          <a href=${`${root}dump.ttl`}>dump.ttl</a> · <a href=${`${root}dump.nq`}>dump.nq</a> ·
          <span>${frame.language === 'en' ? 'Data licence: CC BY 4.0' : 'Лицензия данных: CC BY 4.0'}</span>
        </p>
      </footer>
    </body>
  </html>`;
}
