/**
 * The server's settings: environment variables, overridden by command-line flags, with the defaults
 * the README lists under "Configuration" and "Security and limits".
 */
import { availableParallelism } from 'node:os';

export interface ServerConfiguration {
  readonly port: number;
  readonly host: string;
  /** Base IRI of everything the server mints; its path is where the server mounts its routes. */
  readonly base: string;
  readonly queryTimeoutMs: number;
  readonly resultLimit: number;
  readonly queryWorkers: number;
  readonly queryQueue: number;
  readonly queryMemoryMb: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly bodyLimitBytes: number;
  readonly rateLimitPerMinute: number;
  readonly logLevel: string;
  readonly prepareRepresentations: boolean;
  /** Most memory the representations made so far may take, in MiB; the least recently used go first. */
  readonly representationCacheMb: number;
  readonly distDir?: string;
  /** An external SPARQL 1.1 store to serve from instead of the embedded one. */
  readonly externalStore?: ExternalStoreConfiguration;
}

export interface ExternalStoreConfiguration {
  /** Its SPARQL 1.1 Protocol query endpoint. */
  readonly endpoint: string;
  /** Its Graph Store Protocol URL and credentials, to load builds into it; without, builds are loaded by other means. */
  readonly graphStore?: string;
  readonly user?: string;
  readonly password?: string;
}

export const settings = {
  PORT: 'port to listen on (default 3000)',
  HOST: 'interface to listen on (default 0.0.0.0)',
  BASE_IRI: "base IRI of entities and of every URL the server hands out, ending in '/' (default http://localhost:PORT/)",
  QUERY_TIMEOUT_MS: 'time limit of one SPARQL query, in milliseconds (default 10000)',
  RESULT_LIMIT: 'most rows or triples one SPARQL answer holds (default 10000)',
  QUERY_WORKERS: 'query worker threads (default: the number of cores, at least 1)',
  QUERY_QUEUE: 'queries that may wait for a worker before the endpoint answers 503 (default 16)',
  QUERY_MEMORY_MB: 'heap limit of one query worker thread in MiB, the dataset included; a query that needs more is stopped (default 2048)',
  HEADERS_TIMEOUT_MS: 'time a client has to send its request headers before the connection is closed with 408 (default 10000)',
  REQUEST_TIMEOUT_MS: 'time a client has to send its whole request (default 30000)',
  BODY_LIMIT_BYTES: 'largest request body, e.g. a POSTed query (default 65536)',
  RATE_LIMIT_PER_MINUTE: 'SPARQL requests per client and minute before 429 (default 120; 0 turns it off)',
  PREPARE_REPRESENTATIONS: 'make the HTML (both languages), Turtle and JSON-LD of every entity ahead, in idle time after start-up: 1 or 0 (default 1, or 0 with SPARQL_STORE)',
  REPRESENTATION_CACHE_MB: 'most memory, in MiB, the representations made so far may take (each counted with its compressed forms); past it the least recently used are dropped and made again when asked for (default 1024)',
  LOG_LEVEL: 'pino log level: fatal, error, warn, info, debug (default info)',
  SPARQL_STORE: 'query endpoint of an external SPARQL 1.1 store to serve from, e.g. http://127.0.0.1:8890/sparql (default: none, the embedded store)',
  SPARQL_GRAPH_STORE: "the external store's Graph Store Protocol URL, used to load a build into it (default: none)",
  SPARQL_STORE_USER: 'user name for the Graph Store Protocol URL, if it asks for one (Basic or Digest)',
  SPARQL_STORE_PASSWORD: 'password for the Graph Store Protocol URL',
} as const;

type Source = Readonly<Record<string, string | undefined>>;

function httpUrl(source: Source, name: keyof typeof settings): string | undefined {
  const raw = source[name];
  if (raw === undefined || raw === '') return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new Error(`${name} must be an http(s) URL, not '${raw}'`);
  return raw;
}

function externalStore(source: Source): ExternalStoreConfiguration | undefined {
  const endpoint = httpUrl(source, 'SPARQL_STORE');
  const graphStore = httpUrl(source, 'SPARQL_GRAPH_STORE');
  if (!endpoint) {
    if (graphStore) throw new Error('SPARQL_GRAPH_STORE is set but SPARQL_STORE is not: set the query endpoint too');
    return undefined;
  }
  return {
    endpoint,
    ...(graphStore && { graphStore }),
    ...(source.SPARQL_STORE_USER && { user: source.SPARQL_STORE_USER }),
    ...(source.SPARQL_STORE_PASSWORD !== undefined && { password: source.SPARQL_STORE_PASSWORD }),
  };
}

function integer(source: Source, name: keyof typeof settings, fallback: number, min = 0): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not '${raw}'`);
  return value;
}

export function readConfiguration(env: Source, flags: Source = {}): ServerConfiguration {
  const source = { ...env, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  const port = integer(source, 'PORT', 3000);
  const base = source.BASE_IRI ?? `http://localhost:${port}/`;
  if (!/^https?:\/\/[^\s]+\/$/.test(base)) throw new Error(`BASE_IRI must be an http(s) IRI ending in '/', not '${base}'`);
  const store = externalStore(source);
  return {
    port,
    host: source.HOST ?? '0.0.0.0',
    base,
    queryTimeoutMs: integer(source, 'QUERY_TIMEOUT_MS', 10_000, 1),
    resultLimit: integer(source, 'RESULT_LIMIT', 10_000, 1),
    queryWorkers: integer(source, 'QUERY_WORKERS', Math.max(1, availableParallelism()), 1),
    queryQueue: integer(source, 'QUERY_QUEUE', 16, 0),
    queryMemoryMb: integer(source, 'QUERY_MEMORY_MB', 2048, 64),
    headersTimeoutMs: integer(source, 'HEADERS_TIMEOUT_MS', 10_000, 100),
    requestTimeoutMs: integer(source, 'REQUEST_TIMEOUT_MS', 30_000, 100),
    bodyLimitBytes: integer(source, 'BODY_LIMIT_BYTES', 65_536, 1),
    rateLimitPerMinute: integer(source, 'RATE_LIMIT_PER_MINUTE', 120, 0),
    logLevel: source.LOG_LEVEL ?? 'info',
    // With an external store, making every entity's representations ahead would read the whole
    // dataset back from the store and hold it here: they are made on first request instead.
    prepareRepresentations: integer(source, 'PREPARE_REPRESENTATIONS', store ? 0 : 1, 0) > 0,
    representationCacheMb: integer(source, 'REPRESENTATION_CACHE_MB', 1024, 1),
    ...(source.DIST_DIR && { distDir: source.DIST_DIR }),
    ...(store && { externalStore: store }),
  };
}
