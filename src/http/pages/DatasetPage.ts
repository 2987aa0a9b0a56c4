/**
 * The dataset page: statistics, licence, dumps and exports (Web Annotations, GraphML, GEXF, CSV) with
 * sizes and checksums, endpoints, how to cite.
 */
import type { VNode } from 'preact';
import type { BuildManifest } from '../../dataset/DatasetBuilder.ts';
import { datasetExports } from '../../dataset/Exports.ts';
import { datasetCitation } from '../Citation.ts';
import { datasetLicence, dumpPaths } from '../DatasetDescription.ts';
import { CitationSection } from './CitationSection.ts';
import { html } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';

/** `published`: when this version of the dataset was published (the build's time). */
export function DatasetPage(manifest: BuildManifest, base: string, language: UiLanguage, path: string, published: Date): VNode {
  const root = new URL(base).pathname;
  const en = language === 'en';
  const s = manifest.statistics;
  return Layout({ title: en ? 'The dataset' : 'Набор данных', base, language, path },
    html`<h1>${en ? 'The dataset' : 'Набор данных'}</h1>
    <p>${en ? 'Version' : 'Версия'} <code>${manifest.version}</code> · ${en ? 'Licence' : 'Лицензия'}: <a href=${datasetLicence}>CC BY 4.0</a> ·
      <a href=${`${root}.well-known/void`}>VoID / DCAT</a> · <a href=${`${root}sparql`}>SPARQL</a></p>
    <h2>${en ? 'Downloads' : 'Скачать'}</h2>
    <table>
      <thead><tr><th>${en ? 'File' : 'Файл'}</th><th>${en ? 'Format' : 'Формат'}</th><th>${en ? 'Bytes' : 'Байт'}</th><th>SHA-256</th><th>gzip</th></tr></thead>
      <tbody>${manifest.files.filter((f) => dumpPaths[f.name]).map((f) => html`<tr>
        <td><a href=${`${root}${dumpPaths[f.name]}`}>${dumpPaths[f.name]}</a></td><td>${f.mediaType}</td><td>${f.bytes}</td>
        <td><code class="checksum">${f.sha256}</code></td><td><a href=${`${root}${dumpPaths[f.name]}.gz`}>${dumpPaths[f.name]}.gz</a></td></tr>`)}</tbody>
    </table>
    <h2 id="exports">${en ? 'For annotation, network and spreadsheet tools' : 'Для программ аннотирования, анализа сетей и таблиц'}</h2>
    <p>${en
      ? html`The annotations are also served as a paged Web Annotation collection at <a href=${`${root}annotations`}>annotations</a>. In the network files nodes are the entities and edges the statements, each with its source text, quote, certainty and dates; the GEXF file is dynamic, for Gephi's timeline.`
      : html`Аннотации доступны и как постраничная коллекция Web Annotation: <a href=${`${root}annotations`}>annotations</a>. В файлах сети узлы — сущности, рёбра — утверждения, с источником, цитатой, степенью достоверности и датами; файл GEXF динамический, для шкалы времени Gephi.`}</p>
    <table>
      <thead><tr><th>${en ? 'File' : 'Файл'}</th><th>${en ? 'Contents' : 'Содержание'}</th><th>${en ? 'Format' : 'Формат'}</th><th>${en ? 'Bytes' : 'Байт'}</th><th>SHA-256</th></tr></thead>
      <tbody>${datasetExports.map((e) => manifest.files.find((f) => f.name === e.file)).filter((f) => f !== undefined).map((f) => html`<tr>
        <td><a href=${`${root}${f.name}`} download="">${f.name}</a></td><td>${datasetExports.find((e) => e.file === f.name)!.title}</td><td>${f.mediaType}</td><td>${f.bytes}</td>
        <td><code class="checksum">${f.sha256}</code></td></tr>`)}</tbody>
    </table>
    <h2>${en ? 'Contents' : 'Содержание'}</h2>
    <table>
      <thead><tr><th>${en ? 'Class' : 'Класс'}</th><th>${en ? 'Entities' : 'Сущностей'}</th></tr></thead>
      <tbody>${Object.entries(s.entitiesPerClass).map(([c, n]) => html`<tr><td><a href=${`${root}browse/${c.toLowerCase()}`}>${c}</a></td><td>${n}</td></tr>`)}</tbody>
    </table>
    <table>
      <thead><tr><th>${en ? 'Relation' : 'Отношение'}</th><th>${en ? 'Statements' : 'Утверждений'}</th></tr></thead>
      <tbody>${Object.entries(s.statementsPerRelation).map(([r, n]) => html`<tr><td><a href=${`${root}ontology#${r}`}>${r}</a></td><td>${n}</td></tr>`)}</tbody>
    </table>
    <p>${s.texts} ${en ? 'texts' : 'текстов'}, ${s.mentions} ${en ? 'mentions' : 'упоминаний'}, ${s.statements} ${en ? 'statements' : 'утверждений'}, ${s.quads} ${en ? 'quads' : 'квадов'}.</p>
    ${CitationSection(datasetCitation(manifest, published, language), `${root}dataset`, language)}`);
}
