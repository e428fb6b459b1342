import type { ChangeEvent } from '@fc-fleet/fleet-contract';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/test-app.ts';

// The history as the API serves it, after real passes over an emulator changed between them.
const small = { emulator: { fleet: { functionsPerRegion: 60 } } };

async function allChanges(t: ReturnType<typeof createTestApp>, query: string, limit = 7) {
  const events: ChangeEvent[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const res = await t.get(
      `/api/changes?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    events.push(...(res.body.changes as ChangeEvent[]));
    cursor = res.body.cursor as string | undefined;
    if (!cursor) return events;
  }
  throw new Error('paging does not end');
}

describe('GET /api/changes', () => {
  it('serves what the next pass saw change, newest first, filtered and paged', async () => {
    const t = createTestApp(small);
    await t.ready();
    expect((await t.get('/api/changes?region=all')).body.changes).toEqual([]);
    const [a, b, c] = [...(t.emulator.fleet.region('cn-hangzhou')?.scan(undefined) ?? [])];
    if (!a || !b || !c) throw new Error('fleet too small');
    t.emulator.putFunction('cn-hangzhou', {
      ...a.fn,
      memorySize: (a.fn.memorySize ?? 512) * 2,
      environmentVariables: { ...a.fn.environmentVariables, NEW_FLAG: 'on' },
      lastModifiedTime: '2026-11-28T01:00:00Z',
    });
    t.emulator.deleteFunction('cn-hangzhou', b.fn.functionName);
    t.emulator.putFunction('cn-shanghai', { functionName: 'zz-brand-new', runtime: 'go1' });
    await t.sync.syncAll();

    const all = await allChanges(t, 'region=all');
    const seen = all.map((e) => `${e.kind} ${e.region}/${e.functionName}`).sort();
    expect(seen).toEqual(
      [
        `modified cn-hangzhou/${a.fn.functionName}`,
        `deleted cn-hangzhou/${b.fn.functionName}`,
        'created cn-shanghai/zz-brand-new',
      ].sort(),
    );
    const ids = all.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => (x > y ? -1 : x < y ? 1 : 0)));
    const modified = all.find((e) => e.kind === 'modified');
    expect(modified?.changes).toEqual([
      {
        path: 'memorySize',
        field: 'memorySize',
        change: 'changed',
        before: a.fn.memorySize ?? 512,
        after: (a.fn.memorySize ?? 512) * 2,
      },
      { path: 'environmentVariables.NEW_FLAG', field: 'environmentVariables', change: 'added' },
    ]);
    expect(JSON.stringify(all)).not.toContain('"on"');

    // The region default is the account's first; filters narrow; pages of 1 give the same events.
    expect((await allChanges(t, '')).map((e) => e.functionName).sort()).toEqual(
      [a.fn.functionName, b.fn.functionName].sort(),
    );
    expect((await allChanges(t, 'region=all&kind=created')).map((e) => e.functionName)).toEqual([
      'zz-brand-new',
    ]);
    expect((await allChanges(t, 'region=all&field=memorySize')).map((e) => e.functionName)).toEqual([
      a.fn.functionName,
    ]);
    expect((await allChanges(t, `region=all&name=${b.fn.functionName}`)).map((e) => e.kind)).toEqual([
      'deleted',
    ]);
    expect(await allChanges(t, 'region=all', 1)).toEqual(all);
    // A table filter keeps events of functions the view shows (a deleted one is in none).
    expect((await allChanges(t, 'region=all&runtime=go1')).map((e) => e.functionName)).toEqual([
      'zz-brand-new',
    ]);
    expect(await allChanges(t, 'region=all&since=2099-01-01')).toEqual([]);
    expect((await allChanges(t, 'region=all&since=1h')).length).toBe(3);
  });

  it('keeps a cursor good while new events arrive, and binds it to its query', async () => {
    const t = createTestApp(small);
    await t.ready();
    const names = [...(t.emulator.fleet.region('cn-hangzhou')?.scan(undefined) ?? [])]
      .slice(0, 6)
      .map((s) => s.fn.functionName);
    for (const name of names) t.emulator.deleteFunction('cn-hangzhou', name);
    await t.sync.syncAll();
    const first = await t.get('/api/changes?limit=3');
    const cursor = first.body.cursor as string;
    expect(cursor).toBeTruthy();
    t.emulator.putFunction('cn-hangzhou', { functionName: 'arrived-later', runtime: 'go1' });
    await t.sync.syncAll();
    const next = await t.get(`/api/changes?limit=3&cursor=${encodeURIComponent(cursor)}`);
    const paged = [...(first.body.changes as ChangeEvent[]), ...(next.body.changes as ChangeEvent[])];
    expect(paged.map((e) => e.functionName).sort()).toEqual([...names].sort());
    const other = await t.get(`/api/changes?limit=3&kind=deleted&cursor=${encodeURIComponent(cursor)}`);
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('CursorMismatch');
  });

  it('refuses bad parameters with a precise message', async () => {
    const t = createTestApp(small);
    const cases: [string, RegExp][] = [
      ['kind=renamed', /Parameter "kind" takes a comma list of created, modified, deleted/],
      ['field=password', /Parameter "field" takes a comma list of field names/],
      ['since=yesterday', /Parameter "since" must be an ISO 8601 time or a duration/],
      ['since=2026-11-02&until=2026-11-01', /Parameter "until" is not after since/],
      ['sort=name:asc', /Unknown parameter "sort"/],
      ['limit=0', /Parameter "limit"/],
      ['cursor=abc.def', /cursor is not valid/],
    ];
    for (const [query, message] of cases) {
      const res = await t.get(`/api/changes?${query}`);
      expect(res.status, query).toBe(400);
      expect(String(res.body.message), query).toMatch(message);
    }
  });
});
