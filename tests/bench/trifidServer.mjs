// Trifid as a publisher would set it up for one dump: the entity renderer (HTML, JSON-LD, Turtle … by
// content negotiation) over trifid-handler-fetch, which loads the file into Oxigraph in a worker.
// Usage: node trifidServer.mjs DUMP.ttl BASE_IRI PORT
import trifid from 'trifid-core';

const [file, base, port] = process.argv.slice(2);
const instance = await trifid({
  server: { listener: { host: '127.0.0.1', port: Number(port) }, logLevel: 'warn' },
  globals: { datasetBaseUrl: base, endpoints: { default: { url: '/query' } } },
  plugins: {
    'entity-renderer': { module: '@zazuko/trifid-entity-renderer', config: {} },
    'fetch-handler': { module: 'trifid-handler-fetch', paths: '/query', config: { url: file, contentType: 'text/turtle', baseIRI: base, graphName: `${base}graph/union`, unionDefaultGraph: true } },
  },
});
await instance.start();
