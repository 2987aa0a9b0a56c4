/**
 * The web interface in a real headless Chromium (Debian's, driven by playwright-core): an entity page
 * and its provenance link to the highlighted passage, search in both scripts, an example query in the
 * editor, the genealogy and network views with a click on a node, and axe-core on every page type.
 * Screenshots go to tests/screenshots/ (the README shows two of them).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';

const screenshots = new URL('../screenshots/', import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
const cspViolations: string[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startTestServer({ QUERY_WORKERS: '2' });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => { if (/Content.Security.Policy|Refused to/i.test(message.text())) cspViolations.push(`${path}: ${message.text()}`); });
  await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  return page;
}

/** axe-core in a context that lets the test inject it (the pages' own CSP forbids injected scripts). */
async function accessibilityViolations(path: string): Promise<string[]> {
  const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await axeContext.newPage();
  await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // The query editor is YASGUI's own markup and the graphs are a canvas: checked around, not inside.
    return axe.run({ include: [['body']], exclude: [['#yasgui'], ['#graph'], ['.CodeMirror-hints']] }, { runOnly: ['wcag2a', 'wcag2aa'] });
  });
  await axeContext.close();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the web interface', () => {
  it('shows an entity page, whose provenance link opens the passage scrolled and highlighted', async () => {
    const page = await open('/id/person/v-smirnov');
    expect(await page.locator('h1').textContent()).toContain('Vladimir Smirnov');
    await page.screenshot({ path: `${screenshots}entity-page.png`, fullPage: false });
    const link = page.locator('a', { hasText: 'read the passage' }).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/text\/[a-z0-9-]+#statement-/);
    await link.click();
    await page.waitForURL(/#statement-/);
    const fragment = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const target = page.locator(`[id="${fragment}"]`);
    const mark = (await target.evaluate((el) => el.tagName)) === 'MARK' ? target : target.locator('xpath=..');
    const box = await mark.evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: innerHeight }; });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(box.height);
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 211, 92)');
    await page.screenshot({ path: `${screenshots}source-passage.png` });
    await page.close();
  });

  it('finds entities by any name, in either script, best match first', async () => {
    const cases: [string, string][] = [['trotsky', '/id/person/trotsky'], ['Троцкий', '/id/person/trotsky'], ['Бронштейн', '/id/person/trotsky'], ['ДЦ', '/id/faction/democratic-centralists'], ['Sapranov', '/id/person/sapronov']];
    const page = await open('/');
    for (const [query, expected] of cases) {
      await page.fill('input[name=q]', query);
      await page.press('input[name=q]', 'Enter');
      await page.waitForURL(/\/search\?q=/);
      expect(await page.locator('ol.results li a').first().getAttribute('href'), query).toBe(expected);
    }
    const api = await (await fetch(new URL('/search?q=%D0%A2%D1%80%D0%BE%D1%86%D0%BA%D0%B8%D0%B9', server.url), { headers: { accept: 'application/json' } })).json();
    expect(api.results[0].iri).toBe('http://localhost:3000/id/person/trotsky');
    await page.close();
  });

  it('runs an example query in the editor and shows the result table', async () => {
    const page = await open('/sparql');
    await page.waitForSelector('.yasgui .yasqe');
    await page.locator('a.example', { hasText: 'Who criticised V. Smirnov' }).click();
    const table = page.locator('.yasr table:visible').first();
    await table.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await table.textContent()).toContain('trotsky');
    await page.screenshot({ path: `${screenshots}query-editor.png` });
    // Counts per relation and source: the chart view draws them.
    await page.locator('a.example', { hasText: 'Statements per relation and source' }).click();
    await page.locator('.yasr .select_chart:visible').first().click();
    await page.locator('.yasr canvas[role=img]:visible').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: `${screenshots}query-chart.png` });
    await page.close();
  });

  for (const view of ['genealogy', 'network']) {
    it(`draws the ${view} and opens a node's page when it is clicked`, async () => {
      const page = await open(`/${view}`);
      await page.waitForSelector('#graph[data-ready=true]', { timeout: 60_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${screenshots}${view}.png` });
      await page.locator('#graph').scrollIntoViewIfNeeded();
      await page.waitForTimeout(500); // cytoscape re-reads the container's position after a scroll
      // The best-connected node, and every node drawn within a few pixels of it (a click may land on either).
      const point = await page.evaluate(() => {
        type Node = { renderedPosition: () => { x: number; y: number }; data: (k: string) => string; degree: () => number };
        const container = document.getElementById('graph') as HTMLElement & { cy: { nodes: (s: string) => { toArray: () => Node[] } } };
        const nodes = container.cy.nodes(':visible').toArray();
        const hub = nodes.reduce((a, b) => (b.degree() > a.degree() ? b : a));
        const box = container.getBoundingClientRect();
        const at = hub.renderedPosition();
        const near = nodes.filter((n) => Math.hypot(n.renderedPosition().x - at.x, n.renderedPosition().y - at.y) < 14).map((n) => n.data('href'));
        return { x: box.left + at.x, y: box.top + at.y, hrefs: near, inView: box.top + at.y > 0 && box.top + at.y < innerHeight };
      });
      expect(point.inView).toBe(true);
      await page.mouse.click(point.x, point.y);
      await page.waitForURL((url) => url.pathname.startsWith('/id/'), { timeout: 15_000 });
      expect(point.hrefs).toContain(new URL(page.url()).pathname);
      await page.close();
    });
  }

  it('passes axe-core (WCAG 2 A and AA) on every page type', async () => {
    const pages = ['/', '/id/person/trotsky', '/id/faction/workers-group', '/text/trotsky-circular-letter-37', '/search?q=smirnov', '/browse/person', '/sparql', '/genealogy', '/network', '/ontology', '/dataset', '/id/person/nobody'];
    const report: Record<string, string[]> = {};
    for (const path of pages) report[path] = await accessibilityViolations(path);
    expect(report).toEqual(Object.fromEntries(pages.map((p) => [p, []])));
  }, 300_000);

  it('keeps to the Content-Security-Policy: no page triggered a violation', () => {
    expect(cspViolations).toEqual([]);
    expect(existsSync(`${screenshots}entity-page.png`)).toBe(true);
  });
});
