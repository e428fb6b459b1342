import { describe, expect, it } from 'vitest';
import type { FleetRow } from '../api/types.ts';
import { csvField, rowsToCsv } from './export-rows.ts';

/** How a spreadsheet splits CSV text into cells: RFC 4180 quoting with the locale's separator. */
function cellsOf(csv: string, separator: ',' | ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

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

  it('quotes every field and neutralises formula starts', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField("x;=cmd|' /C calc'!A0;y")).toBe(`"x;=cmd|' /C calc'!A0;y"`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(1)')).toBe(`"'@SUM(1)"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('-1+1')).toBe(`"'-1+1"`);
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('""');
    expect(csvField(null)).toBe('""');
    expect(csvField(true)).toBe('"true"');
  });

  it('keeps numbers plain numbers, negative ones too, and treats numeric-looking text as text', () => {
    // A number column holds JSON numbers: their text is only digits, '.', 'e' and a sign, never a
    // formula, so no apostrophe; spreadsheets read a quoted number as a number.
    expect(csvField(512)).toBe('"512"');
    expect(csvField(0.35)).toBe('"0.35"');
    expect(csvField(-1)).toBe('"-1"');
    // Text is neutralised even when it looks like a number: "-1" in a description is text.
    expect(csvField('-1')).toBe(`"'-1"`);
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe(`"'-Infinity"`);
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
