/**
 * A small SPARQL store made on purpose for tests of the external-store code without a real one: an
 * HTTP server on loopback with a SPARQL 1.1 endpoint (SELECT, answered in SPARQL XML by Comunica over an
 * N3.js store) and a Graph Store Protocol URL (PUT replaces a graph, POST merges into it, DELETE drops
 * it) that asks for HTTP Basic credentials. It records every Graph Store request, with how many
 * triples its body held.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataFactory, Parser, Store } from 'n3';
import type { Variable } from '@rdfjs/types';
import { parseQuery } from '../../src/store/QueryRewriting.ts';
import { SparqlEngine } from '../../src/store/SparqlEngine.ts';
import { writeBindings } from '../../src/store/AnswerFormats.ts';

export interface GraphStoreRequest { readonly method: string; readonly graph: string; readonly triples: number }

export interface FakeSparqlStore {
  /** What the store holds; replace it to start afresh. */
  store: Store;
  /** The Graph Store requests since the last `forget()`. */
  readonly requests: GraphStoreRequest[];
  readonly endpoint: string;
  readonly graphStore: string;
  readonly credentials: { readonly user: string; readonly password: string };
  forget(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => { body += c; });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startFakeSparqlStore(): Promise<FakeSparqlStore> {
  const credentials = { user: 'loader', password: 'secret' };
  const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
  const requests: GraphStoreRequest[] = [];
  const fake = { store: new Store() } as { store: Store };
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url!, 'http://localhost');
      const body = await readBody(req);
      if (url.pathname === '/sparql') {
        const query = new URLSearchParams(body).get('query')!;
        // A projected expression, (COUNT(…) AS ?n), is named by its variable.
        const projected = (parseQuery(query) as { variables?: (Variable | { variable: Variable })[] }).variables ?? [];
        const variables = projected.map((v) => ('variable' in v ? v.variable : v));
        const rows = await new SparqlEngine(fake.store).bindings(query);
        res.setHeader('content-type', 'application/sparql-results+xml');
        return res.end(await writeBindings(variables, rows, 'application/sparql-results+xml'));
      }
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="graph store"' });
        return res.end();
      }
      const graph = DataFactory.namedNode(url.searchParams.get('graph')!);
      const triples = body ? new Parser({ format: 'Turtle' }).parse(body) : [];
      requests.push({ method: req.method!, graph: graph.value, triples: triples.length });
      if (req.method === 'PUT' || req.method === 'DELETE') for (const q of fake.store.getQuads(null, null, null, graph)) fake.store.removeQuad(q);
      if (req.method === 'PUT' || req.method === 'POST') for (const q of triples) fake.store.addQuad(q.subject, q.predicate, q.object, graph);
      res.writeHead(req.method === 'PUT' ? 201 : 200).end();
    } catch (error) {
      res.writeHead(500).end(error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    requests, credentials,
    endpoint: `${origin}/sparql`,
    graphStore: `${origin}/graph-store`,
    forget: () => { requests.length = 0; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
