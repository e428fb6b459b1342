import { describe, expect, it } from 'vitest';
import type { FleetRow } from '../api/types.ts';
import { csvField, rowsToCsv } from './export-rows.ts';

describe('CSV export', () => {
  it('quotes commas, quotes and newlines, and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(undefined)).toBe('');
  });

  it('writes one header and one line per row with the function fields', () => {
    const row: FleetRow = {
      account: 'demo',
      region: 'cn-hangzhou',
      function: {
        functionName: 'a,b',
        memorySize: 512,
        tags: [{ Key: 'env', Value: 'prod' }],
        ossMountConfig: { mountPoints: [{ bucketName: 'b1' }] },
      },
    };
    const lines = rowsToCsv([row]).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 3)).toEqual(['account', 'region', 'name']);
    expect(lines[1]).toContain('demo,cn-hangzhou,"a,b"');
    expect(lines[1]).toContain('env=prod');
    expect(lines[1]).toContain(',b1,');
  });
});
