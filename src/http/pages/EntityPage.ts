/**
 * The HTML of an entity IRI: labels and description in the reader's language (the other language
 * beside it), the statements grouped by relation with dates and their evidence (quote, source text,
 * a link to the passage), the statements pointing to it, the alternate formats, schema.org JSON-LD
 * for search engines, and a small neighbourhood graph drawn as SVG on the server.
 */
import type { VNode } from 'preact';
import type { EntityDescription, Evidence, RelationView } from '../../store/EntityDescriber.ts';
import type { Citation } from '../Citation.ts';
import { CitationSection } from './CitationSection.ts';
import { html, jsonForScript, type Markup } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';
import { NeighbourhoodGraph } from './NeighbourhoodGraph.ts';

export interface EntityPageModel {
  readonly description: EntityDescription;
  readonly type: string;
  readonly altLabels: readonly { value: string; language: string }[];
  readonly descriptions: readonly { value: string; language: string }[];
  readonly relationLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly formats: readonly { extension: string; mediaType: string }[];
  readonly base: string;
  readonly language: UiLanguage;
  readonly path: string;
  readonly citation: Citation;
}

const words = {
  en: { statements: 'Statements', incoming: 'Statements about it', names: 'Also known as', formats: 'This page as data', source: 'source', passage: 'read the passage', noStatements: 'No statements yet.', mentions: 'Mentioned in the texts', times: 'times', neighbourhood: 'Neighbourhood', probable: 'probable', uncertain: 'uncertain', from: 'from', to: 'to' },
  ru: { statements: 'Утверждения', incoming: 'Утверждения о нём', names: 'Другие имена', formats: 'Эта страница как данные', source: 'источник', passage: 'читать отрывок', noStatements: 'Утверждений пока нет.', mentions: 'Упоминаний в текстах', times: '', neighbourhood: 'Окружение', probable: 'вероятно', uncertain: 'недостоверно', from: 'с', to: 'по' },
};

export function pick(labels: Readonly<Record<string, string>> | undefined, language: UiLanguage, fallback: string): string {
  return labels?.[language] ?? labels?.[language === 'en' ? 'ru' : 'en'] ?? labels?.und ?? fallback;
}

function localPath(iri: string, base: string): string {
  return iri.startsWith(base) ? new URL(base).pathname + iri.slice(base.length) : iri;
}

function dateText(e: Evidence, language: UiLanguage): string {
  const t = words[language];
  if (e.date) return e.date;
  if (e.from || e.to) return [e.from && `${t.from} ${e.from}`, e.to && `${t.to} ${e.to}`].filter(Boolean).join(' ');
  return '';
}

function EvidenceItem(e: Evidence, model: EntityPageModel): VNode {
  const t = words[model.language];
  const when = dateText(e, model.language);
  const sourceLabel = pick(model.description.labels.get(e.source), model.language, e.source);
  return html`<li class="evidence">
    ${when && html`<span class="date">${when}</span>`}
    ${e.certainty && e.certainty !== 'certain' && html`<span class=${`certainty ${e.certainty}`}>${t[e.certainty as 'probable' | 'uncertain'] ?? e.certainty}</span>`}
    <blockquote lang=${undefined}>…${e.prefix.slice(-20)}<mark>${e.quote}</mark>${e.suffix.slice(0, 20)}…</blockquote>
    <span class="cite">${t.source}: <a href=${localPath(e.source, model.base)}>${sourceLabel}</a> · <a href=${localPath(e.statement, model.base)}>${t.passage}</a></span>
    ${e.note && html`<p class="note">${e.note}</p>`}
  </li>`;
}

function RelationGroup(views: readonly RelationView[], direction: 'out' | 'in', model: EntityPageModel): Markup {
  const byPredicate = new Map<string, RelationView[]>();
  for (const v of views) byPredicate.set(v.predicate, [...(byPredicate.get(v.predicate) ?? []), v]);
  return [...byPredicate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([predicate, list]) => html`<section class="relation">
    <h3>${pick(model.relationLabels.get(predicate), model.language, predicate.split('#').pop() ?? predicate)}</h3>
    <ul>
      ${list.map((v) => {
        const other = direction === 'out' ? v.object : v.subject;
        return html`<li>
          <a href=${localPath(other, model.base)}>${pick(model.description.labels.get(other), model.language, other)}</a>
          <ul class="evidence-list">${v.evidence.map((e) => EvidenceItem(e, model))}</ul>
        </li>`;
      })}
    </ul>
  </section>`);
}

export function EntityPage(model: EntityPageModel): VNode {
  const { description: d, language } = model;
  const t = words[language];
  const other: UiLanguage = language === 'en' ? 'ru' : 'en';
  const label = pick(d.labels.get(d.iri), language, d.iri);
  const otherLabel = d.labels.get(d.iri)?.[other];
  const text = (list: readonly { value: string; language: string }[], lang: string) => list.filter((l) => l.language === lang).map((l) => l.value);
  const schemaType = { Person: 'Person', Faction: 'Organization', Document: 'CreativeWork', Position: 'DefinedTerm', Event: 'Event', Place: 'Place' }[model.type] ?? 'Thing';
  const jsonLd = jsonForScript({
    '@context': 'https://schema.org/',
    '@type': schemaType,
    '@id': d.iri,
    name: [d.labels.get(d.iri)?.en, d.labels.get(d.iri)?.ru].filter(Boolean),
    alternateName: model.altLabels.map((l) => l.value),
    description: text(model.descriptions, language)[0],
    url: d.iri,
  });
  const alternates = model.formats.map((f) => ({ href: `${localPath(d.iri, model.base)}.${f.extension}`, type: f.mediaType }));
  return Layout({ title: label, base: model.base, language, path: model.path, alternates, jsonLd },
    html`<article class="entity" typeof=${schemaType} about=${d.iri}>
      <p class="kind">${model.type}</p>
      <h1>${label}${otherLabel && otherLabel !== label && html` <span class="other-language" lang=${other}>${otherLabel}</span>`}</h1>
      <p class="iri"><code>${d.iri}</code></p>
      ${text(model.descriptions, language).map((s) => html`<p class="description">${s}</p>`)}
      ${text(model.descriptions, other).map((s) => html`<p class="description other-language" lang=${other}>${s}</p>`)}
      ${model.altLabels.length > 0 && html`<p class="names"><strong>${t.names}:</strong> ${model.altLabels.map((l, i) => html`${i > 0 && ', '}<span lang=${l.language}>${l.value}</span>`)}</p>`}
      <p class="mentions">${t.mentions}: ${d.mentions}</p>
      <h2>${t.statements}</h2>
      ${d.outgoing.length ? RelationGroup(d.outgoing, 'out', model) : html`<p>${t.noStatements}</p>`}
      ${d.incoming.length > 0 && html`<h2>${t.incoming}</h2>${RelationGroup(d.incoming, 'in', model)}`}
      <h2>${t.neighbourhood}</h2>
      ${NeighbourhoodGraph(d, model.base, language)}
      <h2>${t.formats}</h2>
      <ul class="formats">${alternates.map((a) => html`<li><a href=${a.href} type=${a.type}>${a.type}</a></li>`)}</ul>
      ${CitationSection(model.citation, localPath(d.iri, model.base), language)}
    </article>`);
}
