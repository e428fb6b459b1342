import { describe, expect, it } from 'vitest';
import { RegionFleet, type StoredFunction } from './region-fleet.ts';

const stored = (name: string): StoredFunction => ({
  fn: { functionName: name },
  fcVersion: 'v3',
  status: { state: 'Active', lastUpdateStatus: 'Successful' },
});
const names = (it: Iterable<StoredFunction>) => [...it].map((s) => s.fn.functionName);

describe('RegionFleet', () => {
  it('scans after a name and within a prefix, in name order', () => {
    const fleet = new RegionFleet('cn-hangzhou', ['b-2', 'a-1', 'b-1', 'c-1', 'b-3'].map(stored));
    expect(names(fleet.scan(undefined))).toEqual(['a-1', 'b-1', 'b-2', 'b-3', 'c-1']);
    expect(names(fleet.scan('b-1'))).toEqual(['b-2', 'b-3', 'c-1']);
    expect(names(fleet.scan(undefined, 'b-'))).toEqual(['b-1', 'b-2', 'b-3']);
    expect(names(fleet.scan('b-2', 'b-'))).toEqual(['b-3']);
    expect(names(fleet.scan('a-1', 'b-'))).toEqual(['b-1', 'b-2', 'b-3']);
    expect(names(fleet.scan('zzz'))).toEqual([]);
  });

  it('continues from a position, not an offset, when functions come and go between pages', () => {
    const fleet = new RegionFleet('cn-hangzhou', ['a', 'c', 'e', 'g'].map(stored));
    const first = names(fleet.scan(undefined)).slice(0, 2);
    fleet.delete('a');
    fleet.put(stored('b'));
    fleet.put(stored('f'));
    fleet.delete('c');
    expect(names(fleet.scan(first[first.length - 1]))).toEqual(['e', 'f', 'g']);
    expect(fleet.size).toBe(4);
    expect(fleet.delete('nope')).toBe(false);
  });
});
