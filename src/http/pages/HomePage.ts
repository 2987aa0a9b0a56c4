/** The home page: what the graph is, in a paragraph, and where to start. */
import type { VNode } from 'preact';
import type { BuildManifest } from '../../dataset/DatasetBuilder.ts';
import { datasetDescription, datasetTitle } from '../DatasetDescription.ts';
import { html } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';

export function HomePage(manifest: BuildManifest, base: string, language: UiLanguage, path: string): VNode {
  const root = new URL(base).pathname;
  const en = language === 'en';
  const s = manifest.statistics;
  return Layout({ title: datasetTitle[language], base, language, path },
    html`<h1>${datasetTitle[language]}</h1>
    <p class="lead">${datasetDescription[language]}</p>
    <p>${en
      ? `${s.entities} entities, ${s.statements} statements from ${s.texts} annotated texts, ${s.triples} triples.`
      : `${s.entities} сущностей, ${s.statements} утверждений из ${s.texts} размеченных текстов, ${s.triples} триплетов.`}</p>
    <h2>${en ? 'Where to start' : 'С чего начать'}</h2>
    <ul class="start">
      <li><a href=${`${root}id/person/trotsky`}>${en ? 'Leon Trotsky' : 'Лев Троцкий'}</a>, <a href=${`${root}id/faction/democratic-centralists`}>${en ? 'the Democratic Centralists' : 'децисты'}</a>, <a href=${`${root}id/faction/workers-group`}>${en ? "the Workers' Group" : 'Рабочая группа'}</a></li>
      <li><a href=${`${root}browse`}>${en ? 'Browse people, factions, documents and positions' : 'Лица, фракции, документы и позиции'}</a></li>
      <li><a href=${`${root}text/`}>${en ? 'Read the source texts, with every annotation' : 'Читать источники со всей разметкой'}</a></li>
      <li><a href=${`${root}genealogy`}>${en ? 'The genealogy of the factions' : 'Генеалогия фракций'}</a> · <a href=${`${root}network`}>${en ? 'the network of persons and factions' : 'сеть лиц и фракций'}</a></li>
      <li><a href=${`${root}sparql`}>${en ? 'Ask your own questions in SPARQL' : 'Задать свой вопрос на SPARQL'}</a></li>
      <li><a href=${`${root}dataset`}>${en ? 'Download the whole dataset' : 'Скачать весь набор данных'}</a></li>
    </ul>`);
}
