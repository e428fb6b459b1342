import type { DiffValue } from '@fc-fleet/fleet-contract';

/** How many characters of a value a diff line shows before it offers the rest. */
export const DIFF_VALUE_LIMIT = 80;

/**
 * A value of a diff as one compact line: text as it is (quoted only when empty or padded, so it
 * can be seen), everything else as JSON.
 * @example compactValue('nodejs18') // 'nodejs18'
 * @example compactValue(['vsw-1', 'vsw-2']) // '["vsw-1","vsw-2"]'
 */
export function compactValue(value: DiffValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'string')
    return value === '' || value.trim() !== value ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/**
 * The first `limit` characters of a text and whether anything was cut; a cut never splits a
 * surrogate pair.
 * @example shorten('abcdef', 3) // { text: 'abc…', cut: true }
 */
export function shorten(text: string, limit = DIFF_VALUE_LIMIT): { text: string; cut: boolean } {
  const chars = [...text];
  if (chars.length <= limit) return { text, cut: false };
  return { text: `${chars.slice(0, limit).join('')}…`, cut: true };
}
