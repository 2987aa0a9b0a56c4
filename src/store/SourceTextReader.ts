/**
 * A source text as the reader shows it: its wording (from the build's `texts/{id}.txt`), its metadata,
 * and the mentions and statement spans laid over it, read back from the text's graph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, type Store } from 'n3';
import type { Term } from '@rdfjs/types';
import { dcterms, oa, rdf } from '../ontology/Vocabulary.ts';

export interface Overlay {
  readonly kind: 'mention' | 'statement';
  readonly start: number;
  readonly end: number;
  /** For a mention the entity; for a statement the statement node (its fragment is the anchor). */
  readonly body: string;
}

export interface SourceTextView {
  readonly id: string;
  readonly iri: string;
  readonly text: string;
  readonly titles: Readonly<Record<string, string>>;
  readonly metadata: Readonly<Record<string, string>>;
  readonly reliabilityNotes: Readonly<Record<string, string>>;
  readonly overlays: readonly Overlay[];
}

export function readSourceText(store: Store, builtDir: string, base: string, ontologyNamespace: string, id: string): SourceTextView | undefined {
  const iri = `${base}text/${id}`;
  const graph = DataFactory.namedNode(`${base}graph/${id}`);
  const subject = DataFactory.namedNode(iri);
  if (!store.countQuads(subject, rdf('type'), null, graph)) return undefined;
  const literals = (p: Term) => Object.fromEntries(store.getObjects(subject, p, graph).map((o) => [(o as { language?: string }).language || 'und', o.value]));
  const one = (p: Term) => store.getObjects(subject, p, graph)[0]?.value;
  const rcp = (local: string) => DataFactory.namedNode(ontologyNamespace + local);
  const overlays: Overlay[] = [];
  for (const annotation of store.getSubjects(rdf('type'), oa('Annotation'), graph)) {
    const motivation = store.getObjects(annotation, oa('motivatedBy'), graph)[0]?.value;
    const body = store.getObjects(annotation, oa('hasBody'), graph)[0]?.value;
    const target = store.getObjects(annotation, oa('hasTarget'), graph)[0];
    if (!body || !target) continue;
    let start = -1;
    let end = -1;
    for (const selector of store.getObjects(target, oa('hasSelector'), graph)) {
      const s = store.getObjects(selector, oa('start'), graph)[0];
      const e = store.getObjects(selector, oa('end'), graph)[0];
      if (s && e) { start = Number(s.value); end = Number(e.value); }
    }
    if (start < 0) continue;
    overlays.push({ kind: motivation?.endsWith('#identifying') ? 'mention' : 'statement', start, end, body });
  }
  overlays.sort((a, b) => a.start - b.start || b.end - a.end || (a.kind === 'statement' ? -1 : 1));
  const metadata: Record<string, string> = {};
  for (const [key, p] of Object.entries({ language: dcterms('language'), source: dcterms('source'), licence: dcterms('license'), date: dcterms('date'), creator: dcterms('creator'), partOf: dcterms('isPartOf'), document: rcp('isText'), reliability: rcp('reliability') })) {
    const value = one(p);
    if (value) metadata[key] = value;
  }
  return {
    id, iri,
    text: sourceTextWording(builtDir, id),
    titles: literals(dcterms('title')),
    metadata,
    reliabilityNotes: literals(rcp('reliabilityNote')),
    overlays,
  };
}

/** A text's normalised wording, as the build wrote it: what the selectors' offsets count in. */
export function sourceTextWording(builtDir: string, id: string): string {
  return readFileSync(join(builtDir, 'texts', `${id}.txt`), 'utf8');
}

/** A source text as the list of texts shows it. */
export interface SourceTextEntry { readonly id: string; readonly titles: Record<string, string>; readonly reliability: string; readonly language: string }

/** Every source text of the dataset: id and titles, for the list of texts. */
export function listSourceTexts(store: Store, base: string, ontologyNamespace: string): SourceTextEntry[] {
  const texts = store.getSubjects(rdf('type'), DataFactory.namedNode(`${ontologyNamespace}SourceText`), null);
  return texts.map((t) => ({
    id: t.value.slice(`${base}text/`.length),
    titles: Object.fromEntries(store.getObjects(t, dcterms('title'), null).map((o) => [(o as { language: string }).language, o.value])),
    reliability: store.getObjects(t, DataFactory.namedNode(`${ontologyNamespace}reliability`), null)[0]?.value ?? '',
    language: store.getObjects(t, dcterms('language'), null)[0]?.value ?? '',
  })).sort((a, b) => a.id.localeCompare(b.id));
}
