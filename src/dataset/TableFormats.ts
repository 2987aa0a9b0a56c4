/**
 * The entities and the statements as CSV tables (RFC 4180, UTF-8, a header row) for spreadsheets and
 * data-frame tools. Every statement row carries its provenance: the text that states it, its title,
 * the quoted passage and its position, certainty, dates and calendar. Written by csv-stringify, which
 * quotes the fields that need it (quotes in the texts contain commas, quotation marks and line breaks).
 */
import { stringify } from 'csv-stringify/sync';
import type { GraphContents, StatedRelation } from './GraphContents.ts';

export const csvMediaType = 'text/csv';

export const entityColumns = ['iri', 'class', 'label_en', 'label_ru', 'description_en', 'description_ru'] as const;

export const statementColumns = [
  'statement', 'subject', 'subject_label_en', 'relation', 'object', 'object_label_en', 'source_text', 'source_title_en',
  'quote', 'quote_start', 'quote_end', 'certainty', 'date', 'from', 'to', 'calendar', 'note',
] as const;

type Row<Columns extends readonly string[]> = Record<Columns[number], string | number>;

function toCsv<Columns extends readonly string[]>(columns: Columns, rows: readonly Row<Columns>[], header = true): string {
  // Records end in CRLF, as RFC 4180 says.
  return stringify(rows as Row<Columns>[], { header, columns: [...columns], record_delimiter: 'windows' });
}

export function entitiesCsv(contents: Pick<GraphContents, 'entities'>): string {
  return toCsv(entityColumns, contents.entities.map((e) => ({
    iri: e.iri, class: e.type, label_en: e.label.en, label_ru: e.label.ru, description_en: e.description.en, description_ru: e.description.ru,
  })));
}

/** The statements table's header row. */
export function statementsCsvHeader(): string {
  return toCsv(statementColumns, []);
}

/** Rows of the statements table, without the header; `labels`: the entities' English labels by IRI. */
export function statementsCsvRows(statements: readonly StatedRelation[], labels: ReadonlyMap<string, string>): string {
  if (!statements.length) return '';
  return toCsv(statementColumns, statements.map((s) => ({
    statement: s.iri, subject: s.subject, subject_label_en: labels.get(s.subject) ?? '', relation: s.relation,
    object: s.object, object_label_en: labels.get(s.object) ?? '', source_text: s.sourceText, source_title_en: s.sourceTitle.en,
    quote: s.passage.exact, quote_start: s.passage.start, quote_end: s.passage.end, certainty: s.certainty,
    date: s.date ?? '', from: s.from ?? '', to: s.to ?? '', calendar: s.calendar, note: s.note ?? '',
  })), false);
}

/** The entities' English labels by IRI, for the statement rows. */
export function englishLabels(entities: GraphContents['entities']): Map<string, string> {
  return new Map(entities.map((e) => [e.iri, e.label.en]));
}

export function statementsCsv(contents: GraphContents): string {
  return statementsCsvHeader() + statementsCsvRows(contents.statements, englishLabels(contents.entities));
}
