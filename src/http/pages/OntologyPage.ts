/**
 * The ontology's documentation, generated from its Turtle: classes and properties with labels and
 * comments in both languages, domains, ranges and alignments to other vocabularies. Each term has an
 * anchor, so that `…/ontology#memberOf` lands on its entry.
 */
import type { VNode } from 'preact';
import type { Quad, Term } from '@rdfjs/types';
import { html } from './Html.ts';
import { Layout, type UiLanguage } from './Layout.ts';
import { owl, rdf, rdfs, prefixes } from '../../ontology/Vocabulary.ts';

interface TermDoc { iri: string; local: string; kind: string; labels: Record<string, string>; comments: Record<string, string>; domain: string[]; range: string[]; parents: string[]; inverseOf: string[] }

export function documentOntology(quads: readonly Quad[], namespace: string): TermDoc[] {
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) bySubject.set(q.subject.value, [...(bySubject.get(q.subject.value) ?? []), q]);
  const shortName = (term: Term): string[] => {
    if (term.termType === 'BlankNode') {
      // A union of classes: follow the RDF list.
      const union = bySubject.get(term.value)?.find((q) => q.predicate.equals(owl('unionOf')))?.object;
      const members: string[] = [];
      for (let node = union; node && node.value !== `${prefixes.rdf}nil`;) {
        const list = bySubject.get(node.value) ?? [];
        const first = list.find((q) => q.predicate.equals(rdf('first')))?.object;
        if (first) members.push(...shortName(first));
        node = list.find((q) => q.predicate.equals(rdf('rest')))?.object;
      }
      return members;
    }
    if (term.value.startsWith(namespace)) return [term.value.slice(namespace.length)];
    const prefix = Object.entries(prefixes).find(([, ns]) => term.value.startsWith(ns));
    return [prefix ? `${prefix[0]}:${term.value.slice(prefix[1].length)}` : term.value];
  };
  const docs: TermDoc[] = [];
  for (const [iri, list] of bySubject) {
    if (!iri.startsWith(namespace)) continue;
    const types = list.filter((q) => q.predicate.equals(rdf('type'))).map((q) => q.object.value);
    const kind = types.includes(`${prefixes.owl}Class`) ? 'Class' : types.includes(`${prefixes.owl}ObjectProperty`) ? 'Object property'
      : types.includes(`${prefixes.owl}DatatypeProperty`) ? 'Datatype property' : types.includes(`${prefixes.owl}NamedIndividual`) ? 'Individual' : 'Term';
    const lang = (p: Term) => Object.fromEntries(list.filter((q) => q.predicate.equals(p) && q.object.termType === 'Literal').map((q) => [(q.object as { language: string }).language, q.object.value]));
    const objects = (p: Term) => list.filter((q) => q.predicate.equals(p)).flatMap((q) => shortName(q.object));
    docs.push({
      iri, local: iri.slice(namespace.length), kind, labels: lang(rdfs('label')), comments: lang(rdfs('comment')),
      domain: objects(rdfs('domain')), range: objects(rdfs('range')),
      parents: [...objects(rdfs('subClassOf')), ...objects(rdfs('subPropertyOf'))], inverseOf: objects(owl('inverseOf')),
    });
  }
  const order = ['Class', 'Object property', 'Datatype property', 'Individual', 'Term'];
  return docs.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.local.localeCompare(b.local));
}

export function OntologyPage(quads: readonly Quad[], namespace: string, base: string, language: UiLanguage, path: string): VNode {
  const docs = documentOntology(quads, namespace);
  const en = language === 'en';
  const root = new URL(base).pathname;
  const link = (name: string) => (/^[A-Za-z]+$/.test(name) ? html`<a href=${`#${name}`}>${name}</a>` : html`<code>${name}</code>`);
  const list = (names: string[]) => names.map((n, i) => html`${i > 0 && ', '}${link(n)}`);
  return Layout({
    title: en ? 'Ontology' : 'Онтология', base, language, path,
    alternates: [{ href: `${root}ontology.ttl`, type: 'text/turtle' }, { href: `${root}ontology.jsonld`, type: 'application/ld+json' }, { href: `${root}ontology.rdf`, type: 'application/rdf+xml' }],
  }, html`<h1>${en ? 'The RCP factions ontology' : 'Онтология фракций РКП(б)'}</h1>
    <p>${en ? 'Namespace' : 'Пространство имён'}: <code>${namespace}</code> · <a href=${`${root}ontology.ttl`}>Turtle</a> · <a href=${`${root}ontology.jsonld`}>JSON-LD</a> · <a href=${`${root}ontology.rdf`}>RDF/XML</a></p>
    ${docs.map((d) => html`<section class="term" id=${d.local}>
      <h2><code>rcp:${d.local}</code> <span class="kind">${d.kind}</span></h2>
      <p><strong>${d.labels[language] ?? d.labels.en}</strong> · <span lang=${en ? 'ru' : 'en'}>${d.labels[en ? 'ru' : 'en']}</span></p>
      <p>${d.comments[language] ?? d.comments.en}</p>
      <p class="other-language" lang=${en ? 'ru' : 'en'}>${d.comments[en ? 'ru' : 'en']}</p>
      <dl>
        ${d.domain.length > 0 && html`<dt>${en ? 'Domain' : 'Область определения'}</dt><dd>${list(d.domain)}</dd>`}
        ${d.range.length > 0 && html`<dt>${en ? 'Range' : 'Область значений'}</dt><dd>${list(d.range)}</dd>`}
        ${d.parents.length > 0 && html`<dt>${en ? 'Aligned with (sub-class or sub-property of)' : 'Выравнивание (подкласс или подсвойство)'}</dt><dd>${list(d.parents)}</dd>`}
        ${d.inverseOf.length > 0 && html`<dt>${en ? 'Inverse of' : 'Обратное к'}</dt><dd>${list(d.inverseOf)}</dd>`}
      </dl>
    </section>`)}`);
}
