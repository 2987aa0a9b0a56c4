/**
 * Entity representations made ahead: after start-up the server makes the common representations of every
 * entity in idle time, says so in /readyz, and serves the same bytes as a server that makes them on
 * request, with the same headers (those made ahead go out through the lane in front of Express).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { rdfFormats } from '../../src/http/Negotiation.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';
import { startTestServer } from '../support/server.ts';

let ahead: Awaited<ReturnType<typeof startTestServer>>;
let onRequest: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  const corpus = makeFixtureCorpus();
  await buildDataset({ base: 'http://localhost:3000/', location: corpus, distDir: corpus.distDir });
  ahead = await startTestServer({ DIST_DIR: corpus.distDir, PREPARE_REPRESENTATIONS: '1' });
  onRequest = await startTestServer({ DIST_DIR: corpus.distDir, PREPARE_REPRESENTATIONS: '0' });
});
afterAll(async () => { await ahead?.close(); await onRequest?.close(); });

async function readiness(server: typeof ahead): Promise<{ representationsPrepared: boolean }> {
  return (await fetch(new URL('/readyz', server.url))).json() as Promise<{ representationsPrepared: boolean }>;
}

/** Every response header but those that differ by the moment and the connection. */
function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => !['date', 'keep-alive', 'connection'].includes(name)));
}

describe('representations made ahead', () => {
  it('are all made after start-up, as /readyz says, and only when asked to', async () => {
    while (!(await readiness(ahead)).representationsPrepared) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await readiness(onRequest)).representationsPrepared).toBe(false);
  });

  it('are the same bytes, with the same ETags, as those made on request', async () => {
    for (const path of ['/id/person/v-smirnov', '/id/faction/democratic-centralists', '/id/document/letter']) {
      for (const accept of ['text/html', ...rdfFormats.map((f) => f.mediaType)]) {
        for (const encoding of ['identity', 'gzip']) {
          // The prepared server answers the common formats from the lane in front of Express; the other through Express.
          const [a, b] = await Promise.all([ahead, onRequest].map((s) => fetch(new URL(path, s.url), { headers: { accept, 'accept-encoding': encoding } })));
          expect(a.status, `${path} ${accept}`).toBe(200);
          expect(headersOf(a), `${path} ${accept} ${encoding}`).toEqual(headersOf(b));
          expect(await a.text(), `${path} ${accept}`).toBe(await b.text());
        }
      }
    }
  });
});
