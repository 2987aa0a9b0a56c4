/**
 * Citations as data: every entity's BibLaTeX entry, read back by Citation.js's BibTeX parser, keeps its
 * title (TeX escapes for what TeX would misread, nothing dropped); and the repository's CITATION.cff is
 * valid YAML with the keys the Citation File Format 1.2.0 requires.
 */
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bibtex, datasetCitation, entityCitation } from '../../src/http/Citation.ts';
import { datasetLicence } from '../../src/http/DatasetDescription.ts';
import { EntityDescriber } from '../../src/store/EntityDescriber.ts';
import { builtDataset } from '../support/dataset.ts';

const published = new Date(Date.UTC(2026, 0, 31));

describe('BibLaTeX citations', () => {
  it('keep every entity\'s English label through the escaping (an ellipsis is written as three full stops)', async () => {
    const { store, manifest } = await builtDataset();
    const describer = new EntityDescriber(store, manifest.ontologyNamespace);
    const entities = describer.entities();
    expect(entities.length).toBe(manifest.statistics.entities);
    const entries = entities.map(({ iri }) => entityCitation(iri, describer.labelsOf(iri), manifest, published, 'en'));
    const parsed = new Cite(entries.map(bibtex).join('\n')).data as { title: string; URL: string }[];
    expect(parsed.map((p) => [p.URL, p.title])).toEqual(entries.map((e) => [e.iri, e.csl.title.replace(/…/g, '...')]));
  });

  it('escape what TeX would misread, and read back as written', async () => {
    const { manifest } = await builtDataset();
    const title = 'Bukharin & Co: 50% of {the} "Right" — a_b ~ #1 $2 Ciliga’s «group», Lénine';
    const entry = bibtex(entityCitation(`${manifest.base}id/person/x`, { en: title, ru: 'Икс' }, manifest, published, 'en'));
    expect(entry).toMatch(/^@inreference\{x/);
    expect(entry).toContain('\\&');
    expect(entry).toContain('\\%');
    const [item] = new Cite(entry).data as { title: string; issued: { 'date-parts': number[][] } }[];
    expect(item.title).toBe(title);
    expect(item.issued['date-parts'][0]).toEqual([2026, 1, 31]);
  });

  it('give the dataset its version and publication date', async () => {
    const { manifest } = await builtDataset();
    const citation = datasetCitation(manifest, published, 'ru');
    expect(citation.line).toContain(manifest.version);
    expect(citation.line).toContain('Граф знаний');
    const [item] = new Cite(bibtex(citation)).data as { type: string; version: string; URL: string }[];
    expect(item).toMatchObject({ type: 'dataset', version: manifest.version, URL: manifest.base });
  });
});

describe('CITATION.cff', () => {
  const cff = parseYaml(readFileSync(new URL('../../CITATION.cff', import.meta.url), 'utf8')) as Record<string, unknown>;
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; license: string };

  it('has the keys CFF 1.2.0 requires, each author named', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    expect(typeof cff.message).toBe('string');
    expect(typeof cff.title).toBe('string');
    const authors = cff.authors as Record<string, unknown>[];
    expect(authors.length).toBeGreaterThan(0);
    for (const author of authors) expect(typeof author.name === 'string' || typeof author['family-names'] === 'string').toBe(true);
  });

  it('agrees with the package: its version, and the licences of the code and of the data', () => {
    expect(String(cff.version)).toBe(packageJson.version);
    expect(cff.license).toEqual([packageJson.license, 'CC-BY-4.0']);
    expect(datasetLicence).toContain('/licenses/by/4.0/');
  });
});
