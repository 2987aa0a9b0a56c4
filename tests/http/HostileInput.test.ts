/**
 * Hostile requests against the real server: path traversal, overlong URLs and headers, malformed
 * Accept and Accept-Encoding, markup in request values. Each gets a clear 4xx (or a harmless answer),
 * never a crash or a leak, and the server goes on serving.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let port: number;

beforeAll(async () => {
  server = await startTestServer();
  port = Number(new URL(server.url).port);
});
afterAll(() => server?.close());

/** A raw request, so that paths reach the server exactly as written (fetch would normalise them). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('hostile requests', () => {
  it('answer path traversal in entity, text and asset paths with 4xx and no file content', async () => {
    const paths = ['/id/person/..%2f..%2f..%2fetc%2fpasswd', '/id/person/%2e%2e%2f%2e%2e%2fpackage.json', '/text/..%5c..%5cpackage.json', '/text/trotsky%00.txt',
      '/assets/..%2f..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/graph/..%2fregistry', '/id/person/trotsky%00', '/dump.nq%00.txt'];
    for (const path of paths) {
      const res = await raw(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body, path).not.toContain('"dependencies"');
      expect(res.body, path).not.toContain('root:');
    }
  });

  it('refuse overlong URLs and headers with 431, and keep serving', async () => {
    expect((await raw(`/search?q=${'a'.repeat(20_000)}`)).status).toBe(431);
    expect((await raw('/', { 'x-padding': 'b'.repeat(20_000) })).status).toBe(431);
    expect((await raw('/id/person/trotsky.ttl')).status).toBe(200);
  });

  it('tolerate malformed Accept and Accept-Encoding', async () => {
    for (const accept of [';;;,,,', 'text/tu rtle;q=abc', '*/*;q=-1', 'text/turtle;q=0', '\u0000', 'a'.repeat(2000)]) {
      const res = await raw('/id/person/trotsky', { accept: accept.replace(/\u0000/g, '') });
      expect([200, 406], accept).toContain(res.status);
    }
    for (const encoding of ['gzip;q=abc', 'br;;;', 'identity;q=0, *;q=0', 'x'.repeat(1000)]) {
      const res = await raw('/id/person/trotsky.ttl', { 'accept-encoding': encoding });
      expect([200, 406], encoding).toContain(res.status);
    }
  });

  it('escape markup that comes from the request', async () => {
    const attack = '<script>alert(1)</script>"\'><img src=x onerror=alert(1)>javascript:alert(1)';
    const search = await raw(`/search?q=${encodeURIComponent(attack)}`, { accept: 'text/html' });
    expect(search.status).toBe(200);
    expect(search.body).not.toContain('<script>alert(1)</script>');
    expect(search.body).not.toContain('<img src=x');
    expect(search.body).toContain('&lt;script>alert(1)&lt;/script>');
    const missing = await raw(`/id/person/${encodeURIComponent('<script>x</script>')}`, { accept: 'text/html' });
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('<script>x</script>');
    const back = await raw(`/language/ru?back=${encodeURIComponent('javascript:alert(1)')}`);
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/');
    const offsite = await raw(`/language/ru?back=${encodeURIComponent('//evil.example/')}`);
    expect(offsite.headers.location).toBe('/');
  });

  it('send a Content-Security-Policy that forbids inline scripts on every page', async () => {
    for (const path of ['/', '/id/person/trotsky', '/sparql', '/search?q=x', '/genealogy']) {
      const csp = String((await raw(path, { accept: 'text/html' })).headers['content-security-policy']);
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
    }
  });
});
