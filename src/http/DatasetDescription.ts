/**
 * The dataset described for machines: VoID and DCAT (at /.well-known/void) and the SPARQL 1.1 Service
 * Description (at /sparql without a query), both made from the build's manifest.
 */
import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad, Quad_Object } from '@rdfjs/types';
import type { BuildManifest, DumpFile } from '../dataset/DatasetBuilder.ts';
import { datasetExports } from '../dataset/Exports.ts';
import { dcat, dcterms, rdf, rdfs, sd, voidNs, xsd, prefixes, schema } from '../ontology/Vocabulary.ts';

const { namedNode, literal, quad } = DataFactory;

export const datasetTitle = { en: 'Factions of the Russian Communist Party and their opponents, 1918-1933', ru: 'Фракции РКП(б) и их противники, 1918-1933' };
export const datasetDescription = {
  en: 'A knowledge graph of the factions of the Russian Communist Party and their opponents (Left Communists, Democratic Centralists, Workers\' Opposition, Workers\' Group, the Left, New, United and Right Oppositions, the Trotskyist groups abroad), built from annotated historical texts; every statement names the text and passage that supports it.',
  ru: 'Граф знаний о фракциях РКП(б)-ВКП(б) и их противниках (левые коммунисты, децисты, Рабочая оппозиция, Рабочая группа, Левая, Новая, Объединённая и Правая оппозиции, троцкистские группы за рубежом), построенный по размеченным историческим текстам; каждое утверждение указывает текст и место, на которых оно основано.',
};
export const datasetPublisher = 'The RCP factions knowledge-graph project';
export const datasetLicence = 'https://creativecommons.org/licenses/by/4.0/';

export const dumpPaths: Readonly<Record<string, string>> = {
  'dataset.ttl': 'dump.ttl', 'dataset.nq': 'dump.nq', 'dataset.trig': 'dump.trig', 'dataset.jsonld': 'dump.jsonld',
};

export function voidDescription(manifest: BuildManifest): Quad[] {
  const base = manifest.base;
  const dataset = namedNode(`${base}.well-known/void#dataset`);
  const quads: Quad[] = [];
  const add = (s: NamedNode, p: NamedNode, o: Quad_Object) => quads.push(quad(s, p, o));
  add(dataset, rdf('type'), voidNs('Dataset'));
  add(dataset, rdf('type'), dcat('Dataset'));
  for (const lang of ['en', 'ru'] as const) {
    add(dataset, dcterms('title'), literal(datasetTitle[lang], lang));
    add(dataset, dcterms('description'), literal(datasetDescription[lang], lang));
  }
  add(dataset, dcterms('license'), namedNode(datasetLicence));
  add(dataset, dcterms('publisher'), literal(datasetPublisher));
  add(dataset, dcat('version'), literal(manifest.version));
  add(dataset, schema('version'), literal(manifest.version));
  add(dataset, voidNs('sparqlEndpoint'), namedNode(`${base}sparql`));
  add(dataset, voidNs('uriSpace'), literal(`${base}id/`));
  add(dataset, voidNs('triples'), literal(String(manifest.statistics.triples), xsd('integer')));
  add(dataset, voidNs('entities'), literal(String(manifest.statistics.entities), xsd('integer')));
  add(dataset, voidNs('rootResource'), namedNode(`${base}ontology`));
  for (const ns of [manifest.ontologyNamespace, prefixes.rdfs, prefixes.skos, prefixes.foaf, prefixes.schema, prefixes.org, prefixes.dcterms, prefixes.prov, prefixes.oa]) {
    add(dataset, voidNs('vocabulary'), namedNode(ns));
  }
  for (const [type, count] of Object.entries(manifest.statistics.entitiesPerClass)) {
    const partition = namedNode(`${base}.well-known/void#class-${type}`);
    add(dataset, voidNs('classPartition'), partition);
    add(partition, voidNs('class'), namedNode(`${manifest.ontologyNamespace}${type}`));
    add(partition, voidNs('entities'), literal(String(count), xsd('integer')));
  }
  const addDistribution = (fragment: string, url: NamedNode, file: DumpFile, title: Literal): NamedNode => {
    const distribution = namedNode(`${base}.well-known/void#${fragment}`);
    add(dataset, dcat('distribution'), distribution);
    add(distribution, rdf('type'), dcat('Distribution'));
    add(distribution, dcat('downloadURL'), url);
    add(distribution, dcat('mediaType'), literal(file.mediaType));
    add(distribution, dcat('byteSize'), literal(String(file.bytes), xsd('nonNegativeInteger')));
    add(distribution, namedNode('http://spdx.org/rdf/terms#checksum'), literal(`sha256:${file.sha256}`));
    add(distribution, dcterms('title'), title);
    return distribution;
  };
  for (const file of manifest.files) {
    const path = dumpPaths[file.name];
    if (!path) continue;
    for (const compressed of [false, true]) {
      const url = namedNode(`${base}${path}${compressed ? '.gz' : ''}`);
      add(dataset, voidNs('dataDump'), url);
      if (compressed) continue;
      addDistribution(path, url, file, literal(`${path} (${file.mediaType})`));
    }
  }
  // The exports for tools that do not read RDF: served at their file name under the base IRI.
  for (const file of manifest.files) {
    const exported = datasetExports.find((e) => e.file === file.name);
    if (!exported) continue;
    const distribution = addDistribution(file.name, namedNode(`${base}${file.name}`), file, literal(exported.title, 'en'));
    add(distribution, dcterms('conformsTo'), namedNode(exported.conformsTo));
  }
  for (const text of manifest.texts) {
    const subset = namedNode(`${base}graph/${text.id}`);
    add(dataset, voidNs('subset'), subset);
    add(subset, rdf('type'), voidNs('Dataset'));
    add(subset, rdfs('seeAlso'), namedNode(`${base}text/${text.id}`));
  }
  return quads;
}

export const resultFormatIris: Readonly<Record<string, string>> = {
  'application/sparql-results+json': 'http://www.w3.org/ns/formats/SPARQL_Results_JSON',
  'application/sparql-results+xml': 'http://www.w3.org/ns/formats/SPARQL_Results_XML',
  'text/csv': 'http://www.w3.org/ns/formats/SPARQL_Results_CSV',
  'text/tab-separated-values': 'http://www.w3.org/ns/formats/SPARQL_Results_TSV',
  'text/turtle': 'http://www.w3.org/ns/formats/Turtle',
  'application/n-triples': 'http://www.w3.org/ns/formats/N-Triples',
  'application/n-quads': 'http://www.w3.org/ns/formats/N-Quads',
  'application/ld+json': 'http://www.w3.org/ns/formats/JSON-LD',
  'application/rdf+xml': 'http://www.w3.org/ns/formats/RDF_XML',
  'application/trig': 'http://www.w3.org/ns/formats/TriG',
};

export function serviceDescription(manifest: BuildManifest, graphs: readonly string[]): Quad[] {
  const base = manifest.base;
  const service = namedNode(`${base}sparql#service`);
  const dataset = namedNode(`${base}sparql#dataset`);
  const defaultGraph = namedNode(`${base}sparql#default-graph`);
  const quads: Quad[] = [];
  const add = (s: NamedNode, p: NamedNode, o: Quad_Object) => quads.push(quad(s, p, o));
  add(service, rdf('type'), sd('Service'));
  add(service, sd('endpoint'), namedNode(`${base}sparql`));
  add(service, sd('supportedLanguage'), sd('SPARQL11Query'));
  add(service, sd('feature'), sd('UnionDefaultGraph'));
  for (const iri of Object.values(resultFormatIris)) add(service, sd('resultFormat'), namedNode(iri));
  add(service, sd('defaultDataset'), dataset);
  add(dataset, rdf('type'), sd('Dataset'));
  add(dataset, sd('defaultGraph'), defaultGraph);
  add(defaultGraph, rdf('type'), sd('Graph'));
  add(defaultGraph, voidNs('triples'), literal(String(manifest.statistics.triples), xsd('integer')));
  add(defaultGraph, rdfs('comment'), literal('The union of all named graphs.', 'en'));
  for (const graph of graphs) {
    const named = namedNode(`${graph}#named-graph`);
    add(dataset, sd('namedGraph'), named);
    add(named, sd('name'), namedNode(graph));
  }
  add(service, rdfs('seeAlso'), namedNode(`${base}.well-known/void`));
  return quads;
}
