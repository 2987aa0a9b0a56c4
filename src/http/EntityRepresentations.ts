/**
 * The representations of an entity (its HTML page in each language, and every RDF format), made from
 * its description once and then served from the dataset's cache. The routes ask for one when a client
 * does; `prepareEntityRepresentations` makes them all ahead, in the idle time after start-up, so that
 * clients find them ready (the data changes only when a new build is loaded).
 */
import { unionOf } from '../dataset/RdfFormats.ts';
import { serialiseQuads } from '../store/AnswerFormats.ts';
import { isCitationExtension, type CitationExtension } from './ExportRoutes.ts';
import { chooseFormat, html, rdfFormats, resourceFile } from './Negotiation.ts';
import type { SendOptions } from './Responses.ts';
import { uiLanguage, type LanguageRequest } from './UiLanguage.ts';
import { EntityPage } from './pages/EntityPage.ts';
import { entityCitation } from './Citation.ts';
import { renderDocument } from './pages/Html.ts';
import type { Representation } from './Representation.ts';
import type { ServedDataset } from './ServedDataset.ts';
import type { Language } from '../annotation/AnnotatedText.ts';

/** `{root}id/{type}/{slug}` for an entity IRI `{base}id/{type}/{slug}`. */
export function entityPath(dataset: ServedDataset, iri: string): string {
  return new URL(dataset.base).pathname + iri.slice(dataset.base.length);
}

const entityTypes = ['person', 'faction', 'document', 'position', 'event', 'place'];
const rdfMediaTypes = rdfFormats.map((f) => f.mediaType);
/** Turtle first: a client that accepts anything gets data, not a page. */
const offered = ['text/turtle', html, ...rdfMediaTypes.filter((m) => m !== 'text/turtle')];

/** What a GET of `/id/{type}/{file}` asks for: a representation of an entity, or why there is none. */
export type EntityRequest =
  | { readonly kind: 'representation'; readonly iri: string; readonly mediaType: string; readonly language: Language; readonly options: SendOptions }
  | { readonly kind: 'not-found'; readonly guess: string }
  /** No such entity (it may have been renamed: the route looks for its replacement). */
  | { readonly kind: 'unknown-entity'; readonly iri: string; readonly guess: string; readonly extension: string | undefined }
  | { readonly kind: 'citation'; readonly iri: string; readonly extension: CitationExtension }
  | { readonly kind: 'not-acceptable'; readonly offered: readonly string[] };

/** Reads an entity request from its path segments and headers; shared by the Express route and the prepared-entity lane. */
export function readEntityRequest(dataset: ServedDataset, type: string, file: string, req: LanguageRequest): EntityRequest {
  const match = resourceFile.exec(file);
  if (!entityTypes.includes(type) || !match) return { kind: 'not-found', guess: file };
  const [, slug, extension] = match;
  const iri = `${dataset.base}id/${type}/${slug}`;
  if (!dataset.exists(iri)) return { kind: 'unknown-entity', iri, guess: slug, extension };
  if (isCitationExtension(extension)) return { kind: 'citation', iri, extension };
  const mediaType = chooseFormat(req, extension, offered);
  if (mediaType === 'bad-extension') return { kind: 'not-found', guess: slug };
  if (!mediaType) return { kind: 'not-acceptable', offered };
  const resourcePath = entityPath(dataset, iri);
  const options: SendOptions = mediaType === html
    ? { negotiated: !extension, resourcePath, contentLocation: `${resourcePath}.html`, cors: false }
    : { negotiated: !extension, resourcePath, contentLocation: `${resourcePath}.${rdfFormats.find((f) => f.mediaType === mediaType)!.extension}` };
  return { kind: 'representation', iri, mediaType, language: uiLanguage(req), options };
}

/** The key and media type under which the dataset caches an entity's representation (HTML per language). */
function cacheKey(iri: string, mediaType: string, language: Language): string {
  return mediaType === html ? `${iri}|${language}` : iri;
}

/** A representation already made, or undefined. */
export function preparedEntityRepresentation(dataset: ServedDataset, iri: string, mediaType: string, language: Language): Representation | undefined {
  return dataset.cachedRepresentation(cacheKey(iri, mediaType, language), mediaType);
}

/** A representation of an existing entity; `mediaType` is HTML or one of `rdfFormats`. */
export function entityRepresentation(dataset: ServedDataset, iri: string, mediaType: string, language: Language): Promise<Representation> {
  if (mediaType === html) {
    return dataset.representation(cacheKey(iri, mediaType, language), html, async () => {
      const description = (await dataset.describe(iri))!;
      const type = entityPath(dataset, iri).split('/').at(-2)!;
      return renderDocument(EntityPage({
        description, type: type[0].toUpperCase() + type.slice(1), base: dataset.base, language, path: entityPath(dataset, iri),
        altLabels: description.altLabels, descriptions: description.descriptions,
        relationLabels: description.relationLabels, formats: rdfFormats, citation: entityCitation(iri, description.labels.get(iri) ?? {}, dataset.manifest, dataset.lastModified, language),
      }));
    });
  }
  const format = rdfFormats.find((f) => f.mediaType === mediaType)!;
  return dataset.representation(cacheKey(iri, mediaType, language), mediaType, async () => {
    const quads = (await dataset.describe(iri))!.quads;
    return serialiseQuads(format.graphs ? quads : unionOf(quads), mediaType, { base: dataset.base, context: dataset.context });
  });
}

/**
 * Makes the common representations of every entity, the most mentioned first, yielding to the event loop
 * between any two so that requests are never held up for more than one representation's time.
 * Stops early when `stillWanted` turns false (a newer build was loaded, or the server is closing).
 */
export async function prepareEntityRepresentations(dataset: ServedDataset, stillWanted: () => boolean): Promise<number> {
  const entities = dataset.search.entities().sort((a, b) => b.mentions - a.mentions || (a.iri < b.iri ? -1 : 1));
  // The representations clients ask for most; the rarer formats (RDF/XML, N-Triples, N-Quads, TriG) are made on request.
  const kinds: Array<[string, Language]> = [[html, 'en'], [html, 'ru'], ['text/turtle', 'en'], ['application/ld+json', 'en']];
  let made = 0;
  for (const { iri } of entities) {
    for (const [mediaType, language] of kinds) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!stillWanted()) return made;
      await entityRepresentation(dataset, iri, mediaType, language);
      made++;
    }
  }
  return made;
}
