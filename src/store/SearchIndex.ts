/**
 * Entity search by any name: preferred and alternative labels in both scripts, matched case- and
 * diacritic-insensitively, with Cyrillic and Latin both transliterated to one ASCII key so that
 * `trotsky`, `Троцкий` and `Trotskii` meet. The best match comes first: exact name, then a name that
 * starts with the query, then a word that does, then a name that contains it.
 */
import type { IndexedEntity } from '../dataset/EntityIndex.ts';

export interface SearchHit {
  readonly iri: string;
  readonly type: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly matched: string;
  readonly score: number;
}

interface Entry { iri: string; type: string; labels: Record<string, string>; names: { name: string; key: string }[]; weight: number; statements: number }

// GOST 7.79-2000 system B, simplified, with the common English spellings (y, zh, kh, ts, ch, sh).
const cyrillic: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A spelling-insensitive key: lowercase, no diacritics, Cyrillic transliterated, y/i and doubled letters folded. */
export function searchKey(text: string): string {
  const lower = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  let out = '';
  for (const c of lower) out += cyrillic[c] ?? c;
  return out
    .split(/[^a-z0-9()]+/)
    .filter(Boolean)
    // Roman numerals (the XII and XIII congresses) keep every letter; other words fold spelling variants.
    .map((word) => (/^[ivxlc]+$/.test(word) ? word : word.replace(/kh/g, 'h').replace(/[yj]/g, 'i').replace(/ii/g, 'i').replace(/([a-z])\1/g, '$1')))
    .join(' ');
}

export class SearchIndex {
  private readonly byIri: ReadonlyMap<string, Entry>;

  private constructor(private readonly entries: Entry[]) {
    this.byIri = new Map(entries.map((entry) => [entry.iri, entry]));
  }

  static of(entities: Iterable<IndexedEntity>): SearchIndex {
    const entries: Entry[] = [];
    for (const { iri, type, labels, altLabels, mentions, statements } of entities) {
      const names = [...Object.values(labels), ...altLabels];
      // How often the texts mention it (weight): the better known of two equal matches comes first.
      entries.push({ iri, type, labels: { ...labels }, names: [...new Set(names)].map((name) => ({ name, key: searchKey(name) })), weight: mentions, statements });
    }
    return new SearchIndex(entries);
  }

  get size(): number { return this.entries.length; }

  /** Every entity, with how often the texts mention it. */
  entities(): { iri: string; mentions: number }[] {
    return this.entries.map((e) => ({ iri: e.iri, mentions: e.weight }));
  }

  /** Whether the IRI is one of the dataset's entities. */
  has(iri: string): boolean { return this.byIri.has(iri); }

  /** An entity's labels by language (`und` for none); empty for an IRI that is not an entity. */
  labelsOf(iri: string): Record<string, string> { return { ...this.byIri.get(iri)?.labels }; }

  /** An entity's class (local name), if it is one. */
  typeOf(iri: string): string | undefined { return this.byIri.get(iri)?.type; }

  search(query: string, limit = 20, type?: string): SearchHit[] {
    const key = searchKey(query);
    if (!key) return [];
    const hits: SearchHit[] = [];
    for (const entry of this.entries) {
      if (type && entry.type.toLowerCase() !== type.toLowerCase()) continue;
      let best: { score: number; name: string } | undefined;
      for (const { name, key: nameKey } of entry.names) {
        const exactCase = name.toLowerCase() === query.trim().toLowerCase();
        const kind = exactCase ? 100 : nameKey === key ? 90 : nameKey.startsWith(key) ? 70
          : nameKey.split(' ').some((w) => w.startsWith(key)) ? 50 : nameKey.includes(key) ? 30 : 0;
        // Within a kind of match, a name close in length to the query is the better one.
        const score = kind && kind + 10 * (key.length / Math.max(key.length, nameKey.length));
        if (score && (!best || score > best.score)) best = { score, name };
      }
      if (best) hits.push({ iri: entry.iri, type: entry.type, labels: entry.labels, matched: best.name, score: Math.round(best.score * 10) / 10 + Math.min(entry.weight, 999) / 10000 });
    }
    return hits.sort((a, b) => b.score - a.score || (a.labels.en ?? '').localeCompare(b.labels.en ?? '')).slice(0, limit);
  }

  /** Entities of one class, for browsing, with how many statements each takes part in. */
  list(type: string): { iri: string; labels: Record<string, string>; statements: number }[] {
    return this.entries.filter((e) => e.type.toLowerCase() === type.toLowerCase()).map((e) => ({ iri: e.iri, labels: e.labels, statements: e.statements }));
  }
}
