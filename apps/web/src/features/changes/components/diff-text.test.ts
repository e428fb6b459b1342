import { describe, expect, it } from 'vitest';
import { compactValue, shorten } from './diff-text.ts';

describe('compactValue', () => {
  it('shows text as it is, and quotes it only when its edges would be invisible', () => {
    expect(compactValue('nodejs18')).toBe('nodejs18');
    expect(compactValue('')).toBe('""');
    expect(compactValue(' padded')).toBe('" padded"');
  });

  it('writes numbers, flags, null, lists and objects as compact JSON', () => {
    expect(compactValue(1024)).toBe('1024');
    expect(compactValue(false)).toBe('false');
    expect(compactValue(null)).toBe('null');
    expect(compactValue(['vsw-1', 'vsw-2'])).toBe('["vsw-1","vsw-2"]');
    expect(compactValue({ a: { b: [1] } })).toBe('{"a":{"b":[1]}}');
    expect(compactValue(undefined)).toBe('—');
  });
});

describe('shorten', () => {
  it('keeps short text and cuts long text at the limit, saying so', () => {
    expect(shorten('abc', 3)).toEqual({ text: 'abc', cut: false });
    expect(shorten('abcdef', 3)).toEqual({ text: 'abc…', cut: true });
  });

  it('never splits a character made of two code units', () => {
    expect(shorten('😀😀😀', 2)).toEqual({ text: '😀😀…', cut: true });
  });
});
