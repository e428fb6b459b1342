import { describe, expect, it } from 'vitest';
import { cellsOf } from '../../../lib/test-support/csv-cells.ts';
import type { FleetRow } from '../api/types.ts';
import { rowsToCsv } from './export-rows.ts';

const HOSTILE = [
  "x;=cmd|' /C calc'!A0;y",
  '=HYPERLINK("http://evil.example","click")',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  '+1',
  '-1+1',
  'say "hi"',
  'two\nlines',
  'a,b',
] as const;

const rowWith = (description: string, memorySize = 512): FleetRow => ({
  account: 'demo',
  region: 'cn-hangzhou',
  function: { functionName: 'fn', memorySize, description, tags: [{ Key: 'k', Value: description }] },
});

/** A cell a spreadsheet would evaluate: it starts with a formula trigger. */
const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV export', () => {
  it.each(HOSTILE)('keeps %j one inert cell in comma and semicolon locales', (value) => {
    const csv = rowsToCsv([rowWith(value)]);
    const [header = [], line = [], ...rest] = cellsOf(csv, ',');
    expect(rest).toEqual([]);
    expect(line).toHaveLength(header.length);
    expect(line[header.indexOf('description')]).toBe(FORMULA_START.test(value) ? `'${value}` : value);
    // A spreadsheet whose list separator is ';' splits the same text at every ';' outside quotes.
    for (const separator of [',', ';'] as const) {
      const cells = cellsOf(csv, separator).flat();
      expect(
        cells.filter((cell) => FORMULA_START.test(cell)),
        `${separator}-separated`,
      ).toEqual([]);
    }
  });

  it('keeps numbers plain numbers in their columns', () => {
    const [header = [], line = []] = cellsOf(rowsToCsv([rowWith('d', 3072)]), ',');
    expect(line[header.indexOf('memoryMB')]).toBe('3072');
  });

  it('writes one quoted header and one line per row with the function fields', () => {
    const row: FleetRow = {
      account: 'demo',
      region: 'cn-hangzhou',
      function: {
        functionName: 'a,b',
        memorySize: 512,
        tags: [{ Key: 'env', Value: 'prod' }],
        ossMountConfig: { mountPoints: [{ bucketName: 'b1' }] },
      },
      lastChange: '2026-11-28T08:00:00.000Z',
    };
    const csv = rowsToCsv([row]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header = [], line = [], ...rest] = cellsOf(csv, ',');
    expect(rest).toEqual([]);
    expect(header.slice(0, 3)).toEqual(['account', 'region', 'name']);
    expect(csv.startsWith('"account","region","name",')).toBe(true);
    expect(line.slice(0, 3)).toEqual(['demo', 'cn-hangzhou', 'a,b']);
    expect(line[header.indexOf('tags')]).toBe('env=prod');
    expect(line[header.indexOf('ossBuckets')]).toBe('b1');
    expect(line[header.indexOf('lastChange')]).toBe('2026-11-28T08:00:00.000Z');
  });
});
