/**
 * Reads a TEI P5 text (the subset of `tei/rcp-tei.odd`, as the TEI writer makes it or as an editor
 * writes it by hand) into the same AnnotatedText the `.ann` parser makes: metadata from the teiHeader,
 * the character content of `<ab>` as the normalised text, persName/orgName/title/placeName/rs as
 * mentions, `<seg>` as statement spans and `<relation>`s as statements. So the one extractor gives
 * identical quads and provenance for either format.
 *
 * Like the `.ann` parser it collects every problem with file, line and column (XML that is not
 * well-formed stops at the first). An entity is named by its IRI (`{BASE}id/{class}/{id}`, any base) or by
 * its bare registry id; whether the id exists is the AnnotationChecker's job, but a reference whose
 * element or IRI says one class while the registry says another is refused here.
 */
import type {
  AnnotatedText, Bilingual, Calendar, Certainty, Language, Mention, Reliability, Statement, StatementSpan, TextMetadata,
} from './AnnotatedText.ts';
import { idPattern, type ParseResult } from './AnnotatedTextParser.ts';
import { dateFormatHint, isHistoricalDate } from './HistoricalDate.ts';
import { entityTypes, type EntityType, type Registry } from './Registry.ts';
import { AnnotationError, type SourcePosition } from './SourcePosition.ts';
import { certValues, julianCalendarId, mentionClass, mentionElements, teiNamespace } from './TeiEncoding.ts';
import { childElements, elementText, readXml, type XmlAttribute, type XmlElement } from './XmlSource.ts';
import type { RelationSignature } from '../ontology/Ontology.ts';

/** What the reader checks references against. */
export interface TeiReferences {
  readonly registry: Registry;
  readonly relations: ReadonlyMap<string, RelationSignature>;
}

const certainties = Object.fromEntries(Object.entries(certValues).map(([certainty, cert]) => [cert, certainty])) as Record<string, Certainty>;
const relationAttributes = ['name', 'active', 'passive', 'mutual', 'ana', 'when', 'from', 'to', 'when-custom', 'from-custom', 'to-custom', 'datingMethod', 'cert', 'xml:id'];
const mentionNames = [...new Set(Object.values(mentionElements).map((e) => (e.type ? `${e.name} type="${e.type}"` : e.name)))].join(', ');
const entityIriPattern = new RegExp(`^https?://\\S*/id/(${entityTypes.map((t) => t.toLowerCase()).join('|')})/([^/\\s]+)$`);
const spanIdPattern = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

type Where = (element: XmlElement) => boolean;
type Participant = { readonly id: string; readonly at: SourcePosition };
const pointers = (attribute: XmlAttribute): string[] => attribute.value.trim().split(/\s+/).filter(Boolean);
const typed = (type: string): Where => (e) => e.attributes.get('type')?.value === type;
const inLanguage = (language: Language): Where => (e) => e.attributes.get('xml:lang')?.value === language;

export function parseTeiText(file: string, content: string, references: TeiReferences): ParseResult {
  const { root, error } = readXml(file, content);
  if (!root) return { errors: [error ?? new AnnotationError({ file, line: 1, column: 1 }, 'expected a TEI document')] };
  const outsider = outsideTei(root);
  if (outsider) return { errors: [new AnnotationError(outsider.at, `<${outsider.name}> is not in the TEI namespace: expected xmlns="${teiNamespace}"`)] };
  if (root.name !== 'TEI') return { errors: [new AnnotationError(root.at, `expected the root element <TEI>, found <${root.name}>`)] };

  const reading = new TeiReading(references);
  const header = readHeader(reading, root);
  const wording = readWording(reading, root);
  const statements = readStatements(reading, root, wording.spanOfXmlId);
  for (const span of wording.spans) {
    if (!statements.some((s) => s.spanId === span.id)) reading.fail(span.at, `the span '${span.id}' has no statement: add a <relation ana="#…"> pointing to its <seg>`);
  }
  const { errors } = reading;
  if (errors.length || !header.metadata) return { errors };
  const { text, lineStarts, mentions, spans } = wording;
  return { errors, text: { file, metadata: header.metadata, metadataAt: header.metadataAt, text, lineStarts, mentions, spans, statements } satisfies AnnotatedText };
}

function outsideTei(node: XmlElement): XmlElement | undefined {
  return node.namespace !== teiNamespace ? node : childElements(node).map(outsideTei).find(Boolean);
}

/** The problems found so far, and the ways of looking into the document that record them. */
class TeiReading {
  readonly errors: AnnotationError[] = [];

  constructor(private readonly references: TeiReferences) {}

  fail(at: SourcePosition, problem: string): undefined {
    this.errors.push(new AnnotationError(at, problem));
    return undefined;
  }

  /** The first child named so (and matching `where`); its absence is a problem. */
  child(parent: XmlElement | undefined, name: string, where: Where = () => true, what = `<${name}>`): XmlElement | undefined {
    if (!parent) return undefined;
    return this.optionalChild(parent, name, where) ?? this.fail(parent.at, `expected ${what} in <${parent.name}>`);
  }

  optionalChild(parent: XmlElement | undefined, name: string, where: Where = () => true): XmlElement | undefined {
    return parent && childElements(parent).find((e) => e.name === name && where(e));
  }

  attribute(element: XmlElement | undefined, name: string): XmlAttribute | undefined {
    if (!element) return undefined;
    return element.attributes.get(name) ?? this.fail(element.at, `<${element.name}> needs the attribute ${name}`);
  }

  /** The words of an element that gives a piece of metadata; it must not be empty. */
  words(element: XmlElement | undefined, what: string): string | undefined {
    if (!element) return undefined;
    return elementText(element) || this.fail(element.at, `<${element.name}> must not be empty: it gives the text's ${what}`);
  }

  /** An entity named by IRI or registry id; `expected` is the class the element or the place demands. */
  entity(at: SourcePosition, value: string, expected: readonly EntityType[], role: string): string | undefined {
    const iri = entityIriPattern.exec(value);
    const id = iri ? iri[2] : value;
    if (!idPattern.test(id)) return this.fail(at, `expected an entity IRI ({BASE}id/{class}/{id}) or a registry id for ${role}, found '${value}'`);
    const entity = this.references.registry.entities.get(id);
    if (!entity) return id; // unknown ids are reported by the checker, with its suggestions
    const iriClass = iri && entityTypes.find((t) => t.toLowerCase() === iri[1]);
    if (iriClass && iriClass !== entity.type) return this.fail(at, `'${value}' calls '${id}' a ${iriClass}, but the registry has it as a ${entity.type}`);
    if (expected.length && !expected.includes(entity.type)) return this.fail(at, `${role} must be a ${expected.join(' or ')}, but '${id}' is a ${entity.type}`);
    return id;
  }

  /** The one entity an element's @ref names. */
  reference(element: XmlElement | undefined, expected: readonly EntityType[], role: string): string | undefined {
    const ref = this.attribute(element, 'ref');
    if (!ref) return undefined;
    const value = ref.value.trim();
    if (/\s/.test(value)) return this.fail(ref.at, `${role} names one entity, not several: '${value}'`);
    return this.entity(ref.at, value, expected, role);
  }

  /** The entities a pointer list (@active, @passive, @mutual) names; those it cannot name are reported and left out. */
  participants(attribute: XmlAttribute, role: string): Participant[] {
    return pointers(attribute).flatMap((value) => {
      const id = this.entity(attribute.at, value, [], role);
      return id === undefined ? [] : [{ id, at: attribute.at }];
    });
  }

  isSymmetric(relation: string): boolean | undefined {
    return this.references.relations.get(relation)?.symmetric;
  }
}

// --- The teiHeader -------------------------------------------------------------------------------

function readHeader(reading: TeiReading, root: XmlElement): { metadata?: TextMetadata; metadataAt: Record<string, SourcePosition> } {
  const metadataAt: Record<string, SourcePosition> = {};
  const before = reading.errors.length;
  const header = reading.child(root, 'teiHeader');
  const fileDesc = reading.child(header, 'fileDesc');
  const titleStmt = reading.child(fileDesc, 'titleStmt');
  const publicationStmt = reading.child(fileDesc, 'publicationStmt');
  const sourceDesc = reading.child(fileDesc, 'sourceDesc');
  const profileDesc = reading.child(header, 'profileDesc');
  const value = (element: XmlElement | undefined, key: string): string | undefined => {
    if (element) metadataAt[key] ??= element.at;
    return reading.words(element, key);
  };
  const bilingual = (parent: XmlElement | undefined, name: string, key: string): Bilingual | undefined => {
    const ru = value(reading.child(parent, name, inLanguage('ru'), `<${name} xml:lang="ru">`), key);
    const en = value(reading.child(parent, name, inLanguage('en'), `<${name} xml:lang="en">`), key);
    return ru !== undefined && en !== undefined ? { ru, en } : undefined;
  };
  const entity = (element: XmlElement | undefined, key: string, expected: readonly EntityType[]): string | undefined => {
    if (!element) return undefined;
    metadataAt[key] = element.attributes.get('ref')?.at ?? element.at;
    return reading.reference(element, expected, `the ${key}`);
  };

  const idElement = reading.child(publicationStmt, 'idno', typed('text'), '<idno type="text"> (the text id)');
  const id = value(idElement, 'id');
  if (id !== undefined && !idPattern.test(id)) reading.fail(idElement!.at, `the text id must be lowercase ASCII letters, digits and hyphens, not '${id}'`);
  const title = bilingual(titleStmt, 'title', 'title');
  const languageElement = reading.child(reading.child(profileDesc, 'langUsage'), 'language');
  if (languageElement) metadataAt.language = languageElement.at;
  const language = reading.attribute(languageElement, 'ident');
  if (language && language.value !== 'ru' && language.value !== 'en') reading.fail(language.at, `the language must be 'ru' or 'en', not '${language.value}'`);
  const seedBibl = reading.child(sourceDesc, 'bibl', typed('seed'), '<bibl type="seed">');
  const seed = value(reading.child(seedBibl, 'idno', typed('seed'), '<idno type="seed">'), 'seed');
  const source = value(reading.child(sourceDesc, 'bibl', typed('source'), '<bibl type="source">'), 'source');
  const licence = value(reading.child(reading.child(publicationStmt, 'availability'), 'licence'), 'licence');
  const reliability = reading.child(reading.child(fileDesc, 'notesStmt'), 'note', typed('reliability'), '<note type="reliability">');
  if (reliability) metadataAt.reliability = reliability.at;
  const level = reading.attribute(reliability, 'subtype');
  if (level && !['high', 'medium', 'low'].includes(level.value)) reading.fail(level.at, `the reliability must be high, medium or low, not '${level.value}'`);
  const note = bilingual(reliability, 'p', 'reliability');
  const lines = readLines(reading, reading.optionalChild(seedBibl, 'citedRange'), metadataAt);
  const author = entity(reading.optionalChild(titleStmt, 'author'), 'author', ['Person', 'Faction']);
  const document = entity(reading.child(reading.optionalChild(sourceDesc, 'bibl', typed('document')), 'title'), 'document', ['Document']);
  const partOf = entity(reading.child(reading.optionalChild(sourceDesc, 'bibl', typed('book')), 'title'), 'partOf', ['Document']);
  const dateElement = reading.optionalChild(reading.optionalChild(profileDesc, 'creation'), 'date');
  const when = reading.attribute(dateElement, 'when');
  if (dateElement) metadataAt.date = when?.at ?? dateElement.at;
  if (when && !isHistoricalDate(when.value)) reading.fail(when.at, `the date must be ${dateFormatHint}, not '${when.value}'`);

  if (reading.errors.length > before || !id || !title || !language || !seed || !source || !licence || !level || !note) return { metadataAt };
  return {
    metadataAt,
    metadata: {
      id, title, language: language.value as Language, seed, source, licence,
      reliability: { level: level.value as Reliability, note },
      ...(lines && { lines }), ...(author && { author }), ...(when && { date: when.value }), ...(document && { document }), ...(partOf && { partOf }),
    },
  };
}

function readLines(reading: TeiReading, range: XmlElement | undefined, metadataAt: Record<string, SourcePosition>): [number, number] | undefined {
  if (!range) return undefined;
  metadataAt.lines = range.at;
  const [from, to] = [reading.attribute(range, 'from'), reading.attribute(range, 'to')];
  if (!from || !to) return undefined;
  const lineNumber = /^[1-9]\d*$/;
  if (lineNumber.test(from.value) && lineNumber.test(to.value) && Number(from.value) <= Number(to.value)) return [Number(from.value), Number(to.value)];
  return reading.fail(range.at, '<citedRange unit="line"> must give from and to, two line numbers of the seed, from ≤ to');
}

// --- The wording, its mentions and spans ---------------------------------------------------------

interface Wording {
  readonly text: string;
  readonly lineStarts: { offset: number; line: number }[];
  readonly mentions: Mention[];
  readonly spans: StatementSpan[];
  readonly spanOfXmlId: ReadonlyMap<string, StatementSpan>;
}

function readWording(reading: TeiReading, root: XmlElement): Wording {
  const body = reading.child(reading.child(root, 'text'), 'body');
  const blocks = body ? childElements(body) : [];
  for (const extra of blocks.filter((e) => e.name !== 'ab')) reading.fail(extra.at, `expected only <ab xml:space="preserve"> holding the text in <body>, found <${extra.name}>`);
  const abs = blocks.filter((e) => e.name === 'ab');
  if (abs.length > 1) reading.fail(abs[1].at, 'expected a single <ab> holding the whole text');
  const ab = reading.child(body, 'ab', undefined, '<ab xml:space="preserve"> holding the text');

  const out: string[] = [];
  const lineStarts = [{ offset: 0, line: ab?.at.line ?? 1 }];
  const mentions: Mention[] = [];
  const spans: StatementSpan[] = [];
  const spanOfXmlId = new Map<string, StatementSpan>();
  const walk = (element: XmlElement, inMention: boolean) => {
    for (const node of element.children) {
      if (node.kind === 'text') {
        const chars = Array.from(node.text);
        let newlinesAfter = chars.filter((c) => c === '\n').length;
        for (const c of chars) {
          out.push(c);
          if (c === '\n') lineStarts.push({ offset: out.length, line: node.endLine - --newlinesAfter });
        }
        continue;
      }
      const start = out.length;
      if (node.name === 'seg') {
        if (inMention) reading.fail(node.at, 'a statement span (<seg>) cannot open inside a mention');
        walk(node, inMention);
        const xmlId = reading.attribute(node, 'xml:id');
        const spanId = node.attributes.get('n')?.value ?? xmlId?.value;
        if (!xmlId || spanId === undefined) continue;
        if (!spanIdPattern.test(spanId)) { reading.fail(node.at, `a span id is letters, digits and hyphens, not '${spanId}'`); continue; }
        if (spans.some((s) => s.id === spanId)) reading.fail(node.at, `the span id '${spanId}' is used twice in this text`);
        const span = { id: spanId, start, end: out.length, at: node.at };
        spans.push(span);
        spanOfXmlId.set(xmlId.value, span);
        continue;
      }
      const type = node.attributes.get('type')?.value;
      const entityClass = mentionClass(node.name, type);
      if (!entityClass) reading.fail(node.at, `<${node.name}${type !== undefined ? ` type="${type}"` : ''}> is not part of this TEI subset; in the text expected ${mentionNames} or seg`);
      else if (inMention) reading.fail(node.at, 'a mention cannot contain another mention');
      walk(node, true);
      if (!entityClass || inMention) continue;
      const entityId = reading.reference(node, [entityClass], `<${node.name}>`);
      if (entityId !== undefined) mentions.push({ entityId, start, end: out.length, at: node.at, idAt: node.attributes.get('ref')!.at });
    }
  };
  if (ab) {
    if (ab.attributes.get('xml:space')?.value !== 'preserve') reading.fail(ab.at, '<ab> must have xml:space="preserve": every character of it is the text');
    walk(ab, false);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end); // as the .ann parser orders them
  return { text: out.join(''), lineStarts, mentions, spans, spanOfXmlId };
}

// --- The statements ------------------------------------------------------------------------------

function readStatements(reading: TeiReading, root: XmlElement, spanOfXmlId: ReadonlyMap<string, StatementSpan>): Statement[] {
  const statements: Statement[] = [];
  const perSpan = new Map<string, number>();
  const relationsIn = (list: XmlElement): XmlElement[] =>
    childElements(list).flatMap((e) => (e.name === 'relation' ? [e] : e.name === 'listRelation' ? relationsIn(e) : []));
  const standOff = reading.optionalChild(root, 'standOff');
  for (const element of standOff ? childElements(standOff).filter((e) => e.name === 'listRelation').flatMap(relationsIn) : []) {
    const relation = readRelation(reading, element, spanOfXmlId);
    if (!relation) continue;
    for (const [subject, object] of relation.pairs) {
      const n = (perSpan.get(relation.span.id) ?? 0) + 1;
      perSpan.set(relation.span.id, n);
      statements.push({
        ...relation.fields,
        id: n === 1 ? relation.span.id : `${relation.span.id}-${n}`,
        spanId: relation.span.id, subject: subject.id, object: object.id,
        at: { ...relation.at, subject: subject.at, object: object.at },
      });
    }
  }
  return statements;
}

interface Relation {
  readonly span: StatementSpan;
  /** Subject and object of each statement the relation makes. */
  readonly pairs: readonly (readonly [Participant, Participant])[];
  readonly fields: Pick<Statement, 'relation' | 'date' | 'from' | 'to' | 'calendar' | 'certainty' | 'note'>;
  readonly at: Pick<Statement['at'], 'line' | 'relation' | 'options'>;
}

function readRelation(reading: TeiReading, relation: XmlElement, spanOfXmlId: ReadonlyMap<string, StatementSpan>): Relation | undefined {
  const before = reading.errors.length;
  for (const [name, value] of relation.attributes) {
    if (!relationAttributes.includes(name)) reading.fail(value.nameAt, `the attribute ${name} is not part of this TEI subset; a <relation> takes ${relationAttributes.join(', ')}`);
  }
  const name = reading.attribute(relation, 'name');
  if (name && !/^[a-z][A-Za-z]*$/.test(name.value)) reading.fail(name.at, `expected a relation name such as memberOf, found '${name.value}'`);
  const ana = reading.attribute(relation, 'ana');
  const span = ana && ana.value.startsWith('#') ? spanOfXmlId.get(ana.value.slice(1)) : undefined;
  if (ana && !span) reading.fail(ana.at, `@ana must point to the <seg> of the passage that states it ('#xml-id'), but '${ana.value}' points to no <seg> of this text`);
  const pairs = readParticipants(reading, relation, name?.value);
  const dating = readDating(reading, relation);
  const cert = relation.attributes.get('cert');
  if (cert && !certainties[cert.value]) reading.fail(cert.at, `cert must be high, medium or low, not '${cert.value}'`);
  const desc = reading.optionalChild(relation, 'desc');
  if (reading.errors.length > before || !name || !span || !dating) return undefined;

  const options: Record<string, SourcePosition> = { ...dating.at };
  if (cert) options.certainty = cert.at;
  if (desc) options.note = desc.at;
  return {
    span,
    pairs,
    fields: {
      relation: name.value, ...dating.values, calendar: dating.calendar,
      certainty: cert ? certainties[cert.value] : 'certain',
      ...(desc && { note: elementText(desc) }),
    },
    at: { line: relation.at, relation: name.at, options },
  };
}

/** Subject and object of each statement: every active with every passive participant, or the two mutual ones. */
function readParticipants(reading: TeiReading, relation: XmlElement, name: string | undefined): (readonly [Participant, Participant])[] {
  const mutual = relation.attributes.get('mutual');
  if (mutual) {
    if (relation.attributes.has('active') || relation.attributes.has('passive')) reading.fail(mutual.at, 'give either mutual, or active and passive, not both');
    if (name && reading.isSymmetric(name) === false) reading.fail(mutual.at, `mutual is for symmetric relations; '${name}' has a direction: use active and passive`);
    if (pointers(mutual).length !== 2) return reading.fail(mutual.at, `mutual names exactly two participants here, not ${pointers(mutual).length}`) ?? [];
    const [first, second] = reading.participants(mutual, 'a participant');
    return first && second ? [[first, second]] : [];
  }
  const [active, passive] = [reading.attribute(relation, 'active'), reading.attribute(relation, 'passive')];
  if (!active || !passive) return [];
  const objects = reading.participants(passive, 'the passive participant');
  return reading.participants(active, 'the active participant').flatMap((subject) => objects.map((object) => [subject, object] as const));
}

/** @when or @from/@to (Gregorian), or their -custom forms with @datingMethod="#julian" (Old Style). */
function readDating(reading: TeiReading, relation: XmlElement) {
  const before = reading.errors.length;
  const datingMethod = relation.attributes.get('datingMethod');
  const julian = datingMethod !== undefined;
  if (datingMethod && datingMethod.value !== `#${julianCalendarId}`) {
    reading.fail(datingMethod.at, `the only dating method here is '#${julianCalendarId}' (Old Style), not '${datingMethod.value}'`);
  }
  const values: Partial<Record<'date' | 'from' | 'to', string>> = {};
  const at: Record<string, SourcePosition> = datingMethod ? { calendar: datingMethod.at } : {};
  for (const [key, plain] of [['date', 'when'], ['from', 'from'], ['to', 'to']] as const) {
    const [gregorian, custom] = [relation.attributes.get(plain), relation.attributes.get(`${plain}-custom`)];
    if (gregorian && julian) reading.fail(gregorian.at, `with datingMethod="#${julianCalendarId}" the date goes into ${plain}-custom: ${plain} is a Gregorian date`);
    if (custom && !julian) reading.fail(custom.at, `${plain}-custom needs datingMethod="#${julianCalendarId}"`);
    const given = gregorian ?? custom;
    if (!given) continue;
    if (!isHistoricalDate(given.value)) reading.fail(given.at, `${gregorian ? plain : `${plain}-custom`} must be ${dateFormatHint}, not '${given.value}'`);
    values[key] = given.value;
    at[key] = given.at;
  }
  if (at.date && (at.from || at.to)) reading.fail(at.date, 'give either when (a moment) or from/to (a period), not both');
  if (reading.errors.length > before) return undefined;
  return { values, at, calendar: (julian ? 'julian' : 'gregorian') as Calendar };
}
