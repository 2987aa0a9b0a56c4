/**
 * The entity registry (`data/registry/*.yaml`): every person, faction, document, position, event and
 * place with its stable id, labels, variants and description; and the redirects of renamed ids.
 */
import type { Bilingual, Language } from './AnnotatedText.ts';
import { idPattern } from './AnnotatedTextParser.ts';
import { dateFormatHint, isHistoricalDate } from './HistoricalDate.ts';
import { AnnotationError, type SourcePosition } from './SourcePosition.ts';
import { readYaml } from './YamlSource.ts';

export const entityTypes = ['Person', 'Faction', 'Document', 'Position', 'Event', 'Place'] as const;
export type EntityType = (typeof entityTypes)[number];

export const curatedFacts = ['born', 'died', 'founded', 'dissolved', 'date'] as const;
export type CuratedFact = (typeof curatedFacts)[number];

export interface Entity {
  readonly id: string;
  readonly type: EntityType;
  readonly label: Bilingual;
  readonly altLabels: Readonly<Record<Language, readonly string[]>>;
  readonly description: Bilingual;
  readonly curated?: { readonly facts: Partial<Record<CuratedFact, string>>; readonly note: string };
  readonly at: SourcePosition;
}

export interface Registry {
  readonly entities: ReadonlyMap<string, Entity>;
  /** Old id → current id. */
  readonly redirects: ReadonlyMap<string, string>;
}

export interface RegistryFile { readonly file: string; readonly content: string }

const entityKeys = ['type', 'label', 'altLabel', 'description', 'curated'];

/** Reads registry files (in the given order) and the redirects file; collects every problem. */
export function readRegistry(files: readonly RegistryFile[], redirectsFile?: RegistryFile): { registry: Registry; errors: AnnotationError[] } {
  const errors: AnnotationError[] = [];
  const entities = new Map<string, Entity>();
  for (const { file, content } of files) {
    const yaml = readYaml(file, content);
    errors.push(...yaml.errors);
    if (yaml.errors.length || yaml.value === null || yaml.value === undefined) continue;
    if (!isRecord(yaml.value)) {
      errors.push(new AnnotationError({ file, line: 1, column: 1 }, 'a registry file must map entity ids to entities'));
      continue;
    }
    for (const [id, value] of Object.entries(yaml.value)) {
      const at = yaml.keyPositionOf([id]);
      const fail = (path: (string | number)[], problem: string) => errors.push(new AnnotationError(yaml.positionOf([id, ...path]), `${id}: ${problem}`));
      if (!idPattern.test(id)) { errors.push(new AnnotationError(at, `'${id}' is not an id: use lowercase ASCII letters, digits and hyphens`)); continue; }
      const previous = entities.get(id);
      if (previous) { errors.push(new AnnotationError(at, `the id '${id}' is registered twice (first at ${previous.at.file}:${previous.at.line})`)); continue; }
      if (!isRecord(value)) { errors.push(new AnnotationError(at, `${id}: expected a mapping with type, label, description`)); continue; }
      const before = errors.length;
      for (const key of Object.keys(value)) {
        if (!entityKeys.includes(key)) errors.push(new AnnotationError(yaml.keyPositionOf([id, key]), `${id}: unknown key '${key}'; expected one of ${entityKeys.join(', ')}`));
      }
      const type = value.type;
      if (typeof type !== 'string' || !(entityTypes as readonly string[]).includes(type)) fail(['type'], `'type' must be one of ${entityTypes.join(', ')}`);
      const bilingual = (key: string): Bilingual | undefined => {
        const v = value[key];
        if (isRecord(v) && typeof v.ru === 'string' && typeof v.en === 'string' && v.ru.trim() && v.en.trim()) return { ru: v.ru.trim(), en: v.en.trim() };
        fail([key], `'${key}' must give the text in both languages: { ru: "…", en: "…" }`);
        return undefined;
      };
      const label = bilingual('label');
      const description = bilingual('description');
      const altLabels: Record<Language, string[]> = { ru: [], en: [] };
      if (value.altLabel !== undefined) {
        if (!isRecord(value.altLabel)) fail(['altLabel'], "'altLabel' must be { ru: [...], en: [...] }");
        else for (const [lang, list] of Object.entries(value.altLabel)) {
          if ((lang !== 'ru' && lang !== 'en') || !Array.isArray(list) || !list.every((s) => typeof s === 'string' || typeof s === 'number')) {
            fail(['altLabel', lang], "'altLabel' must be { ru: [...], en: [...] }, lists of names");
          } else altLabels[lang] = [...new Set(list.map((s) => String(s).trim()).filter(Boolean))];
        }
      }
      let curated: Entity['curated'];
      if (value.curated !== undefined) {
        const c = value.curated;
        if (!isRecord(c) || typeof c.note !== 'string' || !c.note.trim()) fail(['curated'], "'curated' facts need a 'note' saying where they come from");
        else {
          const facts: Partial<Record<CuratedFact, string>> = {};
          for (const [key, v] of Object.entries(c)) {
            if (key === 'note') continue;
            if (!(curatedFacts as readonly string[]).includes(key)) fail(['curated', key], `unknown curated fact '${key}'; expected ${curatedFacts.join(', ')} or note`);
            else if (!isHistoricalDate(String(v))) fail(['curated', key], `'${key}' must be ${dateFormatHint}`);
            else facts[key as CuratedFact] = String(v);
          }
          curated = { facts, note: c.note.trim() };
        }
      }
      if (errors.length > before) continue;
      entities.set(id, { id, type: type as EntityType, label: label!, description: description!, altLabels, ...(curated && { curated }), at });
    }
  }
  const redirects = new Map<string, string>();
  if (redirectsFile) {
    const yaml = readYaml(redirectsFile.file, redirectsFile.content);
    errors.push(...yaml.errors);
    if (isRecord(yaml.value)) for (const [from, to] of Object.entries(yaml.value)) {
      if (typeof to !== 'string' || !entities.has(to)) errors.push(new AnnotationError(yaml.positionOf([from]), `the redirect '${from}' must point to a registered id, not '${String(to)}'`));
      else if (entities.has(from)) errors.push(new AnnotationError(yaml.keyPositionOf([from]), `'${from}' is both registered and redirected`));
      else redirects.set(from, to);
    }
  }
  return { registry: { entities, redirects }, errors };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
