import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_PARAMS } from './query/parse-list-query.ts';
import { createTestApp } from './test-support/test-app.ts';

// Whatever arrives, the answer is a clean 2xx or 4xx with the one error envelope: never a 5xx,
// never a stack trace, never a hang.
const webDist = mkdtempSync(join(tmpdir(), 'fc-fleet-dist-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(
  join(webDist, 'index.html'),
  '<!doctype html><html><head><title>FC Fleet</title></head><body></body></html>',
);
const t = createTestApp({ webDist, emulator: { fleet: { functionsPerRegion: 300 } } });

async function expectClean(path: string) {
  const res = await t.app.request(path);
  expect(res.status, path).toBeLessThan(500);
  const text = await res.text();
  expect(text).not.toMatch(/at .*\.ts:\d+|TypeError|ReferenceError/);
  if (res.status >= 400) {
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(String(body.message).length).toBeLessThan(600);
  }
  return res.status;
}

describe('hostile input to /api', () => {
  it('answers random values of every parameter with 200 or a 4xx envelope', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 50, unit: 'grapheme' }),
      fc.string({ maxLength: 20, unit: 'binary' }),
      fc.integer().map(String),
      fc.constantFrom('', '%', '..', '../..', '\u0000', 'all', 'true', '-1', '1e9', '𝔘𝔫𝔦'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...LIST_PARAMS, 'evil', '__proto__', 'constructor'), value), {
          maxLength: 6,
        }),
        async (pairs) => {
          const params = new URLSearchParams();
          for (const [k, v] of pairs) params.append(k, v);
          await expectClean(`/api/functions?${params.toString()}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses forged, truncated and replayed-elsewhere cursors with 400', async () => {
    const first = await t.get('/api/functions?limit=5&prefix=a');
    const real = String(first.body.cursor);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.base64String({ maxLength: 200 }),
          fc.string({ maxLength: 100 }),
          fc.nat({ max: real.length - 1 }).map((n) => real.slice(0, n)),
        ),
        async (cursor) => {
          const status = await expectClean(
            `/api/functions?limit=5&prefix=a&cursor=${encodeURIComponent(cursor)}`,
          );
          expect(status).toBe(cursor === '' ? 200 : 400);
        },
      ),
      { numRuns: 200 },
    );
    expect((await t.get(`/api/functions?limit=5&prefix=b&cursor=${real}`)).body.code).toBe('CursorMismatch');
  });

  it('answers huge values, huge query strings and odd paths with 4xx', async () => {
    expect(await expectClean(`/api/functions?q=${'x'.repeat(100_000)}`)).toBe(400);
    expect(
      await expectClean(`/api/functions?${Array.from({ length: 2000 }, (_, i) => `k${i}=v`).join('&')}`),
    ).toBe(400);
    expect(await expectClean(`/api/functions?prefix=${'%F0%9F%92%A9'.repeat(200)}`)).toBe(400);
    for (const path of [
      '/api/functions/..%2f..%2fetc/passwd',
      '/api/functions/cn-hangzhou/%00',
      '/api/functions/%2e%2e/x',
      '/api/functions/cn-hangzhou/a/b/c',
      '/api/meta?x=1',
    ]) {
      expect(await expectClean(path)).toBeGreaterThanOrEqual(400);
    }
    // Dot segments are resolved before routing: this is the SPA's /etc/passwd route, never a file.
    const dotted = await t.app.request('/api/../../etc/passwd');
    expect(dotted.status).toBe(200);
    expect(await dotted.text()).toContain('<title>FC Fleet</title>');
  });

  it('answers random GetFunction paths with a 4xx envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 200, unit: 'grapheme' }),
        async (region, name) => {
          await expectClean(`/api/functions/${encodeURIComponent(region)}/${encodeURIComponent(name)}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('hostile input costs the cloud nothing', () => {
  it('answers thousands of distinct hostile views from the index without one upstream call', async () => {
    const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 300 } } });
    await t.ready();
    const calls = () => t.emulator.stats.count('ListFunctions') + t.emulator.stats.count('GetFunction');
    const before = calls();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom('cn-hangzhou', 'cn-shanghai', 'all'),
        fc.constantFrom('name:asc', 'memorySize:desc', 'lastModifiedTime:asc', 'runtime:desc'),
        async (q, region, sort) => {
          for (const path of ['/api/functions', '/api/facets']) {
            const res = await t.request(
              `${path}?region=${region}&q=${encodeURIComponent(q)}${path === '/api/functions' ? `&sort=${sort}&limit=5` : ''}`,
            );
            expect(res.status).toBe(200);
            await res.arrayBuffer();
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(before).toBeGreaterThan(0);
    expect(calls()).toBe(before);
  });
});
