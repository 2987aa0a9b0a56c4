/**
 * The static export: every URL the live server answers with data or a page that does not depend on
 * the request (entities in every format, source texts, graphs, the ontology, the dumps, VoID, the
 * browse and visualisation pages, the example queries, the assets), written into a folder that a
 * static host or CDN serves at the same paths. Search, the SPARQL endpoint and the language switch
 * stay dynamic and are not exported.
 *
 * The bytes are the server's own: the real app is started on a loopback port and each URL is
 * requested through it, uncompressed. The folder is written beside the target and renamed into place
 * only when complete.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DataFactory } from 'n3';
import { pino } from 'pino';
import { entityTypes } from '../annotation/Registry.ts';
import { currentBuildDir, defaultDistDir } from '../dataset/Publication.ts';
import { rdf } from '../ontology/Vocabulary.ts';
import { assetsDir, bundleDir } from './App.ts';
import { readConfiguration } from './Configuration.ts';
import { dumpPaths } from './DatasetDescription.ts';
import { readExampleQueries } from './ExampleQueries.ts';
import { rdfFormats } from './Negotiation.ts';
import { startServer } from './Server.ts';
import { ServedDataset } from './ServedDataset.ts';

/** A URL of the site, relative to the base IRI, and the file that holds its answer in the export. */
export interface ExportedUrl { readonly url: string; readonly file: string }

/**
 * The file for a URL path: a folder's page is its `index.html`, a page without an extension gets
 * `.html`, the rest keep their path (so `/id/person/trotsky.ttl` is `id/person/trotsky.ttl`).
 */
export function fileForUrl(url: string): string {
  if (url === '' || url.endsWith('/')) return `${url}index.html`;
  const last = url.slice(url.lastIndexOf('/') + 1);
  return last.includes('.') ? url : `${url}.html`;
}

const rdfExtensions = rdfFormats.map((f) => f.extension);

/** Every URL of the export, relative to the base. HTML pages are taken at their `.html` URL where they have one. */
export function exportedUrls(dataset: ServedDataset, assetFiles: readonly string[]): ExportedUrl[] {
  const { base, manifest } = dataset;
  const urls: string[] = ['', 'text/', 'dataset', 'browse', 'genealogy', 'network', 'api/genealogy.json', 'api/network.json', 'context.jsonld'];
  urls.push(...['html', ...rdfExtensions].map((e) => `ontology.${e}`));
  urls.push(...rdfExtensions.map((e) => `.well-known/void.${e}`));
  for (const [, path] of Object.entries(dumpPaths)) urls.push(path, `${path}.gz`);
  for (const type of entityTypes) {
    const slug = type.toLowerCase();
    const prefix = `${base}id/${slug}/`;
    if (manifest.statistics.entitiesPerClass[type]) urls.push(`browse/${slug}`);
    const iris = dataset.store.getSubjects(rdf('type'), DataFactory.namedNode(`${manifest.ontologyNamespace}${type}`), null)
      .map((s) => s.value).filter((iri) => iri.startsWith(prefix)).sort();
    for (const iri of iris) urls.push(...['html', ...rdfExtensions].map((e) => `${iri.slice(base.length)}.${e}`));
  }
  for (const { id } of manifest.texts) urls.push(...['html', 'txt', ...rdfExtensions].map((e) => `text/${id}.${e}`));
  for (const graph of dataset.graphs()) {
    if (graph.startsWith(`${base}graph/`)) urls.push(...rdfExtensions.map((e) => `${graph.slice(base.length)}.${e}`));
  }
  urls.push(...readExampleQueries(base).map((q) => `queries/${q.file}`));
  urls.push(...assetFiles.map((f) => `assets/${f}`));
  return [...new Set(urls)].map((url) => ({ url, file: fileForUrl(url) }));
}

/** The files under the assets folders (the stylesheet and the bundles), as the server serves them. */
function assetFiles(): string[] {
  const files = new Set<string>();
  const walk = (root: string, dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(root, path); else files.add(relative(root, path));
    }
  };
  walk(assetsDir, assetsDir);
  walk(bundleDir, bundleDir);
  return [...files].sort();
}

/**
 * A GET through the loopback, tried again when the connection drops: a kept-alive socket the server
 * closes (its keep-alive timeout) just as the next request goes out is reset, and a GET is safe to repeat.
 */
async function fetchRetrying(url: URL, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { headers: { 'accept-encoding': 'identity' }, redirect: 'manual' });
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

export interface StaticExportOptions {
  readonly out: string;
  readonly distDir?: string;
  /**
   * A server already serving this build (the tests' live server), to export through instead of
   * starting one; its cache then answers the requests that follow from the same representations.
   */
  readonly server?: { readonly url: string };
  readonly report?: (message: string) => void;
}

export interface StaticExportResult { readonly dir: string; readonly files: number; readonly bytes: number }

/** Exports the current build through the real app; fails (writing nothing) if any URL does not answer 200. */
export async function exportStaticSite(options: StaticExportOptions): Promise<StaticExportResult> {
  const report = options.report ?? (() => {});
  const distDir = options.distDir ?? defaultDistDir;
  const built = currentBuildDir(distDir);
  if (!built) throw new Error(`no published dataset in ${distDir}: run npm run build first`);
  const dataset = await ServedDataset.load(built);
  const configuration = readConfiguration({ PORT: '0', HOST: '127.0.0.1', BASE_IRI: dataset.base, QUERY_WORKERS: '1', DIST_DIR: distDir });
  const started = options.server ? undefined : await startServer(configuration, { build: false, logger: pino({ level: 'silent' }) });
  const serverUrl = options.server?.url ?? started!.url;
  const target = resolve(options.out);
  const temporary = `${target}.partial-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  let bytes = 0;
  try {
    const assets = assetFiles();
    if (!assets.some((a) => a.endsWith('.js'))) report('warning: no script bundles in dist/assets: run npm run build:assets first, or the pages\' scripts are missing');
    const urls = exportedUrls(dataset, assets);
    const root = new URL(dataset.base).pathname;
    // One request at a time: the app renders on one thread, and requests queued behind a large
    // graph's serialisation would only wait (past the server's request timeout on a busy machine).
    for (const [n, { url, file }] of urls.entries()) {
      const response = await fetchRetrying(new URL(`${root}${url}`, serverUrl));
      if (response.status !== 200) throw new Error(`${root}${url} answered ${response.status}, not 200: the export is incomplete and was not written`);
      const body = Buffer.from(await response.arrayBuffer());
      const path = join(temporary, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, body);
      bytes += body.byteLength;
      if ((n + 1) % 1000 === 0) report(`${n + 1} of ${urls.length} URLs exported`);
    }
    const previous = `${target}.previous-${process.pid}`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(temporary, target);
    rmSync(previous, { recursive: true, force: true });
    return { dir: target, files: urls.length, bytes };
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  } finally {
    await started?.close();
  }
}
