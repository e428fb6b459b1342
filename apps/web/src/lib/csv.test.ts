import { describe, expect, it } from 'vitest';
import { csvField, csvText } from './csv.ts';
import { cellsOf } from './test-support/csv-cells.ts';

describe('CSV cells', () => {
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
    // JSON numbers: their text is only digits, '.', 'e' and a sign, never a formula, so no
    // apostrophe; spreadsheets read a quoted number as a number.
    expect(csvField(512)).toBe('"512"');
    expect(csvField(0.35)).toBe('"0.35"');
    expect(csvField(-1)).toBe('"-1"');
    // Text is neutralised even when it looks like a number: "-1" in a description is text.
    expect(csvField('-1')).toBe(`"'-1"`);
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe(`"'-Infinity"`);
  });

  it('writes lines of quoted cells with CRLF ends, one cell each whatever they hold', () => {
    const csv = csvText([
      ['runtime', 'functions'],
      ['=cmd|x', 41],
      ['a,b;c', 0],
    ]);
    expect(csv).toBe(`"runtime","functions"\r\n"'=cmd|x","41"\r\n"a,b;c","0"\r\n`);
    expect(cellsOf(csv, ',')).toEqual([
      ['runtime', 'functions'],
      ["'=cmd|x", '41'],
      ['a,b;c', '0'],
    ]);
  });
});
