import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listenOnFreePort, sendRaw } from '../test-support/raw-http.ts';
import { createTestApp } from '../test-support/test-app.ts';

// `//evil.example/x` is a path to the server but a protocol-relative URL to a browser: an SPA
// served there that builds a link from `location.pathname` links to http://evil.example/x.
const INDEX = '<!doctype html><html><head><title>x</title></head><body><a href="./">home</a></body></html>';
const BASES = ['/', '/tools/fc-fleet'] as const;

let web = '';
beforeAll(async () => {
  web = await mkdtemp(join(tmpdir(), 'ambiguous-path-'));
  await mkdir(join(web, 'assets'));
  await writeFile(join(web, 'index.html'), INDEX);
  await writeFile(join(web, 'assets', 'index-AbCd1234.js'), 'console.log(1);');
});
afterAll(async () => {
  await rm(web, { recursive: true, force: true });
});

const under = (base: string, path: string) => (base === '/' ? path : `${base}${path}`);

describe.each(BASES)('paths a browser could read as another host, mounted at %s', (base) => {
  const app = () => createTestApp({ env: { FC_BASE_PATH: base }, webDist: web }).app;
  const origin = 'http://127.0.0.1:8080';

  it.each([
    '//evil.example/x',
    '//evil.example',
    under(base, '//evil.example/x'),
    under(base, '/\\evil.example/x'),
    under(base, '/%5Cevil.example/x'),
    under(base, '/%5cevil.example/x'),
    under(base, '/%2F%2Fevil.example/x'),
    under(base, '/%2f/evil.example/x'),
    under(base, '/deep//route'),
    under(base, '//'),
    under(base, '//api/meta'),
    under(base, '//healthz'),
    under(base, '/api//meta'),
  ])('answers %s with the 404 envelope, never the app', async (path) => {
    const res = await app().request(`${origin}${path}?region=all`, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('Location')).toBeNull();
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(body.code).toBe('NotFound');
  });

  it.each([under(base, '/'), under(base, '/some/deep/route'), under(base, '/assets/index-AbCd1234.js')])(
    'still serves %s',
    async (path) => {
      const res = await app().request(`${origin}${path}?region=all`);
      expect(res.status).toBe(200);
    },
  );
});

describe('paths a browser could read as another host, over real HTTP', () => {
  let server: Listening | undefined;
  beforeAll(async () => {
    server = await listenOnFreePort(createTestApp({ webDist: web }).app.fetch);
  });
  afterAll(() => server?.close());

  const raw = (target: string) =>
    sendRaw(
      server?.port ?? 0,
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server?.port}\r\nConnection: close\r\n\r\n`,
    );

  it.each(['//evil.example/x', '/\\evil.example/x', '//evil.example/x?region=all', '/%5Cevil.example'])(
    'refuses the request target %s without serving the app',
    async (target) => {
      const answer = await raw(target);
      expect(answer).toMatch(/^HTTP\/1\.1 (400|404) /);
      expect(answer).not.toContain('<html');
      expect(answer).not.toMatch(/^location:/im);
    },
  );

  it('serves the app at a normal path', async () => {
    expect(await raw('/some/route?region=all')).toMatch(/^HTTP\/1\.1 200 /);
  });
});
