/**
 * The "how to cite" section of the entity and dataset pages: the citation line, the stable IRI and the
 * version, and the same citation as BibLaTeX and CSL-JSON, shown and downloadable (Zotero imports
 * either file; Citation.js and Pandoc read CSL-JSON).
 */
import type { VNode } from 'preact';
import { bibtex, cslJson, type Citation } from '../Citation.ts';
import { html } from './Html.ts';
import type { UiLanguage } from './Layout.ts';

const words = {
  en: {
    cite: 'How to cite', iri: 'Stable IRI', version: 'Dataset version',
    why: 'The IRI stays the same from one version to the next (a renamed entity redirects to its new IRI); the version names the exact data you cite. The date in the citation is when this version was published; add the date you consulted it (urldate in BibLaTeX, accessed in CSL-JSON) yourself.',
    download: 'download',
  },
  ru: {
    cite: 'Как цитировать', iri: 'Постоянный IRI', version: 'Версия набора данных',
    why: 'IRI не меняется от версии к версии (переименованная сущность перенаправляет на новый IRI); версия указывает точные данные, которые вы цитируете. Дата в ссылке — дата публикации этой версии; дату обращения (urldate в BibLaTeX, accessed в CSL-JSON) добавьте сами.',
    download: 'скачать',
  },
};

/** `downloads` is the path of the citation files without their extension (`.bib`, `.csl.json`). */
export function CitationSection(citation: Citation, downloads: string, language: UiLanguage): VNode {
  const t = words[language];
  return html`<section class="how-to-cite">
    <h2>${t.cite}</h2>
    <p class="citation">${citation.line}</p>
    <p>${t.iri}: <code>${citation.iri}</code> · ${t.version}: <code>${citation.version}</code></p>
    <p class="note">${t.why}</p>
    <h3>BibLaTeX <a href=${`${downloads}.bib`} type="application/x-bibtex" download="">${t.download} .bib</a></h3>
    <pre class="citation-bibtex"><code>${bibtex(citation)}</code></pre>
    <h3>CSL-JSON <a href=${`${downloads}.csl.json`} type="application/vnd.citationstyles.csl+json" download="">${t.download} .csl.json</a></h3>
    <pre class="citation-csl"><code>${cslJson(citation)}</code></pre>
  </section>`;
}
