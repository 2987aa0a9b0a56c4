/**
 * The mention suggester: finds likely mentions of registered entities in a text, through Russian and
 * English inflection (Snowball stemmers), abbreviations and name variants, so that an editor only has
 * to accept or reject them. It also measures itself against the mentions an editor marked by hand.
 */
import snowball from 'snowball-stemmers';
import type { AnnotatedText } from './AnnotatedText.ts';
import type { Registry } from './Registry.ts';

export interface NameOccurrence {
  /** UTF-16 offsets in the searched string. */
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  /** More than one id when the name is ambiguous (two Smirnovs): such an occurrence is not applied. */
  readonly entityIds: readonly string[];
}

interface NamePattern { readonly regex: RegExp; readonly entityId: string }

const stemmers = { ru: snowball.newStemmer('russian'), en: snowball.newStemmer('english') };
const letter = '[\\p{L}\\p{M}]';
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex for one name variant: each long enough word may take any inflectional ending. */
function namePattern(name: string): RegExp | undefined {
  const words = name.split(/\s+/u).filter(Boolean);
  if (!words.length || name.length < 2) return undefined;
  const parts = words.map((word) => {
    const isWord = /^[\p{L}\p{M}-]+$/u.test(word);
    const isAbbreviation = word === word.toUpperCase();
    if (!isWord || isAbbreviation || word.length < 4) return escapeRegex(word);
    const cyrillic = /\p{Script=Cyrillic}/u.test(word);
    const stem = (cyrillic ? stemmers.ru : stemmers.en).stem(word.toLowerCase());
    const kept = word.slice(0, Math.max(stem.length, 3)); // keep the editor's capitalisation
    return `${escapeRegex(kept)}${letter}{0,${cyrillic ? 5 : 3}}`;
  });
  // A name never starts or ends inside a word or a number ("46" is not in "146").
  return new RegExp(`(?<![\\p{L}\\p{M}\\d])${parts.join('\\s+')}(?![\\p{L}\\p{M}\\d])`, 'gu');
}

export function namePatterns(registry: Registry): NamePattern[] {
  const patterns: NamePattern[] = [];
  for (const entity of registry.entities.values()) {
    const names = new Set([entity.label.ru, entity.label.en, ...entity.altLabels.ru, ...entity.altLabels.en]);
    for (const name of names) {
      // A bare lowercase common word ("the party", "оппозиция") would flood the proposals.
      if (!/[\p{Lu}\d]/u.test(name)) continue;
      const regex = namePattern(name);
      if (regex) patterns.push({ regex, entityId: entity.id });
    }
  }
  return patterns;
}

/** Every occurrence of every name, the longest match winning where they overlap. */
export function findNameOccurrences(text: string, patterns: readonly NamePattern[]): NameOccurrence[] {
  const hits = new Map<string, { start: number; end: number; ids: Set<string> }>();
  for (const { regex, entityId } of patterns) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const key = `${match.index}:${match.index + match[0].length}`;
      const hit = hits.get(key) ?? { start: match.index, end: match.index + match[0].length, ids: new Set<string>() };
      hit.ids.add(entityId);
      hits.set(key, hit);
    }
  }
  const sorted = [...hits.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NameOccurrence[] = [];
  let reach = -1;
  for (const hit of sorted) {
    if (hit.start < reach) continue;
    kept.push({ start: hit.start, end: hit.end, surface: text.slice(hit.start, hit.end), entityIds: [...hit.ids].sort() });
    reach = hit.end;
  }
  return kept;
}

export interface SuggestionQuality {
  readonly proposed: number;
  readonly marked: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
}

/** Precision and recall of the suggester against the mentions marked by hand in an annotated text. */
export function measureSuggestions(text: AnnotatedText, patterns: readonly NamePattern[]): SuggestionQuality {
  const toCodePoint = codePointIndex(text.text);
  const proposed = findNameOccurrences(text.text, patterns).filter((o) => o.entityIds.length === 1);
  const marked = new Set(text.mentions.map((m) => `${m.start}:${m.end}:${m.entityId}`));
  const correct = proposed.filter((o) => marked.has(`${toCodePoint(o.start)}:${toCodePoint(o.end)}:${o.entityIds[0]}`)).length;
  return {
    proposed: proposed.length,
    marked: marked.size,
    correct,
    precision: proposed.length ? correct / proposed.length : 1,
    recall: marked.size ? correct / marked.size : 1,
  };
}

function codePointIndex(s: string): (utf16: number) => number {
  return (utf16) => Array.from(s.slice(0, utf16)).length;
}

/**
 * Writes the unambiguous proposals into the raw file as `[[surface|id]]`, on text lines only and
 * never over existing markup. Returns the new file content and what was added.
 */
export function applySuggestions(content: string, patterns: readonly NamePattern[]): { content: string; added: NameOccurrence[] } {
  const lines = content.split('\n');
  const added: NameOccurrence[] = [];
  let inFrontMatter = lines[0] === '---';
  for (let n = inFrontMatter ? 1 : 0; n < lines.length; n++) {
    const line = lines[n];
    if (inFrontMatter) { if (line === '---') inFrontMatter = false; continue; }
    if (line.startsWith('@') || line.startsWith('%%')) continue;
    const blocked = markupRegions(line);
    const occurrences = findNameOccurrences(line, patterns)
      .filter((o) => o.entityIds.length === 1 && !blocked.some(([a, b]) => o.start < b && o.end > a));
    let out = line;
    for (const o of [...occurrences].reverse()) out = `${out.slice(0, o.start)}[[${o.surface}|${o.entityIds[0]}]]${out.slice(o.end)}`;
    lines[n] = out;
    added.push(...occurrences);
  }
  return { content: lines.join('\n'), added };
}

/** Ranges of a line already taken by markup: mentions, span openings, escapes. */
function markupRegions(line: string): [number, number][] {
  const regions: [number, number][] = [];
  for (const m of line.matchAll(/\[\[.*?\]\]|\{\{[A-Za-z0-9-]+ |\\./gu)) regions.push([m.index, m.index + m[0].length]);
  return regions;
}
