/**
 * The exports of the build for tools that do not read RDF, served at their file names next to the dumps
 * (/annotations.jsonld, /graph.graphml, /graph.gexf, /entities.csv, /statements.csv); the annotations
 * also as a paged W3C Web Annotation collection (/annotations, /annotations?page=N); and the dataset's
 * citation as BibLaTeX and CSL-JSON (/dataset.bib, /dataset.csl.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { datasetExports } from '../dataset/Exports.ts';
import { annotationCollection, annotationCollectionLabel, annotationMediaType, annotationPage, itemsOf, type AnnotationCollection, type CollectionLayout, type WebAnnotation } from '../dataset/WebAnnotationCollection.ts';
import { bibtex, bibtexMediaType, cslJson, cslJsonMediaType, datasetCitation, type Citation } from './Citation.ts';
import { methodNotAllowed, sendError, sendRepresentation } from './Responses.ts';
import type { ServedDataset } from './ServedDataset.ts';

/** Annotations per page of the paged collection. */
export const annotationPageSize = 200;

export const citationExtensions = { bib: bibtexMediaType, 'csl.json': cslJsonMediaType } as const;
export type CitationExtension = keyof typeof citationExtensions;

export function isCitationExtension(extension: string | undefined): extension is CitationExtension {
  return extension !== undefined && Object.hasOwn(citationExtensions, extension);
}

/** A citation as a BibLaTeX or CSL-JSON file. */
export async function sendCitation(req: Request, res: Response, dataset: ServedDataset, citation: Citation, extension: CitationExtension): Promise<void> {
  const mediaType = citationExtensions[extension];
  const representation = await dataset.representation(`citation|${citation.iri}`, mediaType, () => (extension === 'bib' ? bibtex(citation) : cslJson(citation)));
  sendRepresentation(req, res, dataset, representation);
}

// The annotations of a loaded build, read once from its annotations.jsonld.
const annotationsOfBuild = new WeakMap<ServedDataset, readonly WebAnnotation[]>();

function annotationsOf(dataset: ServedDataset): readonly WebAnnotation[] {
  let items = annotationsOfBuild.get(dataset);
  if (!items) {
    items = itemsOf(JSON.parse(readFileSync(join(dataset.dir, 'annotations.jsonld'), 'utf8')) as AnnotationCollection);
    annotationsOfBuild.set(dataset, items);
  }
  return items;
}

export function exportRoutes(current: () => ServedDataset): Router {
  const router = express.Router();
  const get = ['GET', 'HEAD'];

  for (const exported of datasetExports) {
    router.route(`/${exported.file}`).get((_req, res) => {
      const dataset = current();
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cache-Control', 'public, max-age=300, must-revalidate');
      res.sendFile(join(dataset.dir, exported.file), { headers: { 'Content-Type': `${exported.mediaType}; charset=utf-8` }, etag: true, lastModified: true });
    }).all(methodNotAllowed(get));
  }

  router.route('/annotations').get(async (req, res) => {
    const dataset = current();
    const layout: CollectionLayout = {
      id: `${dataset.base}annotations`, label: annotationCollectionLabel,
      page: (n) => `${dataset.base}annotations?page=${n}`, pageSize: annotationPageSize,
    };
    const requested = req.query.page;
    if (requested === undefined) {
      const representation = await dataset.representation('annotations', annotationMediaType, () =>
        JSON.stringify(annotationCollection(annotationsOf(dataset).length, layout), null, 1));
      return sendRepresentation(req, res, dataset, representation);
    }
    if (typeof requested !== 'string' || !/^[1-9]\d{0,8}$/.test(requested)) return sendError(res, 400, `'page' must be a page number from 1; the collection is at ${layout.id}`);
    const n = Number(requested);
    const page = annotationPage(annotationsOf(dataset), n, layout);
    if (!page) return sendError(res, 404, `the annotation collection has no page ${n}; its last page is ${annotationCollection(annotationsOf(dataset).length, layout).last}`);
    const representation = await dataset.representation(`annotations|${n}`, annotationMediaType, () => JSON.stringify(page, null, 1));
    sendRepresentation(req, res, dataset, representation);
  }).all(methodNotAllowed(get));

  for (const extension of Object.keys(citationExtensions) as CitationExtension[]) {
    router.route(`/dataset.${extension}`).get((req, res) => {
      const dataset = current();
      return sendCitation(req, res, dataset, datasetCitation(dataset.manifest, dataset.lastModified, 'en'), extension);
    }).all(methodNotAllowed(get));
  }
  return router;
}
