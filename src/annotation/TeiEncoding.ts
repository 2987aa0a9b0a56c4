/**
 * How the annotated-text model is encoded in TEI P5 (the subset in `tei/rcp-tei.odd`): which element
 * marks a mention of each class of entity, which @cert value says each certainty, how a Julian date is
 * marked, and how a span id becomes an xml:id. The TEI reader and writer share it, so they cannot drift.
 */
import type { Certainty } from './AnnotatedText.ts';
import type { EntityType } from './Registry.ts';

export const teiNamespace = 'http://www.tei-c.org/ns/1.0';

/** A mention's element: the TEI name element for the class, or `rs` with a @type where TEI has none. */
export interface MentionElement { readonly name: string; readonly type?: string }

export const mentionElements: Readonly<Record<EntityType, MentionElement>> = {
  Person: { name: 'persName' },
  Faction: { name: 'orgName' },
  Document: { name: 'title' },
  Place: { name: 'placeName' },
  Position: { name: 'rs', type: 'position' },
  Event: { name: 'rs', type: 'event' },
};

/** The entity class a mention element (and, for `rs`, its @type) stands for. */
export function mentionClass(name: string, type: string | undefined): EntityType | undefined {
  for (const [entityType, element] of Object.entries(mentionElements) as [EntityType, MentionElement][]) {
    if (element.name === name && element.type === type) return entityType;
  }
  return undefined;
}

/** TEI's @cert scale (teidata.probCert) for the model's certainty. */
export const certValues: Readonly<Record<Certainty, string>> = { certain: 'high', probable: 'medium', uncertain: 'low' };

/** Old Style dates go into the *-custom dating attributes, with @datingMethod pointing at this calendar. */
export const julianCalendarId = 'julian';

/**
 * A span id as an xml:id: span ids may start with a digit, which an XML name may not; those are
 * prefixed, and the span id itself is kept in @n.
 */
export function spanXmlId(spanId: string): { xmlId: string; n?: string } {
  return /^[A-Za-z]/.test(spanId) ? { xmlId: spanId } : { xmlId: `span-${spanId}`, n: spanId };
}

/** Characters XML 1.0 cannot carry (not even as a character reference). */
export const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
