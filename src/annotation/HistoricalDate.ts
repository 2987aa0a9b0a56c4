/**
 * Dates as the texts give them: a year, a month or a day, never padded out to a false precision.
 * Each maps to its XML Schema datatype (xsd:gYear, xsd:gYearMonth, xsd:date).
 */
import type { HistoricalDate } from './AnnotatedText.ts';

export type DatePrecision = 'gYear' | 'gYearMonth' | 'date';

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision of a well-formed date, or undefined if the value is not one. */
export function datePrecision(value: string): DatePrecision | undefined {
  const match = pattern.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month === undefined) return 'gYear';
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  if (day === undefined) return 'gYearMonth';
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth ? 'date' : undefined;
}

export function isHistoricalDate(value: string): value is HistoricalDate {
  return datePrecision(value) !== undefined;
}

export const dateFormatHint = 'a date as YYYY, YYYY-MM or YYYY-MM-DD';
