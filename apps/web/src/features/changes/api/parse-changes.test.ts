import { describe, expect, it } from 'vitest';
import { parseChanges } from './parse-changes.ts';

const modified = {
  id: '42',
  kind: 'modified',
  account: 'prod',
  region: 'cn-hangzhou',
  functionName: 'orders-api',
  seenAt: '2026-11-28T05:21:35.005Z',
  passStartedAt: '2026-11-28T05:21:33.139Z',
  lastModifiedTime: '2026-11-28T05:20:00Z',
  changes: [
    { path: 'memorySize', field: 'memorySize', change: 'changed', before: 512, after: 1024 },
    { path: 'vpcConfig.vSwitchIds', field: 'vpcConfig', change: 'added', after: ['vsw-1', 'vsw-2'] },
    { path: 'tags.env', field: 'tags', change: 'removed', before: 'staging' },
    { path: 'environmentVariables.DB_PASSWORD', field: 'environmentVariables', change: 'added' },
  ],
};

describe('parseChanges', () => {
  it('reads events, their diffs, the cursor and the regions', () => {
    const answer = parseChanges({ changes: [modified], cursor: 'c1', regions: [] });
    expect(answer.changes).toEqual([modified]);
    expect(answer.cursor).toBe('c1');
    expect('cursor' in parseChanges({ changes: [], regions: [] })).toBe(false);
  });

  it("drops an environment variable's values, should a server ever send them", () => {
    const leaky = {
      ...modified,
      changes: [
        {
          path: 'environmentVariables.TOKEN',
          field: 'environmentVariables',
          change: 'changed',
          before: 'old-secret',
          after: 'new-secret',
        },
      ],
    };
    const [event] = parseChanges({ changes: [leaky], regions: [] }).changes;
    expect(event?.changes).toEqual([
      { path: 'environmentVariables.TOKEN', field: 'environmentVariables', change: 'changed' },
    ]);
    expect(JSON.stringify(event)).not.toContain('secret');
  });

  it('rejects a bad event, naming its place', () => {
    expect(() => parseChanges({ changes: [{ ...modified, kind: 'renamed' }], regions: [] })).toThrow(
      'changes[0].kind is not one of created, modified, deleted',
    );
    expect(() => parseChanges({ changes: [{ ...modified, seenAt: 'now' }], regions: [] })).toThrow(
      'changes[0].seenAt is not a time',
    );
    const badField = { ...modified, changes: [{ path: 'x', field: 'password', change: 'added' }] };
    expect(() => parseChanges({ changes: [badField], regions: [] })).toThrow('changes[0].changes[0].field');
    const badValue = {
      ...modified,
      changes: [{ path: 'timeout', field: 'timeout', change: 'changed', before: 1, after: Number.NaN }],
    };
    expect(() => parseChanges({ changes: [badValue], regions: [] })).toThrow(
      'changes[0].changes[0].after is not an object',
    );
    expect(() => parseChanges({ changes: [] })).toThrow('regions is not a list');
  });
});
