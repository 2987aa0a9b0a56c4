/**
 * The domain of an annotated text, as the parser hands it on: the text's metadata, its normalised
 * wording, and the mentions, statement spans and statements an editor marked in it.
 *
 * Offsets (`start`, `end`) count Unicode code points over the normalised text, as the W3C Web
 * Annotation model's TextPositionSelector does; `end` is exclusive.
 */
import type { SourcePosition } from './SourcePosition.ts';

export type Language = 'ru' | 'en';
export type Bilingual = Readonly<Record<Language, string>>;
export type Reliability = 'high' | 'medium' | 'low';
export type Certainty = 'certain' | 'probable' | 'uncertain';
export type Calendar = 'gregorian' | 'julian';

/** A date at the precision a text gives it: `1927`, `1927-11` or `1927-11-15`. */
export type HistoricalDate = string;

export interface TextMetadata {
  readonly id: string;
  readonly title: Bilingual;
  readonly language: Language;
  readonly seed: string;
  readonly lines?: readonly [number, number];
  readonly source: string;
  readonly licence: string;
  readonly reliability: { readonly level: Reliability; readonly note: Bilingual };
  readonly author?: string;
  readonly date?: HistoricalDate;
  readonly document?: string;
  readonly partOf?: string;
}

export interface Mention {
  readonly entityId: string;
  readonly start: number;
  readonly end: number;
  /** Where the mention opens (`[[`) and where its entity id stands, for error messages. */
  readonly at: SourcePosition;
  readonly idAt: SourcePosition;
}

export interface StatementSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly at: SourcePosition;
}

export interface Statement {
  /** Unique in the text: the span id, with `-2`, `-3` … for further statements on the same span. */
  readonly id: string;
  readonly spanId: string;
  readonly subject: string;
  readonly relation: string;
  readonly object: string;
  readonly date?: HistoricalDate;
  readonly from?: HistoricalDate;
  readonly to?: HistoricalDate;
  readonly calendar: Calendar;
  readonly certainty: Certainty;
  readonly note?: string;
  readonly at: {
    readonly line: SourcePosition;
    readonly subject: SourcePosition;
    readonly relation: SourcePosition;
    readonly object: SourcePosition;
    readonly options: Readonly<Record<string, SourcePosition>>;
  };
}

export interface AnnotatedText {
  readonly file: string;
  readonly metadata: TextMetadata;
  /** Where each front-matter key stands, for errors found later (an unknown author id, say). */
  readonly metadataAt: Readonly<Record<string, SourcePosition>>;
  /** The wording without markup, NFC-normalised. */
  readonly text: string;
  readonly mentions: readonly Mention[];
  readonly spans: readonly StatementSpan[];
  readonly statements: readonly Statement[];
  /** Where each line of the normalised text starts (code-point offset) and its line in the file. */
  readonly lineStarts: readonly { readonly offset: number; readonly line: number }[];
}
