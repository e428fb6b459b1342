import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { ApiError, apiErrorResponse } from '../errors.ts';
import { serveSpa } from './serve-spa.ts';

const INDEX =
  '<!doctype html><html><head><title>x</title></head><body><div id="root"></div>' +
  '<script type="module" src="./assets/index-AbCd1234.js"></script></body></html>';
const JS = `console.log(${JSON.stringify('fleet '.repeat(900))});\n`; // about 5 KB
const SECRET = 'AWS_SECRET=do-not-serve-me';
const BASES = ['/', '/tools/fc-fleet'] as const;

let tmp = '';
let root = '';

function mount(basePath: string, webRoot = root) {
  const app = new Hono<AppEnv>();
  app.get('/api/ping', (c) => c.json({ ok: true }, 200));
  app.route(basePath, serveSpa({ root: webRoot, basePath }));
  app.onError((err, c) => {
    if (err instanceof ApiError) return apiErrorResponse(c, err);
    return c.json({ code: 'Internal', message: String(err) }, 500);
  });
  return app;
}

const under = (basePath: string, path: string) => (basePath === '/' ? path : `${basePath}${path}`);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'serve-spa-'));
  root = join(tmp, 'dist');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'assets', 'index-AbCd1234.js'), JS);
  await writeFile(join(root, 'assets', 'index-AbCd1234.css'), 'body{margin:0}');
  await writeFile(join(root, 'favicon.png'), new Uint8Array(5000).fill(7));
  await writeFile(join(root, '.env'), SECRET);
  await writeFile(join(tmp, 'secret.txt'), SECRET);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.each(BASES)('serveSpa mounted at %s', (basePath) => {
  const app = () => mount(basePath);
  const baseTag =
    basePath === '/' ? '<head><base href="/"><title>' : `<head><base href="${basePath}/"><title>`;

  it('serves index.html with the base tag, uncached', async () => {
    for (const path of [under(basePath, '/'), under(basePath, '/index.html'), basePath]) {
      const res = await app().request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      expect(await res.text()).toContain(baseTag);
    }
  });

  it('answers client routes with index.html', async () => {
    const res = await app().request(under(basePath, '/some/deep/route'), {
      headers: { Accept: 'text/html' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toContain(baseTag);
  });

  it('serves hashed assets as immutable with their content type', async () => {
    const js = await app().request(under(basePath, '/assets/index-AbCd1234.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe(JS);
    const css = await app().request(under(basePath, '/assets/index-AbCd1234.css'));
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    const favicon = await app().request(under(basePath, '/favicon.png'));
    expect(favicon.headers.get('Cache-Control')).toBe('no-cache');
    const encoded = await app().request(under(basePath, '/assets/index%2DAbCd1234.js'));
    expect(encoded.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers 304 when the ETag matches, strong or weak', async () => {
    for (const path of [under(basePath, '/assets/index-AbCd1234.js'), under(basePath, '/')]) {
      const etag = (await app().request(path)).headers.get('ETag') ?? '';
      expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      for (const tag of [etag, `W/${etag}`]) {
        const res = await app().request(path, { headers: { 'If-None-Match': tag } });
        expect(res.status).toBe(304);
        expect(await res.text()).toBe('');
      }
    }
  });

  it.each([
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/%2eenv',
    '/assets/%00.js',
    '/%E0%A4%A.js',
  ])('refuses %s with 404', async (path) => {
    const res = await app().request(under(basePath, path));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('answers 404 for a missing file with an extension', async () => {
    const res = await app().request(under(basePath, '/assets/missing.js'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'NotFound', message: 'No such file', requestId: 'unknown' });
  });

  it('allows GET and HEAD only', async () => {
    const head = await app().request(under(basePath, '/assets/index-AbCd1234.js'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(Buffer.byteLength(JS)));
    const post = await app().request(under(basePath, '/'), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toBe('GET, HEAD');
    expect(await post.json()).toMatchObject({ code: 'MethodNotAllowed' });
  });
});

describe('serveSpa compression', () => {
  it('gzips text when asked and says so in Vary', async () => {
    const res = await mount('/').request('/assets/index-AbCd1234.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    const body = res.body?.pipeThrough(new DecompressionStream('gzip'));
    expect(await new Response(body).text()).toBe(JS);
    const plain = await mount('/').request('/assets/index-AbCd1234.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
  });

  it('never gzips images that are already compressed', async () => {
    const res = await mount('/').request('/favicon.png', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Type')).toBe('image/png');
    expect(res.headers.get('Content-Encoding')).toBeNull();
  });
});

describe('serveSpa lifecycle', () => {
  it('answers 503 with a plain page while the web app is not built', async () => {
    for (const basePath of BASES) {
      const app = mount(basePath, join(tmp, 'not-built'));
      for (const path of [basePath, under(basePath, '/'), under(basePath, '/some/route')]) {
        const res = await app.request(path);
        expect(res.status).toBe(503);
        const html = await res.text();
        expect(html).toContain('pnpm build');
        expect(html).not.toMatch(/<script|<style|style=/i);
      }
      expect((await app.request(under(basePath, '/assets/index-AbCd1234.js'))).status).toBe(404);
    }
  });

  it('picks up a rebuilt index.html', async () => {
    const app = mount('/');
    expect(await (await app.request('/')).text()).toContain('<title>x</title>');
    await writeFile(join(root, 'index.html'), INDEX.replace('<title>x</title>', '<title>rebuilt</title>'));
    await utimes(join(root, 'index.html'), new Date(), new Date(Date.now() + 60_000));
    expect(await (await app.request('/')).text()).toContain('<base href="/"><title>rebuilt</title>');
  });
});
