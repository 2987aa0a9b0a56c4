/**
 * How to cite the dataset and each entity: a citation line, CSL-JSON (what Zotero, Citation.js and
 * Pandoc read) as data, and BibLaTeX written from it by Citation.js, which escapes what TeX would
 * misread. A citation names the stable IRI and the dataset version: the IRI stays the same from one
 * version to the next (a renamed entity redirects), while the version pins the exact data cited. The
 * date of the version is when it was published here; the date the reader consulted it is theirs to add.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { BuildManifest } from '../dataset/DatasetBuilder.ts';
import { datasetPublisher, datasetTitle } from './DatasetDescription.ts';

export const bibtexMediaType = 'application/x-bibtex';
export const cslJsonMediaType = 'application/vnd.citationstyles.csl+json';

// BibTeX files are read by TeX: the entry is written in ASCII with TeX escapes for everything else.
// (Without asciiOnly Citation.js leaves &, % and braces unescaped.) Its label is the item's id.
const bibtexConfiguration = plugins.config.get('@bibtex');
bibtexConfiguration.format.asciiOnly = true;
bibtexConfiguration.format.useIdAsLabel = true;

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the fields used here. */
export interface CslItem {
  readonly id: string;
  readonly type: 'dataset' | 'entry';
  readonly title: string;
  readonly 'container-title'?: string;
  readonly version: string;
  readonly URL: string;
  readonly publisher: string;
  readonly author: readonly { readonly literal: string }[];
  readonly issued: { readonly 'date-parts': readonly (readonly number[])[] };
}

export interface Citation {
  /** The stable IRI of the thing cited. */
  readonly iri: string;
  readonly version: string;
  readonly line: string;
  readonly csl: CslItem;
}

const dateParts = (date: Date) => ({ 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] });

export function datasetCitation(manifest: BuildManifest, published: Date, language: 'en' | 'ru'): Citation {
  const en = language === 'en';
  return {
    iri: manifest.base,
    version: manifest.version,
    line: `${datasetTitle[language]}. ${en ? 'Knowledge graph, version' : 'Граф знаний, версия'} ${manifest.version}. ${manifest.base}`,
    csl: {
      id: `rcp-factions-${manifest.version}`, type: 'dataset', title: datasetTitle.en, version: manifest.version, URL: manifest.base,
      publisher: datasetPublisher, author: [{ literal: datasetPublisher }], issued: dateParts(published),
    },
  };
}

/** An entity cited as an entry of the dataset; `labels` are its rdfs:labels by language. */
export function entityCitation(iri: string, labels: Readonly<Record<string, string>>, manifest: BuildManifest, published: Date, language: 'en' | 'ru'): Citation {
  const dataset = datasetCitation(manifest, published, language);
  const slug = iri.slice(iri.lastIndexOf('/') + 1);
  return {
    iri,
    version: manifest.version,
    line: `${labels[language] ?? labels.en ?? iri}. ${dataset.line} ${iri}`,
    csl: {
      ...dataset.csl, id: `${slug}-${manifest.version}`, type: 'entry', title: labels.en ?? labels[language] ?? iri,
      'container-title': datasetTitle.en, URL: iri,
    },
  };
}

export function cslJson(citation: Citation): string {
  return JSON.stringify([citation.csl], null, 2) + '\n';
}

export function bibtex(citation: Citation): string {
  return new Cite([citation.csl]).format('biblatex').trim() + '\n';
}
