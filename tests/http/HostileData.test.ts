/**
 * Hostile values in the data itself: an editor (or an attacker with commit rights) puts markup,
 * quotes and `javascript:` URLs into labels, descriptions, quotes, notes and front matter. Every page
 * that shows them must show them as text, and no link may carry a `javascript:` URL.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/DatasetBuilder.ts';
import { frontMatter, registryYaml } from '../support/fixtures.ts';
import { makeFixtureCorpus } from '../support/fixtureCorpus.ts';
import { startTestServer } from '../support/server.ts';

const script = '<script>alert("x")</script>';
const image = '<img src=x onerror=alert(1)>';
const jsUrl = 'javascript:alert(1)';

const hostileRegistry = registryYaml
  .replace('en: "Vladimir Smirnov"', `en: '${script} "Smirnov" & ${jsUrl}'`)
  .replace('description: { ru: "Децист.", en: "A Decist." }', `description: { ru: "Децист ${image.replaceAll('"', '\\"')}", en: '${image} it''s "quoted"' }`);

const seed = `Он написал: ${script} и "кавычки" & 'апострофы' ${jsUrl} — В. Смирнов ответил.\n`;
const text = `${frontMatter
  .replace('id: test-letter', 'id: fixture-letter')
  .replace('seed: test.txt', 'seed: fixture.txt')
  .replace('source: "A test."', `source: '${script} ${jsUrl}'`)
  .replace('title: { ru: "Письмо", en: "Letter" }', `title: { ru: "Письмо ${image.replaceAll('"', '\\"')}", en: '${script}' }`)}\
{{s1 Он написал: ${script} и "кавычки" & 'апострофы' ${jsUrl} — [[В. Смирнов|v-smirnov]] ответил.}}
@s1 trotsky criticised v-smirnov note="${script.replaceAll('"', '\\"')} ${jsUrl}"
`;

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  const corpus = makeFixtureCorpus(text, seed, hostileRegistry);
  await buildDataset({ base: 'http://localhost:3000/', location: corpus, distDir: corpus.distDir });
  server = await startTestServer({ DIST_DIR: corpus.distDir });
});
afterAll(() => server?.close());

async function page(path: string): Promise<{ html: string; document: Document }> {
  const res = await fetch(new URL(path, server.url), { headers: { accept: 'text/html' } });
  expect(res.status, path).toBe(200);
  const html = await res.text();
  return { html, document: new JSDOM(html).window.document };
}

/** What a browser would run: script elements, event-handler attributes, javascript: links. */
function activeContent(document: Document): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll('script')) if (!el.getAttribute('src') && el.getAttribute('type') !== 'application/ld+json') found.push(`inline script: ${el.textContent}`);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      if (['href', 'src', 'action', 'formaction'].includes(attr.name) && /^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
  }
  return found;
}

describe('hostile values from the data', () => {
  it('are shown as text on the entity page, in labels, descriptions, quotes and notes', async () => {
    const { html, document } = await page('/id/person/v-smirnov');
    expect(activeContent(document)).toEqual([]);
    expect(document.body.textContent).toContain(script);
    expect(document.body.textContent).toContain(image);
    expect(html).not.toContain(script);
    expect(html).not.toContain(image);
  });

  it('stay data inside the embedded JSON-LD, which cannot close its script element', async () => {
    const { document } = await page('/id/person/v-smirnov');
    const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(JSON.stringify(JSON.parse(block.textContent ?? ''))).toContain('alert');
  });

  it('are shown as text on the source reader, the texts list, search and browse', async () => {
    for (const path of ['/text/fixture-letter', '/text/', '/search?q=Smirnov', '/browse/person', `/search?q=${encodeURIComponent(script)}`]) {
      const { html, document } = await page(path);
      expect(activeContent(document), path).toEqual([]);
      expect(html, path).not.toContain(script);
    }
  });

  it('come back unchanged in the search API and the RDF', async () => {
    const answer = await (await fetch(new URL('/search?q=Smirnov', server.url), { headers: { accept: 'application/json' } })).json() as { results: Array<{ label: { en: string } }> };
    expect(answer.results.map((r) => r.label.en)).toContain(`${script} "Smirnov" & ${jsUrl}`);
    const turtle = await (await fetch(new URL('/id/person/v-smirnov', server.url), { headers: { accept: 'text/turtle' } })).text();
    expect(turtle).toContain('<script>alert(\\"x\\")</script>');
  });
});
