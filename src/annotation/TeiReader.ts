/**
 * Reads a TEI P5 text (the subset of `tei/rcp-tei.odd`, as the TEI writer makes it or as an editor
 * writes it by hand) into the same AnnotatedText the `.ann` parser makes: metadata from the teiHeader,
 * the wording of `<ab>` as the normalised text, persName/orgName/title/placeName/rs as mentions, `<seg>`
 * as statement spans and `<relation>`s as statements. So the one extractor gives identical quads and
 * provenance for either format.
 *
 * Like the `.ann` parser it collects every problem with file, line and column; XML that is not
 * well-formed stops at the first. An entity is named by its IRI (`{BASE}id/{class}/{id}`, any base) or
 * by its bare registry id; whether the id exists is the AnnotationChecker's job, but a reference whose
 * element or IRI says one class while the registry says another is refused here.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { AnnotatedText, Bilingual, Certainty, Language, Mention, Reliability, Statement, StatementSpan, TextMetadata } from './AnnotatedText.ts';
import { idPattern, type ParseResult } from './AnnotatedTextParser.ts';
import { dateFormatHint, isHistoricalDate } from './HistoricalDate.ts';
import { entityTypes, type EntityType, type Registry } from './Registry.ts';
import { AnnotationError, type SourcePosition } from './SourcePosition.ts';
import { certValues, julianCalendarId, mentionClass, mentionElements, teiNamespace, xmlNamespace } from './TeiEncoding.ts';
import type { RelationSignature } from '../ontology/Ontology.ts';

/** What the reader checks references against. */
export interface TeiReferences {
  readonly registry: Registry;
  readonly relations: ReadonlyMap<string, RelationSignature>;
}

// --- XML with positions --------------------------------------------------------------------------

/** An attribute, with where its value starts (`at`) and where its name does. */
interface XmlAttribute { readonly value: string; readonly at: SourcePosition; readonly nameAt: SourcePosition }
interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly namespace: string;
  /** Keyed by local name; `xml:lang`, `xml:id`, `xml:space` by their prefixed names. */
  readonly attributes: ReadonlyMap<string, XmlAttribute>;
  readonly children: XmlNode[];
  readonly at: SourcePosition;
}
interface XmlText {
  readonly kind: 'text';
  readonly text: string;
  /** The file line the character after the text stands on. */
  readonly endLine: number;
}
type XmlNode = XmlElement | XmlText;

function readXml(file: string, source: string): { root?: XmlElement; error?: AnnotationError } {
  const lineOffsets = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineOffsets.push(i + 1);
  const positionAt = (offset: number): SourcePosition => {
    let lo = 0;
    let hi = lineOffsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineOffsets[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { file, line: lo + 1, column: Array.from(source.slice(lineOffsets[lo], offset)).length + 1 };
  };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let error: AnnotationError | undefined;
  let root: XmlElement | undefined;
  const open: XmlElement[] = [];
  let tagStart = 0;
  parser.on('error', (e) => {
    error ??= new AnnotationError({ file, line: parser.line, column: Math.max(1, parser.column) }, `not well-formed XML: ${e.message.replace(/^\d+:\d+: /, '')}`);
  });
  parser.on('opentagstart', (tag) => { tagStart = source.lastIndexOf(`<${tag.name}`, parser.position); });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const raw = source.slice(tagStart, parser.position);
    const attributes = new Map<string, XmlAttribute>();
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.uri === 'http://www.w3.org/2000/xmlns/' || attribute.name === 'xmlns') continue;
      const written = new RegExp(`\\s${attribute.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*["']`).exec(raw);
      const key = attribute.uri === xmlNamespace ? `xml:${attribute.local}` : attribute.local;
      attributes.set(key, {
        value: attribute.value,
        at: positionAt(tagStart + (written ? written.index + written[0].length : 0)),
        nameAt: positionAt(tagStart + (written ? written.index + 1 : 0)),
      });
    }
    const element: XmlElement = { kind: 'element', name: tag.local, namespace: tag.uri, attributes, children: [], at: positionAt(tagStart) };
    if (open.length) open[open.length - 1].children.push(element); else root ??= element;
    open.push(element);
  });
  parser.on('closetag', () => { open.pop(); });
  const addText = (text: string) => { if (open.length) open[open.length - 1].children.push({ kind: 'text', text, endLine: parser.line }); };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(source).close();
  return error ? { error } : { root };
}

const elements = (node: XmlElement): XmlElement[] => node.children.filter((c): c is XmlElement => c.kind === 'element');
/** An element's text with its white space collapsed, as TEI reads element content outside xml:space="preserve". */
const words = (node: XmlElement): string =>
  node.children.map((c) => (c.kind === 'text' ? c.text : words(c))).join('').replace(/\s+/g, ' ').trim();

// --- The TEI text --------------------------------------------------------------------------------

const certainties = Object.fromEntries(Object.entries(certValues).map(([certainty, cert]) => [cert, certainty])) as Record<string, Certainty>;
const relationAttributes = ['name', 'active', 'passive', 'mutual', 'ana', 'when', 'from', 'to', 'when-custom', 'from-custom', 'to-custom', 'datingMethod', 'cert', 'xml:id'];
const mentionNames = [...new Set(Object.values(mentionElements).map((e) => (e.type ? `${e.name} type="${e.type}"` : e.name)))].join(', ');
const entityIriPattern = new RegExp(`^https?://\\S*/id/(${entityTypes.map((t) => t.toLowerCase()).join('|')})/([^/\\s]+)$`);

export function parseTeiText(file: string, content: string, references: TeiReferences): ParseResult {
  const { root, error } = readXml(file, content.normalize('NFC').replace(/\r\n?/g, '\n'));
  if (!root) return { errors: [error ?? new AnnotationError({ file, line: 1, column: 1 }, 'expected a TEI document')] };
  const errors: AnnotationError[] = [];
  const fail = (at: SourcePosition, problem: string): undefined => { errors.push(new AnnotationError(at, problem)); return undefined; };

  const foreign = (node: XmlElement): XmlElement | undefined => (node.namespace !== teiNamespace ? node : elements(node).map(foreign).find(Boolean));
  const outsider = foreign(root);
  if (outsider) return { errors: [new AnnotationError(outsider.at, `<${outsider.name}> is not in the TEI namespace: expected xmlns="${teiNamespace}"`)] };
  if (root.name !== 'TEI') return { errors: [new AnnotationError(root.at, `expected the root element <TEI>, found <${root.name}>`)] };

  const child = (parent: XmlElement | undefined, name: string, where: (e: XmlElement) => boolean = () => true, what = `<${name}>`): XmlElement | undefined => {
    if (!parent) return undefined;
    return elements(parent).find((e) => e.name === name && where(e)) ?? fail(parent.at, `expected ${what} in <${parent.name}>`);
  };
  const optionalChild = (parent: XmlElement | undefined, name: string, where: (e: XmlElement) => boolean = () => true) =>
    parent && elements(parent).find((e) => e.name === name && where(e));
  const typed = (type: string) => (e: XmlElement) => e.attributes.get('type')?.value === type;
  const inLanguage = (language: Language) => (e: XmlElement) => e.attributes.get('xml:lang')?.value === language;
  const attribute = (element: XmlElement | undefined, name: string): XmlAttribute | undefined => {
    if (!element) return undefined;
    return element.attributes.get(name) ?? fail(element.at, `<${element.name}> needs the attribute ${name}`);
  };

  /** An entity named by IRI or registry id; `expected` is the class the element or the place demands. */
  const entityReference = (at: SourcePosition, value: string, expected: readonly EntityType[], role: string): string | undefined => {
    const iri = entityIriPattern.exec(value);
    const id = iri ? iri[2] : value;
    if (!idPattern.test(id)) return fail(at, `expected an entity IRI ({BASE}id/{class}/{id}) or a registry id for ${role}, found '${value}'`);
    const entity = references.registry.entities.get(id);
    if (!entity) return id; // unknown ids are reported by the checker, with its suggestions
    const iriClass = iri && entityTypes.find((t) => t.toLowerCase() === iri[1]);
    if (iriClass && iriClass !== entity.type) return fail(at, `'${value}' calls '${id}' a ${iriClass}, but the registry has it as a ${entity.type}`);
    if (expected.length && !expected.includes(entity.type)) return fail(at, `${role} must be a ${expected.join(' or ')}, but '${id}' is a ${entity.type}`);
    return id;
  };
  const singleReference = (element: XmlElement | undefined, expected: readonly EntityType[], role: string): string | undefined => {
    const ref = attribute(element, 'ref');
    if (!ref) return undefined;
    const value = ref.value.trim();
    if (/\s/.test(value)) return fail(ref.at, `${role} names one entity, not several: '${value}'`);
    return entityReference(ref.at, value, expected, role);
  };

  // The header.
  const metadataAt: Record<string, SourcePosition> = {};
  const header = child(root, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const publicationStmt = child(fileDesc, 'publicationStmt');
  const sourceDesc = child(fileDesc, 'sourceDesc');
  const profileDesc = child(header, 'profileDesc');
  const text = (element: XmlElement | undefined, key: string): string | undefined => {
    if (!element) return undefined;
    metadataAt[key] ??= element.at;
    const value = words(element);
    return value || fail(element.at, `<${element.name}> must not be empty: it gives the text's ${key}`);
  };
  const bilingual = (elementsByLanguage: Record<Language, XmlElement | undefined>, key: string): Bilingual | undefined => {
    const ru = text(elementsByLanguage.ru, key);
    const en = text(elementsByLanguage.en, key);
    return ru !== undefined && en !== undefined ? { ru, en } : undefined;
  };

  const idElement = child(publicationStmt, 'idno', typed('text'), '<idno type="text"> (the text id)');
  const id = text(idElement, 'id');
  if (id !== undefined && !idPattern.test(id)) fail(idElement!.at, `the text id must be lowercase ASCII letters, digits and hyphens, not '${id}'`);
  const title = bilingual({ ru: child(titleStmt, 'title', inLanguage('ru'), '<title xml:lang="ru">'), en: child(titleStmt, 'title', inLanguage('en'), '<title xml:lang="en">') }, 'title');
  const languageElement = child(child(profileDesc, 'langUsage'), 'language');
  const language = attribute(languageElement, 'ident');
  if (languageElement) metadataAt.language = languageElement.at;
  if (language && language.value !== 'ru' && language.value !== 'en') fail(language.at, `the language must be 'ru' or 'en', not '${language.value}'`);
  const seedBibl = child(sourceDesc, 'bibl', typed('seed'), '<bibl type="seed">');
  const seed = text(child(seedBibl, 'idno', typed('seed'), '<idno type="seed">'), 'seed');
  const source = text(child(sourceDesc, 'bibl', typed('source'), '<bibl type="source">'), 'source');
  const licence = text(child(child(publicationStmt, 'availability'), 'licence'), 'licence');
  const reliabilityNote = child(child(fileDesc, 'notesStmt'), 'note', typed('reliability'), '<note type="reliability">');
  const level = attribute(reliabilityNote, 'subtype');
  if (reliabilityNote) metadataAt.reliability = reliabilityNote.at;
  if (level && !['high', 'medium', 'low'].includes(level.value)) fail(level.at, `the reliability must be high, medium or low, not '${level.value}'`);
  const note = bilingual({ ru: child(reliabilityNote, 'p', inLanguage('ru'), '<p xml:lang="ru">'), en: child(reliabilityNote, 'p', inLanguage('en'), '<p xml:lang="en">') }, 'reliability');

  let lines: [number, number] | undefined;
  const range = optionalChild(seedBibl, 'citedRange');
  if (range) {
    metadataAt.lines = range.at;
    const [from, to] = [attribute(range, 'from'), attribute(range, 'to')];
    if (from && to) {
      if (/^[1-9]\d*$/.test(from.value) && /^[1-9]\d*$/.test(to.value) && Number(from.value) <= Number(to.value)) lines = [Number(from.value), Number(to.value)];
      else fail(range.at, "<citedRange unit=\"line\"> must give from and to, two line numbers of the seed, from ≤ to");
    }
  }
  const optionalEntity = (element: XmlElement | undefined, key: string, expected: readonly EntityType[]): string | undefined => {
    if (!element) return undefined;
    metadataAt[key] = element.attributes.get('ref')?.at ?? element.at;
    return singleReference(element, expected, `the ${key}`);
  };
  const author = optionalEntity(optionalChild(titleStmt, 'author'), 'author', ['Person', 'Faction']);
  const document = optionalEntity(child(optionalChild(sourceDesc, 'bibl', typed('document')), 'title'), 'document', ['Document']);
  const partOf = optionalEntity(child(optionalChild(sourceDesc, 'bibl', typed('book')), 'title'), 'partOf', ['Document']);
  let date: string | undefined;
  const dateElement = optionalChild(optionalChild(profileDesc, 'creation'), 'date');
  if (dateElement) {
    const when = attribute(dateElement, 'when');
    metadataAt.date = when?.at ?? dateElement.at;
    if (when && !isHistoricalDate(when.value)) fail(when.at, `the date must be ${dateFormatHint}, not '${when.value}'`);
    else date = when?.value;
  }

  // The text: the wording of <ab>, its mentions and spans.
  const body = child(child(root, 'text'), 'body');
  const blocks = body ? elements(body) : [];
  for (const extra of blocks.filter((e) => e.name !== 'ab')) fail(extra.at, `expected only <ab xml:space="preserve"> holding the text in <body>, found <${extra.name}>`);
  if (blocks.filter((e) => e.name === 'ab').length > 1) fail(blocks.filter((e) => e.name === 'ab')[1].at, 'expected a single <ab> holding the whole text');
  const ab = child(body, 'ab', undefined, '<ab xml:space="preserve"> holding the text');
  const out: string[] = [];
  const lineStarts = [{ offset: 0, line: ab?.at.line ?? 1 }];
  const mentions: Mention[] = [];
  const spans: StatementSpan[] = [];
  const spanOfXmlId = new Map<string, StatementSpan>();
  const walk = (element: XmlElement, inMention: boolean) => {
    for (const node of element.children) {
      if (node.kind === 'text') {
        const chars = Array.from(node.text);
        let remaining = chars.filter((c) => c === '\n').length;
        for (const c of chars) {
          out.push(c);
          if (c === '\n') lineStarts.push({ offset: out.length, line: node.endLine - --remaining });
        }
        continue;
      }
      const start = out.length;
      if (node.name === 'seg') {
        if (inMention) fail(node.at, 'a statement span (<seg>) cannot open inside a mention');
        const xmlId = attribute(node, 'xml:id');
        const spanId = node.attributes.get('n')?.value ?? xmlId?.value;
        walk(node, inMention);
        if (!xmlId || spanId === undefined) continue;
        if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(spanId)) { fail(node.at, `a span id is letters, digits and hyphens, not '${spanId}'`); continue; }
        if (spans.some((s) => s.id === spanId)) fail(node.at, `the span id '${spanId}' is used twice in this text`);
        const span = { id: spanId, start, end: out.length, at: node.at };
        spans.push(span);
        spanOfXmlId.set(xmlId.value, span);
        continue;
      }
      const entityClass = mentionClass(node.name, node.attributes.get('type')?.value);
      if (!entityClass) fail(node.at, `<${node.name}${node.attributes.has('type') ? ` type="${node.attributes.get('type')!.value}"` : ''}> is not part of this TEI subset; in the text expected ${mentionNames} or seg`);
      else if (inMention) fail(node.at, 'a mention cannot contain another mention');
      walk(node, true);
      if (!entityClass || inMention) continue;
      const entityId = singleReference(node, [entityClass], `<${node.name}>`);
      if (entityId !== undefined) mentions.push({ entityId, start, end: out.length, at: node.at, idAt: node.attributes.get('ref')!.at });
    }
  };
  if (ab) {
    if (ab.attributes.get('xml:space')?.value !== 'preserve') fail(ab.at, '<ab> must have xml:space="preserve": every character of it is the text');
    walk(ab, false);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  // The statements: <relation>s in <standOff><listRelation>.
  const statements: Statement[] = [];
  const perSpan = new Map<string, number>();
  const relationsIn = (list: XmlElement): XmlElement[] => elements(list).flatMap((e) => (e.name === 'relation' ? [e] : e.name === 'listRelation' ? relationsIn(e) : []));
  const standOff = optionalChild(root, 'standOff');
  for (const relation of standOff ? elements(standOff).filter((e) => e.name === 'listRelation').flatMap(relationsIn) : []) {
    const statement = readRelation(relation);
    if (!statement) continue;
    for (const [subject, object] of statement.pairs) {
      const n = (perSpan.get(statement.span.id) ?? 0) + 1;
      perSpan.set(statement.span.id, n);
      statements.push({ ...statement.fields, id: n === 1 ? statement.span.id : `${statement.span.id}-${n}`, spanId: statement.span.id, subject: subject.id, object: object.id,
        at: { ...statement.fields.at, subject: subject.at, object: object.at } });
    }
  }
  for (const span of spans) {
    if (!perSpan.has(span.id)) fail(span.at, `the span '${span.id}' has no statement: add a <relation ana="#…"> pointing to its <seg>`);
  }

  function readRelation(relation: XmlElement) {
    const before = errors.length;
    for (const [name, value] of relation.attributes) {
      if (!relationAttributes.includes(name)) fail(value.nameAt, `the attribute ${name} is not part of this TEI subset; a <relation> takes ${relationAttributes.join(', ')}`);
    }
    const name = attribute(relation, 'name');
    if (name && !/^[a-z][A-Za-z]*$/.test(name.value)) fail(name.at, `expected a relation name such as memberOf, found '${name.value}'`);
    const ana = attribute(relation, 'ana');
    const span = ana && spanOfXmlId.get(ana.value.replace(/^#/, ''));
    if (ana && (!ana.value.startsWith('#') || !span)) fail(ana.at, `@ana must point to the <seg> of the passage that states it ('#xml-id'), but '${ana.value}' points to no <seg> of this text`);
    const pointers = (a: XmlAttribute, role: string) =>
      a.value.trim().split(/\s+/).filter(Boolean).map((value) => ({ id: entityReference(a.at, value, [], role), at: a.at }));
    let pairs: { id: string | undefined; at: SourcePosition }[][] = [];
    const mutual = relation.attributes.get('mutual');
    if (mutual) {
      if (relation.attributes.has('active') || relation.attributes.has('passive')) fail(mutual.at, 'give either mutual, or active and passive, not both');
      if (name && references.relations.get(name.value)?.symmetric === false) fail(mutual.at, `mutual is for symmetric relations; '${name.value}' has a direction: use active and passive`);
      const both = pointers(mutual, 'a participant');
      if (both.length !== 2) fail(mutual.at, `mutual names exactly two participants here, not ${both.length}`);
      else pairs = [both];
    } else {
      const [active, passive] = [attribute(relation, 'active'), attribute(relation, 'passive')];
      if (active && passive) {
        const objects = pointers(passive, 'the passive participant');
        pairs = pointers(active, 'the active participant').flatMap((s) => objects.map((o) => [s, o]));
      }
    }
    const datingMethod = relation.attributes.get('datingMethod');
    const julian = datingMethod !== undefined;
    if (datingMethod && datingMethod.value !== `#${julianCalendarId}`) fail(datingMethod.at, `the only dating method here is '#${julianCalendarId}' (Old Style), not '${datingMethod.value}'`);
    const dating: Record<string, { value: string; at: SourcePosition } | undefined> = {};
    for (const [key, plain] of [['date', 'when'], ['from', 'from'], ['to', 'to']] as const) {
      const [gregorian, custom] = [relation.attributes.get(plain), relation.attributes.get(`${plain}-custom`)];
      if (gregorian && julian) fail(gregorian.at, `with datingMethod="#${julianCalendarId}" the date goes into ${plain}-custom: ${plain} is a Gregorian date`);
      if (custom && !julian) fail(custom.at, `${plain}-custom needs datingMethod="#${julianCalendarId}"`);
      const given = gregorian ?? custom;
      if (given && !isHistoricalDate(given.value)) fail(given.at, `${gregorian ? plain : `${plain}-custom`} must be ${dateFormatHint}, not '${given.value}'`);
      dating[key] = given;
    }
    if (dating.date && (dating.from || dating.to)) fail(dating.date.at, "give either when (a moment) or from/to (a period), not both");
    const cert = relation.attributes.get('cert');
    if (cert && !certainties[cert.value]) fail(cert.at, `cert must be high, medium or low, not '${cert.value}'`);
    const desc = optionalChild(relation, 'desc');
    if (errors.length > before || !name || !span) return undefined;
    if (pairs.some((pair) => pair.some((p) => p.id === undefined))) return undefined;
    const options: Record<string, SourcePosition> = {};
    for (const key of ['date', 'from', 'to'] as const) if (dating[key]) options[key] = dating[key].at;
    if (datingMethod) options.calendar = datingMethod.at;
    if (cert) options.certainty = cert.at;
    if (desc) options.note = desc.at;
    return {
      span,
      pairs: pairs as { id: string; at: SourcePosition }[][],
      fields: {
        relation: name.value,
        ...(dating.date && { date: dating.date.value }),
        ...(dating.from && { from: dating.from.value }),
        ...(dating.to && { to: dating.to.value }),
        calendar: julian ? 'julian' as const : 'gregorian' as const,
        certainty: cert ? certainties[cert.value] : 'certain' as const,
        ...(desc && { note: words(desc) }),
        at: { line: relation.at, relation: name.at, options },
      },
    };
  }

  if (errors.length || !id || !title || !language || !seed || !source || !licence || !level || !note) return { errors };
  const metadata: TextMetadata = {
    id, title, language: language.value as Language, seed, source, licence,
    reliability: { level: level.value as Reliability, note },
    ...(lines && { lines }), ...(author && { author }), ...(date && { date }), ...(document && { document }), ...(partOf && { partOf }),
  };
  return { errors, text: { file, metadata, metadataAt, text: out.join(''), mentions, spans, statements, lineStarts } satisfies AnnotatedText };
}
