import { describe, expect, it } from 'vitest';
import { createTestApp, type Row } from '../test-support/test-app.ts';

describe('GET /api/functions: bad input', () => {
  const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 300 } } });
  const bad: [string, string, string][] = [
    ['limit=0', 'InvalidParameter', 'limit'],
    ['limit=101', 'InvalidParameter', 'limit'],
    ['limit=abc', 'InvalidParameter', 'limit'],
    ['limit=1&limit=2', 'InvalidParameter', 'more than once'],
    ['bogus=1', 'InvalidParameter', 'Unknown parameter "bogus"'],
    ['region=mars-1', 'UnknownRegion', 'mars-1'],
    ['region=cn-hangzhou,mars-1', 'UnknownRegion', 'mars-1'],
    ['account=nobody', 'UnknownAccount', 'nobody'],
    ['fcVersion=v4', 'InvalidParameter', 'fcVersion'],
    ['sort=size', 'InvalidParameter', 'sort'],
    ['sort=memorySize:up', 'InvalidParameter', 'sort'],
    ['sort=name:asc:x', 'InvalidParameter', 'sort'],
    ['has=vpc,cheese', 'InvalidParameter', 'has'],
    ['internetAccess=yes', 'InvalidParameter', 'internetAccess'],
    ['memoryMin=-1', 'InvalidParameter', 'memoryMin'],
    ['memoryMin=4096&memoryMax=128', 'InvalidParameter', 'memoryMin'],
    [`prefix=${'a'.repeat(129)}`, 'InvalidParameter', 'prefix'],
    ['q=%00', 'InvalidParameter', 'control characters'],
    ['tags==prod', 'InvalidParameter', 'tags'],
    ['vpcId=vpc%20abc', 'InvalidParameter', 'vpcId'],
    ['runtime=Python%203', 'InvalidParameter', 'runtime'],
    ['cursor=garbage', 'InvalidCursor', 'cursor'],
  ];
  for (const [query, code, mention] of bad) {
    it(`answers ${query.slice(0, 40)} with 400 ${code}`, async () => {
      const res = await t.get(`/api/functions?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(String(res.body.message)).toContain(mention);
      expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
      expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId']);
    });
  }

  it('asks the cloud nothing for a bad request, even before the first pass', async () => {
    const fresh = createTestApp({ emulator: { fleet: { functionsPerRegion: 20 } } });
    for (const [query] of bad) expect((await fresh.app.request(`/api/functions?${query}`)).status).toBe(400);
    expect(fresh.emulator.stats.count('ListFunctions')).toBe(0);
  });
});

describe('GET /api/functions: cursors', () => {
  let clock = Date.now();
  const t = createTestApp({ emulator: { fleet: { functionsPerRegion: 300 } }, now: () => clock });
  const names = (res: { body: Record<string, unknown> }) =>
    (res.body.functions as Row[]).map((r) => `${r.region}/${r.function.functionName}`);

  it('continues the same view, whatever the order of its parameters and the page size', async () => {
    const first = await t.get('/api/functions?limit=10&has=vpc,nas&region=cn-hangzhou,cn-beijing');
    const cursor = encodeURIComponent(String(first.body.cursor));
    const reordered = await t.get(
      `/api/functions?region=cn-beijing,cn-hangzhou&has=nas,vpc&limit=20&cursor=${cursor}`,
    );
    expect(reordered.status).toBe(200);
    const whole = await t.get('/api/functions?limit=30&has=vpc,nas&region=cn-hangzhou,cn-beijing');
    expect([...names(first), ...names(reordered)]).toEqual(names(whole));
  });

  it('refuses a tampered cursor, one signed with another key, and a cursor of another filter, region, account or sort', async () => {
    const first = await t.get('/api/functions?limit=10&prefix=a');
    const cursor = String(first.body.cursor);
    const flipped = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    expect((await t.get(`/api/functions?limit=10&prefix=a&cursor=${flipped}`)).body.code).toBe(
      'InvalidCursor',
    );
    const [body, signature] = cursor.split('.');
    const resigned = `${body}.${'0'.repeat(signature?.length ?? 32)}`;
    expect((await t.get(`/api/functions?limit=10&prefix=a&cursor=${resigned}`)).body.code).toBe(
      'InvalidCursor',
    );
    for (const query of [
      'prefix=b',
      'prefix=a&region=cn-beijing',
      'prefix=a&region=all',
      'prefix=a&sort=name:desc',
      'prefix=a&sort=memorySize',
    ]) {
      const res = await t.get(`/api/functions?limit=10&${query}&cursor=${cursor}`);
      expect([res.status, res.body.code], query).toEqual([400, 'CursorMismatch']);
    }
    expect((await t.get(`/api/functions?limit=20&prefix=a&cursor=${cursor}`)).status).toBe(200);
  });

  it('refuses a cursor of a sorted view on the same view sorted another way, and the other way round', async () => {
    const byMemory = await t.get('/api/functions?limit=10&sort=memorySize:desc');
    const memoryCursor = String(byMemory.body.cursor);
    const mismatch = await t.get(`/api/functions?limit=10&sort=timeout:desc&cursor=${memoryCursor}`);
    expect([mismatch.status, mismatch.body.code]).toEqual([400, 'CursorMismatch']);
    const byName = await t.get('/api/functions?limit=10');
    const back = await t.get(
      `/api/functions?limit=10&sort=memorySize:desc&cursor=${String(byName.body.cursor)}`,
    );
    expect([back.status, back.body.code]).toEqual([400, 'CursorMismatch']);
    expect((await t.get(`/api/functions?limit=10&sort=memorySize:desc&cursor=${memoryCursor}`)).status).toBe(
      200,
    );
  });

  it('expires a cursor after an hour with 400 CursorExpired', async () => {
    const first = await t.get('/api/functions?limit=10&prefix=a');
    const cursor = String(first.body.cursor);
    clock += 59 * 60_000;
    expect((await t.get(`/api/functions?limit=10&prefix=a&cursor=${cursor}`)).status).toBe(200);
    clock += 2 * 60_000;
    const expired = await t.get(`/api/functions?limit=10&prefix=a&cursor=${cursor}`);
    expect([expired.status, expired.body.code]).toEqual([400, 'CursorExpired']);
    expect(Object.keys(expired.body).sort()).toEqual(['code', 'message', 'requestId']);
  });
});
