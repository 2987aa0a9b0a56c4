/**
 * The real server on a free loopback port, serving the corpus built by the global setup, from the
 * embedded store or, under npm run test:store, from the external one (see externalStore.ts).
 */
import { inject } from 'vitest';
import { pino } from 'pino';
import { readConfiguration, type ServerConfiguration } from '../../src/http/Configuration.ts';
import { startServer, type RunningServer } from '../../src/http/Server.ts';
import { externalStoreSettings } from './externalStore.ts';

export async function startTestServer(overrides: Record<string, string> = {}): Promise<RunningServer & { configuration: ServerConfiguration }> {
  const configuration = readConfiguration({
    PORT: '0', HOST: '127.0.0.1', BASE_IRI: 'http://localhost:3000/', QUERY_WORKERS: '1', QUERY_TIMEOUT_MS: '8000',
    RATE_LIMIT_PER_MINUTE: '0', PREPARE_REPRESENTATIONS: '0', DIST_DIR: inject('distDir'), ...externalStoreSettings, ...overrides,
  });
  const running = await startServer(configuration, { build: false, logger: pino({ level: 'silent' }) });
  return { ...running, configuration };
}
