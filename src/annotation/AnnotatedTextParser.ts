/**
 * Parses one annotated text (`data/texts/*.ann`, format in data/README.md) into its metadata, its
 * normalised wording and the mentions, spans and statements marked in it.
 *
 * It checks the syntax only, and collects every problem it finds rather than stopping at the first;
 * whether ids exist and relations fit the ontology is the AnnotationChecker's job.
 */
import type {
  AnnotatedText, Bilingual, Calendar, Certainty, Mention, Reliability, Statement, StatementSpan, TextMetadata,
} from './AnnotatedText.ts';
import { dateFormatHint, isHistoricalDate } from './HistoricalDate.ts';
import { AnnotationError, type SourcePosition } from './SourcePosition.ts';
import { readYaml, type YamlSource } from './YamlSource.ts';

export interface ParseResult {
  readonly text?: AnnotatedText;
  readonly errors: readonly AnnotationError[];
}

export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const spanIdPattern = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const statementOptions = ['date', 'from', 'to', 'calendar', 'certainty', 'note'] as const;
const escapable = new Set(['[', ']', '{', '}', '@', '%', '\\', '|']);

export function parseAnnotatedText(file: string, content: string): ParseResult {
  const source = content.normalize('NFC').replace(/\r\n?/g, '\n');
  const errors: AnnotationError[] = [];
  const lines = source.split('\n');
  if (lines[0] !== '---') {
    return { errors: [new AnnotationError({ file, line: 1, column: 1 }, "expected '---' opening the front matter on the first line")] };
  }
  const close = lines.indexOf('---', 1);
  if (close < 0) {
    return { errors: [new AnnotationError({ file, line: 1, column: 1 }, "the front matter opened on line 1 is never closed by a '---' line")] };
  }
  const yaml = readYaml(file, lines.slice(1, close).join('\n'), 2);
  errors.push(...yaml.errors);
  const metadata = yaml.errors.length ? undefined : readMetadata(yaml, errors, { file, line: 1, column: 1 });

  const bodyLine = close + 2;
  const body = parseBody(file, lines.slice(close + 1).join('\n'), bodyLine, errors);
  if (!metadata || errors.length) return { errors };
  const metadataAt: Record<string, SourcePosition> = {};
  for (const key of Object.keys(metadata)) metadataAt[key] = yaml.positionOf([key]);
  return { errors, text: { file, metadata, metadataAt, ...body } };
}

// --- Front matter --------------------------------------------------------------------------------

const metadataKeys = ['id', 'title', 'language', 'seed', 'lines', 'source', 'licence', 'reliability', 'author', 'date', 'document', 'partOf'];

function readMetadata(yaml: YamlSource, errors: AnnotationError[], top: SourcePosition): TextMetadata | undefined {
  const value = yaml.value;
  if (!isRecord(value)) {
    errors.push(new AnnotationError(top, 'the front matter must be a YAML mapping of keys to values'));
    return undefined;
  }
  const before = errors.length;
  const fail = (path: (string | number)[], problem: string) => errors.push(new AnnotationError(yaml.positionOf(path), problem));
  for (const key of Object.keys(value)) {
    if (!metadataKeys.includes(key)) errors.push(new AnnotationError(yaml.keyPositionOf([key]), `unknown front-matter key '${key}'; expected one of ${metadataKeys.join(', ')}`));
  }
  const string = (key: string, required: boolean): string | undefined => {
    const v = value[key];
    if (v === undefined || v === null) {
      if (required) errors.push(new AnnotationError(top, `the front matter lacks the required key '${key}'`));
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      fail([key], `'${key}' must be a single value`);
      return undefined;
    }
    return String(v);
  };
  const slug = (key: string, required: boolean): string | undefined => {
    const v = string(key, required);
    if (v !== undefined && !idPattern.test(v)) fail([key], `'${key}' must be an id of lowercase ASCII letters, digits and hyphens, not '${v}'`);
    return v;
  };
  const bilingual = (path: string[], required: boolean): Bilingual | undefined => {
    let v: unknown = value;
    for (const step of path) v = isRecord(v) ? v[step] : undefined;
    if (v === undefined) {
      if (required) errors.push(new AnnotationError(path.length > 1 ? yaml.positionOf(path.slice(0, -1)) : top, `the front matter lacks '${path.join('.')}' ({ ru: …, en: … })`));
      return undefined;
    }
    if (!isRecord(v) || typeof v.ru !== 'string' || typeof v.en !== 'string' || !v.ru.trim() || !v.en.trim()) {
      fail(path, `'${path.join('.')}' must give the text in both languages: { ru: "…", en: "…" }`);
      return undefined;
    }
    return { ru: v.ru, en: v.en };
  };

  const id = slug('id', true);
  const title = bilingual(['title'], true);
  const language = string('language', true);
  if (language !== undefined && language !== 'ru' && language !== 'en') fail(['language'], `'language' must be 'ru' or 'en', not '${language}'`);
  const seed = string('seed', true);
  const source = string('source', true);
  const licence = string('licence', true);
  const reliabilityValue = value.reliability;
  let level: string | undefined;
  if (!isRecord(reliabilityValue)) errors.push(new AnnotationError(top, "the front matter lacks 'reliability' ({ level: high|medium|low, note: { ru, en } })"));
  else {
    level = typeof reliabilityValue.level === 'string' ? reliabilityValue.level : undefined;
    if (level !== 'high' && level !== 'medium' && level !== 'low') fail(['reliability', 'level'], "'reliability.level' must be high, medium or low");
  }
  const note = isRecord(reliabilityValue) ? bilingual(['reliability', 'note'], true) : undefined;
  const author = slug('author', false);
  const date = string('date', false);
  if (date !== undefined && !isHistoricalDate(date)) fail(['date'], `'date' must be ${dateFormatHint}, not '${date}'`);
  const document = slug('document', false);
  const partOf = slug('partOf', false);
  let lineRange: [number, number] | undefined;
  if (value.lines !== undefined) {
    const l = value.lines;
    if (Array.isArray(l) && l.length === 2 && l.every((n) => Number.isInteger(n) && n > 0) && l[0] <= l[1]) lineRange = [l[0], l[1]];
    else fail(['lines'], "'lines' must be [first, last], two line numbers of the seed");
  }
  if (errors.length > before) return undefined;
  return {
    id: id!, title: title!, language: language as 'ru' | 'en', seed: seed!, source: source!, licence: licence!,
    reliability: { level: level as Reliability, note: note! },
    ...(lineRange && { lines: lineRange }), ...(author && { author }), ...(date && { date }),
    ...(document && { document }), ...(partOf && { partOf }),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// --- Body ----------------------------------------------------------------------------------------

interface Body {
  text: string;
  lineStarts: { offset: number; line: number }[];
  mentions: Mention[];
  spans: StatementSpan[];
  statements: Statement[];
}

interface OpenMention { start: number; at: SourcePosition; id?: string; idAt?: SourcePosition }
interface OpenSpan { id: string; start: number; at: SourcePosition }

function parseBody(file: string, body: string, firstLine: number, errors: AnnotationError[]): Body {
  const chars = Array.from(body); // code points, so offsets and columns count what a reader sees
  const out: string[] = [];
  const lineStarts = [{ offset: 0, line: firstLine }];
  const mentions: Mention[] = [];
  const spans: StatementSpan[] = [];
  const statements: Statement[] = [];
  const spanIds = new Map<string, StatementSpan>();
  const openSpans: OpenSpan[] = [];
  const statementsPerSpan = new Map<string, number>();
  let mention: OpenMention | undefined;
  let line = firstLine;
  let column = 1;
  const here = (): SourcePosition => ({ file, line, column });
  const error = (at: SourcePosition, problem: string) => errors.push(new AnnotationError(at, problem));

  let i = 0;
  const advance = (n = 1) => {
    for (let k = 0; k < n; k++) {
      if (chars[i] === '\n') { line++; column = 1; } else column++;
      i++;
    }
  };
  const emit = (c: string) => { out.push(c); };
  const lineEnd = () => { let j = i; while (j < chars.length && chars[j] !== '\n') j++; return j; };

  while (i < chars.length) {
    const c = chars[i];
    const next = chars[i + 1];
    if (column === 1 && !mention?.idAt) {
      if (c === '%' && next === '%') { advance(lineEnd() - i + 1); lineStarts[lineStarts.length - 1] = { offset: out.length, line }; continue; }
      if (c === '@') {
        const end = lineEnd();
        const statement = parseStatementLine(chars.slice(i, end).join(''), here(), spanIds, statementsPerSpan, errors);
        if (statement) statements.push(statement);
        advance(end - i + 1);
        lineStarts[lineStarts.length - 1] = { offset: out.length, line };
        continue;
      }
    }
    if (mention?.idAt) { // reading the entity id of a mention, up to ']]'
      if (c === ']' && next === ']') {
        const id = mention.id ?? '';
        if (!idPattern.test(id)) error(mention.idAt, `expected an entity id (lowercase ASCII letters, digits, hyphens) after '|', found '${id}'`);
        else mentions.push({ entityId: id, start: mention.start, end: out.length, at: mention.at, idAt: mention.idAt });
        mention = undefined;
        advance(2);
      } else if (c === '\n') {
        error(mention.at, "a mention's entity id must end with ']]' on the same line");
        mention = undefined;
      } else {
        mention.id = (mention.id ?? '') + c;
        advance();
      }
      continue;
    }
    if (c === '\\' && next !== undefined && escapable.has(next)) { emit(next); advance(2); continue; }
    if (c === '[' && next === '[') {
      if (mention) error(here(), `a mention cannot contain another mention (the one opened at line ${mention.at.line}, column ${mention.at.column} is still open)`);
      else mention = { start: out.length, at: here() };
      advance(2);
      continue;
    }
    if (c === '|' && mention) { advance(); mention.idAt = here(); mention.id = ''; continue; }
    if (c === ']' && next === ']') {
      error(here(), mention ? "a mention needs its entity id: write [[text|entity-id]]" : "']]' closes no mention (write '\\]]' for the characters themselves)");
      mention = undefined;
      advance(2);
      continue;
    }
    if (c === '{' && next === '{') {
      const at = here();
      advance(2);
      let id = '';
      while (i < chars.length && /[A-Za-z0-9-]/.test(chars[i])) { id += chars[i]; advance(); }
      if (mention) error(at, 'a statement span cannot open inside a mention');
      if (!spanIdPattern.test(id) || chars[i] !== ' ') {
        error(at, `expected a span id and a space after '{{' (as in '{{s1 …}}'), found '{{${id}${chars[i] ?? ''}'`);
        continue;
      }
      advance(); // the space after the id is markup
      if (spanIds.has(id) || openSpans.some((s) => s.id === id)) error(at, `the span id '${id}' is used twice in this text`);
      openSpans.push({ id, start: out.length, at });
      continue;
    }
    if (c === '}' && next === '}') {
      const open = openSpans.pop();
      if (!open) error(here(), "'}}' closes no statement span (write '\\}}' for the characters themselves)");
      else {
        if (mention) error(here(), `the span '${open.id}' closes inside a mention: spans and mentions may nest but not cross`);
        const span = { id: open.id, start: open.start, end: out.length, at: open.at };
        spans.push(span);
        spanIds.set(span.id, span);
      }
      advance(2);
      continue;
    }
    emit(c);
    advance();
    if (c === '\n') lineStarts.push({ offset: out.length, line });
  }
  if (mention) error(mention.at, "this mention is never closed with '|entity-id]]'");
  for (const open of openSpans) error(open.at, `the span '${open.id}' is never closed with '}}'`);
  for (const span of spans) {
    if (!statementsPerSpan.has(span.id)) error(span.at, `the span '${span.id}' has no statement: add a line '@${span.id} subject relation object' after it`);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text: out.join(''), lineStarts, mentions, spans, statements };
}

interface Token { value: string; at: SourcePosition }

/** Splits a statement line into tokens; a double-quoted value may hold spaces and `\"`. */
function tokenise(line: string, at: SourcePosition, errors: AnnotationError[]): Token[] | undefined {
  const tokens: Token[] = [];
  const chars = Array.from(line);
  let i = 0;
  while (i < chars.length) {
    if (/\s/.test(chars[i])) { i++; continue; }
    const start = i;
    let value = '';
    while (i < chars.length && !/\s/.test(chars[i])) {
      if (chars[i] === '"') {
        const quoteAt = i;
        i++;
        while (i < chars.length && chars[i] !== '"') {
          if (chars[i] === '\\' && (chars[i + 1] === '"' || chars[i + 1] === '\\')) i++;
          value += chars[i];
          i++;
        }
        if (i >= chars.length) {
          errors.push(new AnnotationError({ ...at, column: at.column + quoteAt }, 'this quoted value is never closed with \'"\''));
          return undefined;
        }
        i++;
      } else { value += chars[i]; i++; }
    }
    tokens.push({ value, at: { ...at, column: at.column + start } });
  }
  return tokens;
}

function parseStatementLine(
  line: string, at: SourcePosition, spans: ReadonlyMap<string, StatementSpan>,
  perSpan: Map<string, number>, errors: AnnotationError[],
): Statement | undefined {
  const tokens = tokenise(line.slice(1), { ...at, column: at.column + 1 }, errors);
  if (!tokens) return undefined;
  const error = (where: SourcePosition, problem: string) => { errors.push(new AnnotationError(where, problem)); return undefined; };
  if (tokens.length < 4) return error(at, "expected a statement '@span subject relation object [key=value …]'");
  const [span, subject, relation, object, ...rest] = tokens;
  if (!spans.has(span.value)) {
    return error(at, `'@${span.value}' names no statement span closed before this line; open one with '{{${span.value} …}}' above`);
  }
  for (const t of [subject, object]) if (!idPattern.test(t.value)) return error(t.at, `expected an entity id (lowercase ASCII letters, digits, hyphens), found '${t.value}'`);
  if (!/^[a-z][A-Za-z]*$/.test(relation.value)) return error(relation.at, `expected a relation name such as memberOf, found '${relation.value}'`);
  const options: Record<string, string> = {};
  const optionsAt: Record<string, SourcePosition> = {};
  for (const t of rest) {
    const eq = t.value.indexOf('=');
    const key = eq < 0 ? t.value : t.value.slice(0, eq);
    if (eq < 0 || !(statementOptions as readonly string[]).includes(key)) {
      return error(t.at, `expected an option ${statementOptions.map((o) => o + '=…').join(', ')}, found '${t.value}'`);
    }
    if (key in options) return error(t.at, `the option '${key}' is given twice`);
    options[key] = t.value.slice(eq + 1);
    optionsAt[key] = t.at;
  }
  for (const key of ['date', 'from', 'to'] as const) {
    if (options[key] !== undefined && !isHistoricalDate(options[key])) return error(optionsAt[key], `'${key}' must be ${dateFormatHint}, not '${options[key]}'`);
  }
  if (options.date !== undefined && (options.from !== undefined || options.to !== undefined)) {
    return error(optionsAt.date, "give either 'date' (a moment) or 'from'/'to' (a period), not both");
  }
  const calendar = options.calendar ?? 'gregorian';
  if (calendar !== 'gregorian' && calendar !== 'julian') return error(optionsAt.calendar, "'calendar' must be gregorian or julian");
  const certainty = options.certainty ?? 'certain';
  if (certainty !== 'certain' && certainty !== 'probable' && certainty !== 'uncertain') return error(optionsAt.certainty, "'certainty' must be certain, probable or uncertain");
  const n = (perSpan.get(span.value) ?? 0) + 1;
  perSpan.set(span.value, n);
  return {
    id: n === 1 ? span.value : `${span.value}-${n}`,
    spanId: span.value,
    subject: subject.value,
    relation: relation.value,
    object: object.value,
    ...(options.date !== undefined && { date: options.date }),
    ...(options.from !== undefined && { from: options.from }),
    ...(options.to !== undefined && { to: options.to }),
    calendar: calendar as Calendar,
    certainty: certainty as Certainty,
    ...(options.note !== undefined && { note: options.note }),
    at: { line: at, subject: subject.at, relation: relation.at, object: object.at, options: optionsAt },
  };
}
