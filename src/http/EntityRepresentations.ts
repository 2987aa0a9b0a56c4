/**
 * The representations of an entity (its HTML page in each language, and every RDF format), made from
 * its description once and then served from the dataset's cache. The routes ask for one when a client
 * does; `prepareEntityRepresentations` makes them all ahead, in the idle time after start-up, so that
 * clients find them ready (the data changes only when a new build is loaded).
 */
import { unionOf } from '../dataset/RdfFormats.ts';
import { serialiseQuads } from '../store/SparqlEngine.ts';
import { html, rdfFormats } from './Negotiation.ts';
import { EntityPage } from './pages/EntityPage.ts';
import { entityCitation } from './Citation.ts';
import { renderDocument } from './pages/Html.ts';
import type { Representation, ServedDataset } from './ServedDataset.ts';
import type { Language } from '../annotation/AnnotatedText.ts';

/** `{root}id/{type}/{slug}` for an entity IRI `{base}id/{type}/{slug}`. */
export function entityPath(dataset: ServedDataset, iri: string): string {
  return new URL(dataset.base).pathname + iri.slice(dataset.base.length);
}

/** A representation of an existing entity; `mediaType` is HTML or one of `rdfFormats`. */
export function entityRepresentation(dataset: ServedDataset, iri: string, mediaType: string, language: Language): Promise<Representation> {
  if (mediaType === html) {
    return dataset.representation(`${iri}|${language}`, html, async () => {
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
  return dataset.representation(iri, mediaType, async () => {
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
