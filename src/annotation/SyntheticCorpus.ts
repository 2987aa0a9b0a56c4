/**
 * A synthetic corpus in the project's own annotated format, for measuring how the pipeline scales: a
 * profile measured on the real corpus (texts, entities per class, mentions, statements per relation,
 * spans, length, languages, certainty, dates) times a scale factor, filled with invented people,
 * factions that split and merge over 1918-1933, documents with signatories, criticisms, and labels in
 * Russian and English with transliterated variants. Every registry entry and every text says that it
 * is synthetic.
 *
 * Pure and deterministic: the same profile, scale and seed give the same files, byte for byte. Files
 * come out one at a time (entities are derived from their index, texts from their own PRNG), so a
 * corpus a thousand times the real one never has to be held in memory.
 */
import { stringify } from 'yaml';
import type { Certainty, Language } from './AnnotatedText.ts';
import { entityTypes, type EntityType } from './Registry.ts';
import type { RelationSignature } from '../ontology/Ontology.ts';

/** The shape of a corpus, as counted on the real one (see `measureCorpusProfile`). */
export interface CorpusProfile {
  readonly texts: number;
  readonly entitiesPerClass: Readonly<Record<EntityType, number>>;
  readonly mentions: number;
  readonly statementsPerRelation: Readonly<Record<string, number>>;
  readonly spans: number;
  /** Code points of normalised text. */
  readonly characters: number;
  readonly englishTexts: number;
  readonly certainty: Readonly<Record<Certainty, number>>;
  /** Statements with a `date`, and with a period (`from`/`to`). */
  readonly dated: number;
  readonly periods: number;
  readonly altLabels: number;
}

export interface SyntheticCorpusParameters {
  readonly profile: CorpusProfile;
  /** The relations of the ontology: which classes each joins. */
  readonly relations: ReadonlyMap<string, RelationSignature>;
  /** How many times the real corpus: 10 means ten times the texts, entities, mentions and statements. */
  readonly scale: number;
  readonly seed: number;
}

/** A file of the corpus, relative to its folder: `texts/…`, `registry/…` or `seeds/…`. */
export interface SyntheticFile { readonly path: string; readonly content: string }

interface ProfiledText {
  readonly statements: readonly { relation: string; certainty: Certainty; date?: string; from?: string; to?: string }[];
  readonly mentions: readonly { entityId: string }[];
  readonly spans: readonly unknown[];
  readonly text: string;
  readonly metadata: { readonly language: Language };
}

/** Counts the shape of a corpus (the real one) so a synthetic one can reproduce it. */
export function measureCorpusProfile(
  texts: readonly ProfiledText[], entities: Iterable<{ type: EntityType; altLabels: Readonly<Record<Language, readonly string[]>> }>,
): CorpusProfile {
  const entitiesPerClass = Object.fromEntries(entityTypes.map((t) => [t, 0])) as Record<EntityType, number>;
  let altLabels = 0;
  for (const e of entities) { entitiesPerClass[e.type]++; altLabels += e.altLabels.ru.length + e.altLabels.en.length; }
  const statements = texts.flatMap((t) => t.statements);
  const statementsPerRelation: Record<string, number> = {};
  for (const s of statements) statementsPerRelation[s.relation] = (statementsPerRelation[s.relation] ?? 0) + 1;
  const certainty: Record<Certainty, number> = { certain: 0, probable: 0, uncertain: 0 };
  for (const s of statements) certainty[s.certainty]++;
  return {
    texts: texts.length, entitiesPerClass, statementsPerRelation, certainty, altLabels,
    mentions: texts.reduce((n, t) => n + t.mentions.length, 0),
    spans: texts.reduce((n, t) => n + t.spans.length, 0),
    characters: texts.reduce((n, t) => n + Array.from(t.text).length, 0),
    englishTexts: texts.filter((t) => t.metadata.language === 'en').length,
    dated: statements.filter((s) => s.date).length,
    periods: statements.filter((s) => s.from || s.to).length,
  };
}

// --- Deterministic randomness -----------------------------------------------------------------

/** mulberry32: small, fast, good enough to shape test data; seeded per text and per entity. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) { h = Math.imul(h ^ p, 0x01000193); h ^= h >>> 13; }
  return h >>> 0;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

// --- Names --------------------------------------------------------------------------------------

const surnameStems = ['Смирн', 'Сапрон', 'Осин', 'Медвед', 'Шляпник', 'Лутович', 'Мясник', 'Игнат', 'Богдан', 'Власт', 'Дрозд',
  'Ерох', 'Жук', 'Зор', 'Калин', 'Ломак', 'Марк', 'Нечай', 'Орл', 'Панкрат', 'Рожк', 'Сокол', 'Тарас', 'Устин', 'Фом', 'Харитон',
  'Цветк', 'Черн', 'Шуб', 'Юд', 'Яковл', 'Беляк', 'Волк', 'Грач', 'Дубр', 'Карп', 'Лебед', 'Мирон', 'Никит', 'Ряб'];
const surnameEndings = [
  { m: 'ов', f: 'ова', mGen: 'ова', fGen: 'овой' },
  { m: 'ин', f: 'ина', mGen: 'ина', fGen: 'иной' },
  { m: 'ский', f: 'ская', mGen: 'ского', fGen: 'ской' },
  { m: 'ев', f: 'ева', mGen: 'ева', fGen: 'евой' },
];
const givenNames = [
  { ru: 'Иван', en: 'Ivan', female: false }, { ru: 'Пётр', en: 'Pyotr', female: false }, { ru: 'Николай', en: 'Nikolai', female: false },
  { ru: 'Григорий', en: 'Grigory', female: false }, { ru: 'Тимофей', en: 'Timofei', female: false }, { ru: 'Андрей', en: 'Andrei', female: false },
  { ru: 'Михаил', en: 'Mikhail', female: false }, { ru: 'Владимир', en: 'Vladimir', female: false }, { ru: 'Александра', en: 'Alexandra', female: true },
  { ru: 'Мария', en: 'Maria', female: true }, { ru: 'Евгения', en: 'Evgenia', female: true }, { ru: 'Варвара', en: 'Varvara', female: true },
];
const patronymicInitials = ['А.', 'Б.', 'В.', 'Г.', 'Д.', 'Е.', 'И.', 'К.', 'М.', 'Н.', 'П.', 'С.', 'Т.', 'Ф.'];

/** Cyrillic → Latin (BGN/PCGN-like); `variant` gives the other common spelling (-skii, -yev, Kh→H). */
const latin: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
export function transliterate(russian: string, variant = false): string {
  let word = russian;
  const end = '(?![\\p{L}])';
  if (variant) word = word.replace(new RegExp(`ский${end}`, 'gu'), '\u0000skii').replace(new RegExp(`ев${end}`, 'gu'), '\u0000yev');
  else word = word.replace(new RegExp(`ский${end}`, 'gu'), '\u0000sky');
  return Array.from(word).map((c) => {
    const lower = c.toLowerCase();
    const l = latin[lower];
    if (l === undefined) return c;
    const mapped = variant && lower === 'х' ? 'h' : l;
    return c === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }).join('').replace(/\u0000/g, '');
}

const regions = [
  { ru: 'Московская', en: 'Moscow' }, { ru: 'Петроградская', en: 'Petrograd' }, { ru: 'Уральская', en: 'Ural' }, { ru: 'Харьковская', en: 'Kharkov' },
  { ru: 'Донецкая', en: 'Donets' }, { ru: 'Иваново-Вознесенская', en: 'Ivanovo-Voznesensk' }, { ru: 'Бакинская', en: 'Baku' }, { ru: 'Сибирская', en: 'Siberian' },
];
const currents = [
  { ru: 'левая', en: 'Left' }, { ru: 'рабочая', en: "Workers'" }, { ru: 'демократическая', en: 'Democratic' }, { ru: 'объединённая', en: 'United' },
  { ru: 'правая', en: 'Right' }, { ru: 'новая', en: 'New' },
];
const groupNouns = [{ ru: 'оппозиция', en: 'Opposition' }, { ru: 'группа', en: 'Group' }, { ru: 'фракция', en: 'Faction' }];
const documentKinds = [
  { ru: 'Платформа', en: 'Platform' }, { ru: 'Заявление', en: 'Statement' }, { ru: 'Письмо', en: 'Letter' }, { ru: 'Тезисы', en: 'Theses' },
  { ru: 'Обращение', en: 'Appeal' }, { ru: 'Манифест', en: 'Manifesto' },
];
const positionTopics = [
  { ru: 'свобода фракций', en: 'freedom of factions' }, { ru: 'рабочая демократия', en: "workers' democracy" },
  { ru: 'профсоюзы как школа коммунизма', en: 'trade unions as a school of communism' }, { ru: 'индустриализация', en: 'industrialisation' },
  { ru: 'перманентная революция', en: 'permanent revolution' }, { ru: 'социализм в одной стране', en: 'socialism in one country' },
  { ru: 'революционная война', en: 'revolutionary war' }, { ru: 'единоначалие', en: 'one-man management' },
  { ru: 'выборность руководства', en: 'election of the leadership' }, { ru: 'коллективизация', en: 'collectivisation' },
];
const eventKinds = [{ ru: 'съезд партии', en: 'Party Congress' }, { ru: 'партийная конференция', en: 'Party Conference' }, { ru: 'пленум ЦК', en: 'Central Committee plenum' }];
const places = [
  { ru: 'Алма-Ата', en: 'Alma-Ata' }, { ru: 'Тобольск', en: 'Tobolsk' }, { ru: 'Вятка', en: 'Vyatka' }, { ru: 'Барнаул', en: 'Barnaul' },
  { ru: 'Суздаль', en: 'Suzdal' }, { ru: 'Верхнеуральск', en: 'Verkhneuralsk' }, { ru: 'Минусинск', en: 'Minusinsk' }, { ru: 'Соловки', en: 'Solovki' },
];

/** An entity of the synthetic registry, derived from its class and index alone. */
export interface SyntheticEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly label: Readonly<Record<Language, string>>;
  readonly altLabel: Readonly<Record<Language, readonly string[]>>;
  readonly description: Readonly<Record<Language, string>>;
  /** How a Russian text names it as subject (nominative) and as object (genitive for people). */
  readonly ruSubject: string;
  readonly ruObject: string;
  readonly enShort: string;
  /** For factions: the years it existed; for the rest, the years it is active in. */
  readonly years: readonly [number, number];
}

const firstYear = 1918;
/** The relations that hold over a period, and so may have `from`/`to`. */
const periodicRelations = ['memberOf', 'leaderOf', 'allianceWith'];
const lastYear = 1933;

export function syntheticEntity(type: EntityType, index: number, seed: number): SyntheticEntity {
  const random = prng(mix(seed, entityTypes.indexOf(type), index));
  const start = firstYear + Math.floor(random() * (lastYear - firstYear));
  const years: [number, number] = [start, Math.min(lastYear, start + 1 + Math.floor(random() * 6))];
  const span = `${years[0]}-${years[1]}`;
  const slug = (english: string) => `${english.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${index}`;
  const synthetic = { ru: 'Синтетическая запись для измерения масштаба', en: 'Synthetic entry for scale measurements' };
  switch (type) {
    case 'Person': {
      const given = pick(random, givenNames);
      const ending = pick(random, surnameEndings);
      const stem = pick(random, surnameStems);
      const surname = stem + (given.female ? ending.f : ending.m);
      const initial = pick(random, patronymicInitials);
      const en = transliterate(surname);
      return {
        id: slug(en), type, years,
        label: { ru: `${given.ru} ${surname}`, en: `${given.en} ${en}` },
        altLabel: { ru: [surname, `${given.ru[0]}. ${initial} ${surname}`], en: [en, `${given.en[0]}. ${en}`, transliterate(surname, true)].filter((v, i, a) => a.indexOf(v) === i) },
        description: { ru: `${synthetic.ru}: участник внутрипартийной борьбы ${span} гг.`, en: `${synthetic.en}: a participant in the inner-party struggle, ${span}.` },
        ruSubject: surname, ruObject: stem + (given.female ? ending.fGen : ending.mGen), enShort: en,
      };
    }
    case 'Faction': {
      const region = pick(random, regions);
      const current = pick(random, currents);
      const noun = pick(random, groupNouns);
      const ru = `${region.ru} ${current.ru} ${noun.ru} ${years[0]} г.`;
      const en = `${region.en} ${current.en} ${noun.en} of ${years[0]}`;
      const short = { ru: `${current.ru[0].toUpperCase()}${current.ru.slice(1)} ${noun.ru}`, en: `${current.en} ${noun.en}` };
      return {
        id: slug(`${region.en} ${current.en} ${noun.en}`), type, years, label: { ru, en },
        altLabel: { ru: [short.ru, `${short.ru} (${transliterate(region.ru)})`], en: [short.en, `${region.en} ${current.en.toLowerCase()}s`] },
        description: { ru: `${synthetic.ru}: группа, существовавшая в ${span} гг.`, en: `${synthetic.en}: a group that existed in ${span}.` },
        ruSubject: ru, ruObject: ru, enShort: en,
      };
    }
    case 'Document': {
      const kind = pick(random, documentKinds);
      const ru = `${kind.ru} № ${index + 1} (${years[0]})`;
      const en = `${kind.en} No. ${index + 1} (${years[0]})`;
      return {
        id: slug(`${kind.en}`), type, years, label: { ru, en }, altLabel: { ru: [`${kind.ru} ${years[0]} г.`], en: [`${kind.en} of ${years[0]}`] },
        description: { ru: `${synthetic.ru}: документ ${years[0]} г.`, en: `${synthetic.en}: a document of ${years[0]}.` },
        ruSubject: ru, ruObject: ru, enShort: en,
      };
    }
    case 'Position': {
      const topic = pick(random, positionTopics);
      return {
        id: slug(topic.en), type, years, label: { ru: `${topic.ru} (${index + 1})`, en: `${topic.en} (${index + 1})` }, altLabel: { ru: [topic.ru], en: [topic.en] },
        description: { ru: `${synthetic.ru}: требование, выдвигавшееся в ${span} гг.`, en: `${synthetic.en}: a demand put forward in ${span}.` },
        ruSubject: topic.ru, ruObject: topic.ru, enShort: topic.en,
      };
    }
    case 'Event': {
      const kind = pick(random, eventKinds);
      return {
        id: slug(kind.en), type, years, label: { ru: `${kind.ru} ${years[0]} г. (${index + 1})`, en: `${kind.en} of ${years[0]} (${index + 1})` },
        altLabel: { ru: [`${kind.ru} ${years[0]} г.`], en: [`${kind.en} ${years[0]}`] },
        description: { ru: `${synthetic.ru}: событие ${years[0]} г.`, en: `${synthetic.en}: an event of ${years[0]}.` },
        ruSubject: `${kind.ru} ${years[0]} г.`, ruObject: `${kind.ru} ${years[0]} г.`, enShort: `the ${kind.en} of ${years[0]}`,
      };
    }
    case 'Place': {
      const place = pick(random, places);
      return {
        id: slug(place.en), type, years, label: { ru: `${place.ru} (${index + 1})`, en: `${place.en} (${index + 1})` }, altLabel: { ru: [place.ru], en: [place.en] },
        description: { ru: `${synthetic.ru}: место ссылки.`, en: `${synthetic.en}: a place of exile.` },
        ruSubject: place.ru, ruObject: place.ru, enShort: place.en,
      };
    }
  }
}

// --- Sentences ------------------------------------------------------------------------------------

/** How each relation is said, with `S` and `O` where the mentions stand. */
const phrasings: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  memberOf: { ru: 'S входил в состав: O.', en: 'S was a member of O.' },
  leaderOf: { ru: 'S возглавлял: O.', en: 'S led O.' },
  splitFrom: { ru: 'S откололась от: O.', en: 'S split from O.' },
  mergedInto: { ru: 'S слилась с: O.', en: 'S merged into O.' },
  successorOf: { ru: 'S продолжала линию: O.', en: 'S continued the line of O.' },
  allianceWith: { ru: 'S заключил блок с: O.', en: 'S formed a bloc with O.' },
  criticised: { ru: 'S резко критиковал: O.', en: 'S sharply criticised O.' },
  opposed: { ru: 'S выступал против: O.', en: 'S opposed O.' },
  supported: { ru: 'S поддержал: O.', en: 'S supported O.' },
  advocated: { ru: 'S отстаивал требование: O.', en: 'S argued for O.' },
  signed: { ru: 'S подписал: O.', en: 'S signed O.' },
  authored: { ru: 'S написал: O.', en: 'S wrote O.' },
  addressedTo: { ru: 'S был направлен адресату: O.', en: 'S was addressed to O.' },
  publishedBy: { ru: 'S издавался группой: O.', en: 'S was published by O.' },
  expelledFrom: { ru: 'S был исключён из: O.', en: 'S was expelled from O.' },
  participatedIn: { ru: 'S участвовал в событии: O.', en: 'S took part in O.' },
  exiledTo: { ru: 'S был сослан: O.', en: 'S was exiled to O.' },
  imprisonedIn: { ru: 'S был заключён: O.', en: 'S was imprisoned in O.' },
};
const fallbackPhrasing = { ru: 'S и O.', en: 'S and O.' };
const mentionPhrasings = { ru: ['Об этом позднее вспоминал S.', 'Сюда же относят и S.', 'Такую оценку разделял S.'], en: ['S later recalled this.', 'S is counted here as well.', 'S shared this view.'] };
const fillerWords = {
  ru: ['партия', 'борьба', 'съезд', 'рабочие', 'оппозиция', 'резолюция', 'дискуссия', 'аппарат', 'демократия', 'большинство', 'ячейка', 'губком', 'выступление', 'письмо', 'голосование', 'фракция', 'крестьянство', 'промышленность', 'кризис', 'платформа'],
  en: ['party', 'struggle', 'congress', 'workers', 'opposition', 'resolution', 'debate', 'apparatus', 'democracy', 'majority', 'cell', 'committee', 'speech', 'letter', 'vote', 'faction', 'peasantry', 'industry', 'crisis', 'platform'],
};

function fillerSentence(random: () => number, language: Language): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => pick(random, fillerWords[language]));
  const sentence = words.join(' ');
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}

// --- The corpus -----------------------------------------------------------------------------------

const scaled = (count: number, scale: number) => (count > 0 ? Math.max(1, Math.round(count * scale)) : 0);
/** The n-th of `total` items spread over `parts` in order: which part, by even shares. */
const shareStart = (part: number, parts: number, total: number) => Math.floor((part * total) / parts);

/** Every file of a synthetic corpus: the registry, then each text with its seed. */
export function* syntheticCorpusFiles(parameters: SyntheticCorpusParameters): Generator<SyntheticFile> {
  const { profile, scale, seed, relations } = parameters;
  if (!(scale > 0)) throw new Error(`the scale must be a positive number, not ${scale}`);
  const texts = scaled(profile.texts, scale);
  const counts = Object.fromEntries(entityTypes.map((t) => [t, scaled(profile.entitiesPerClass[t], scale)])) as Record<EntityType, number>;
  const entity = (type: EntityType, index: number) => syntheticEntity(type, index, seed);

  const registryChunk = 2000;
  for (const type of entityTypes) {
    for (let first = 0; first < counts[type]; first += registryChunk) {
      const entries: Record<string, unknown> = {};
      for (let i = first; i < Math.min(counts[type], first + registryChunk); i++) {
        const e = entity(type, i);
        entries[e.id] = { type, label: e.label, altLabel: e.altLabel, description: e.description };
      }
      yield { path: `registry/synthetic-${type.toLowerCase()}-${String(first / registryChunk).padStart(4, '0')}.yaml`, content: stringify(entries, { lineWidth: 0 }) };
    }
  }

  // Statement i of the whole corpus gets its relation by a stride through the relations' shares:
  // exact counts per relation, spread evenly over the texts.
  const relationCounts = Object.entries(profile.statementsPerRelation).filter(([r]) => relations.has(r)).map(([r, n]) => [r, scaled(n, scale)] as const);
  const statements = relationCounts.reduce((n, [, c]) => n + c, 0);
  const cumulative: number[] = [];
  relationCounts.reduce((sum, [, c]) => { cumulative.push(sum + c); return sum + c; }, 0);
  const stride = coprimeStride(statements);
  const relationOf = (i: number) => {
    const slot = (i * stride) % statements;
    return relationCounts[cumulative.findIndex((c) => slot < c)][0];
  };
  const totalReal = Object.values(profile.statementsPerRelation).reduce((a, b) => a + b, 0) || 1;
  const periodicReal = periodicRelations.reduce((n, r) => n + (profile.statementsPerRelation[r] ?? 0), 0) || 1;
  const mentions = scaled(profile.mentions, scale);
  const characters = scaled(profile.characters, scale);
  const englishEvery = profile.englishTexts ? profile.texts / profile.englishTexts : Infinity;
  const shares = {
    uncertain: profile.certainty.uncertain / totalReal, probable: profile.certainty.probable / totalReal,
    dated: profile.dated / totalReal, periods: profile.periods / periodicReal,
    statementsPerSpan: statements && profile.spans ? totalReal / profile.spans : 1,
  };

  for (let t = 0; t < texts; t++) {
    const random = prng(mix(seed, 0x7e57, t));
    const language: Language = Math.floor((t + 1) / englishEvery) > Math.floor(t / englishEvery) ? 'en' : 'ru';
    const local = (type: EntityType): number => {
      const n = counts[type];
      // Most of a text's cast is its own; a fifth is the well-known actors every text names (low indices).
      if (random() < 0.2) return Math.floor(n * random() ** 3);
      const from = shareStart(t, texts, n);
      const to = Math.max(from + 1, shareStart(t + 1, texts, n));
      return Math.min(n - 1, from + Math.floor(random() * (to - from)));
    };
    const chooseType = (allowed: readonly EntityType[]) => {
      const present = allowed.filter((c) => counts[c] > 0);
      let roll = random() * present.reduce((n, c) => n + counts[c], 0);
      for (const c of present) { roll -= counts[c]; if (roll < 0) return c; }
      return present[present.length - 1];
    };
    const textDocument = local('Document');
    const textAuthor = entity('Person', local('Person'));
    const first = shareStart(t, texts, statements);
    const last = shareStart(t + 1, texts, statements);
    const extraMentions = Math.max(0, shareStart(t + 1, texts, mentions) - shareStart(t, texts, mentions) - 2 * (last - first));
    const targetLength = shareStart(t + 1, texts, characters) - shareStart(t, texts, characters);

    const body: string[] = [];
    const plain: string[] = [];
    let length = 0;
    let span = 0;
    const mention = (e: SyntheticEntity, surface: string) => ({ marked: `[[${surface}|${e.id}]]`, plain: surface });
    const say = (template: string, subject?: { marked: string; plain: string }, object?: { marked: string; plain: string }) => {
      // One pass, so a name that contains an S or an O is not itself replaced.
      const fill = (which: 'marked' | 'plain') => template.replace(/\b[SO]\b/g, (slot) => (slot === 'S' ? subject : object)?.[which] ?? '');
      return { marked: fill('marked'), plain: fill('plain') };
    };
    let i = first;
    let extras = extraMentions;
    while (i < last || extras > 0) {
      const sentences: { marked: string; plain: string }[] = [];
      const lines: string[] = [];
      span++;
      const inSpan = Math.max(1, Math.round(shares.statementsPerSpan * (0.5 + random())));
      for (let k = 0; k < inSpan && i < last; k++, i++) {
        const relation = relationOf(i);
        const signature = relations.get(relation)!;
        const subjectType = chooseType(signature.domain);
        const objectType = chooseType(signature.range);
        let objectIndex = relation === 'signed' ? textDocument : local(objectType);
        const subjectIndex = local(subjectType);
        if (subjectType === objectType && subjectIndex === objectIndex) objectIndex = (objectIndex + 1) % counts[objectType];
        if (subjectType === objectType && subjectIndex === objectIndex) continue; // a class of one entity
        const s = entity(subjectType, subjectIndex);
        const o = entity(objectType, objectIndex);
        const phrasing = (phrasings[relation] ?? fallbackPhrasing)[language];
        sentences.push(say(phrasing, mention(s, language === 'ru' ? s.ruSubject : s.enShort), mention(o, language === 'ru' ? o.ruObject : o.enShort)));
        lines.push(statementLine(`s${span}`, s, relation, o, random, shares));
      }
      if (extras > 0 && (i >= last || random() < extraMentions / Math.max(1, last - first))) {
        const type = chooseType(entityTypes);
        const e = entity(type, local(type));
        sentences.push(say(pick(random, mentionPhrasings[language]), mention(e, language === 'ru' ? e.ruSubject : e.enShort)));
        extras--;
      }
      // Filler around the passage, so the text is as long as the real corpus's texts, relative to its mentions.
      const remaining = Math.max(0, targetLength - length);
      const blocksLeft = Math.max(1, (last - i) / shares.statementsPerSpan + extras);
      const before: string[] = [];
      const after: string[] = [];
      let filler = remaining / blocksLeft - sentences.reduce((n, s) => n + s.plain.length + 1, 0);
      while (filler > 0) { const f = fillerSentence(random, language); (random() < 0.5 ? before : after).push(f); filler -= f.length + 1; }
      const paragraph = (withMarkup: boolean) => {
        const passage = sentences.map((s) => (withMarkup ? s.marked : s.plain)).join(' ');
        const wrapped = withMarkup && lines.length ? `{{s${span} ${passage}}}` : passage;
        return [...before, wrapped, ...after].join(' ');
      };
      const text = paragraph(false);
      plain.push(text);
      length += Array.from(text).length + 1;
      body.push(paragraph(true), ...lines);
    }
    const id = `synthetic-${String(t + 1).padStart(6, '0')}`;
    const seedFile = `${id}.txt`;
    const year = entity('Document', textDocument).years[0];
    const isDocument = random() < 0.4;
    const frontMatter = {
      id,
      title: { ru: `Синтетический текст № ${t + 1}`, en: `Synthetic text No. ${t + 1}` },
      language,
      seed: seedFile,
      source: `Synthetic text generated by 'rcpkg generate' (scale ${scale}, seed ${seed}); not a historical source.`,
      licence: 'CC0 1.0 (synthetic)',
      reliability: { level: 'low', note: { en: 'Synthetic: generated for scale measurements; it states nothing about history.', ru: 'Синтетический текст для измерения масштаба; об истории он ничего не сообщает.' } },
      author: textAuthor.id,
      date: String(year),
      ...(isDocument && { document: entity('Document', textDocument).id }),
    };
    yield { path: `seeds/${seedFile}`, content: plain.join('\n') + '\n' };
    yield { path: `texts/${id}.ann`, content: `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${body.join('\n')}\n` };
  }
}

function statementLine(
  span: string, subject: SyntheticEntity, relation: string, object: SyntheticEntity, random: () => number,
  shares: { uncertain: number; probable: number; dated: number; periods: number },
): string {
  // Dates follow the entities' years: a faction splits when it is founded, merges when it ends.
  const years: readonly [number, number] = relation === 'mergedInto' ? [subject.years[1], subject.years[1]]
    : relation === 'splitFrom' ? [subject.years[0], subject.years[0]] : subject.years;
  const year = years[0] + Math.floor(random() * (years[1] - years[0] + 1));
  const options: string[] = [];
  const roll = random();
  if (periodicRelations.includes(relation) && roll < shares.periods) options.push(`from=${subject.years[0]}`, `to=${subject.years[1]}`);
  else if (roll < shares.dated || relation === 'splitFrom' || relation === 'mergedInto') {
    const month = Math.floor(random() * 12) + 1;
    options.push(`date=${random() < 0.5 ? year : `${year}-${String(month).padStart(2, '0')}`}`);
  }
  const certainty = random();
  if (certainty < shares.uncertain) options.push('certainty=uncertain');
  else if (certainty < shares.uncertain + shares.probable) options.push('certainty=probable');
  return [`@${span}`, subject.id, relation, object.id, ...options].join(' ');
}

/** A step through 0…n-1 that visits every slot once (coprime to n), so relations interleave. */
function coprimeStride(n: number): number {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  let stride = Math.max(1, Math.floor(n * 0.618));
  while (n > 1 && gcd(stride, n) !== 1) stride++;
  return stride;
}
