/**
 * The coverage report: what an editor may have missed in a text. Two kinds of candidates have no
 * mention over them: occurrences of names the registry knows, and capitalised words inside a sentence
 * (proper names, mostly). A reasoned list of exclusions (`data/coverage-exclusions.yaml`) silences
 * words that are not entities (months, titles of address, foreign words).
 */
import type { AnnotatedText } from './AnnotatedText.ts';
import { findNameOccurrences, type namePatterns } from './MentionSuggester.ts';

export interface UnannotatedCandidate {
  readonly word: string;
  readonly count: number;
  /** Registered entities the word may name, when it is a known variant. */
  readonly knownAs: readonly string[];
  /** Code-point offset of the first occurrence, to point the editor at it. */
  readonly firstOffset: number;
}

type Patterns = ReturnType<typeof namePatterns>;

export function unannotatedCandidates(text: AnnotatedText, patterns: Patterns, exclusions: ReadonlySet<string>): UnannotatedCandidate[] {
  const s = text.text;
  // Covered code-point ranges, turned into UTF-16 ranges for the regex matches below.
  const utf16Of = codePointToUtf16(s);
  const covered = text.mentions.map((m) => [utf16Of(m.start), utf16Of(m.end)] as const);
  const isCovered = (a: number, b: number) => covered.some(([x, y]) => a < y && b > x);
  const candidates = new Map<string, { count: number; knownAs: Set<string>; first: number }>();
  const note = (word: string, at: number, ids: readonly string[] = []) => {
    if (exclusions.has(word) || exclusions.has(word.toLowerCase())) return;
    const c = candidates.get(word) ?? { count: 0, knownAs: new Set<string>(), first: at };
    c.count++;
    for (const id of ids) c.knownAs.add(id);
    candidates.set(word, c);
  };
  for (const o of findNameOccurrences(s, patterns)) if (!isCovered(o.start, o.end)) note(o.surface, o.start, o.entityIds);
  // Capitalised words not at the start of a sentence or line.
  for (const m of s.matchAll(/(?<=[\p{Ll},;:«"(\-–—]\s+|[\p{Ll}\d],?\s)(\p{Lu}[\p{Ll}\p{M}]{2,}(?:-\p{Lu}?[\p{Ll}]+)?)/gu)) {
    const at = m.index;
    if (!isCovered(at, at + m[0].length)) note(m[0], at);
  }
  return [...candidates.entries()]
    .map(([word, c]) => ({ word, count: c.count, knownAs: [...c.knownAs].sort(), firstOffset: Array.from(s.slice(0, c.first)).length }))
    .sort((a, b) => b.knownAs.length - a.knownAs.length || b.count - a.count || a.word.localeCompare(b.word));
}

function codePointToUtf16(s: string): (cp: number) => number {
  const offsets: number[] = [];
  let i = 0;
  for (const c of s) { offsets.push(i); i += c.length; }
  offsets.push(i);
  return (cp) => offsets[cp] ?? i;
}
