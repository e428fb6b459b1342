import { expectArray, expectRecord } from './api-client.ts';

export { expectArray, expectRecord };

/** Throws unless the value is text. */
export function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what} is not text`);
  return value;
}

/** Throws unless the value is a whole number of zero or more: a count. */
export function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${what} is not a count`);
  return value;
}

/** Throws unless the value is `true` or `false`. */
export function flag(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${what} is not true or false`);
  return value;
}

/** Throws unless the value is one of `values`. */
export function oneOf<T extends string>(value: unknown, values: readonly T[], what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`${what} is not one of ${values.join(', ')}`);
  return found;
}

/** Throws unless the value is an ISO 8601 time the browser can read; returns it unchanged. */
export function isoTime(value: unknown, what: string): string {
  const t = text(value, what);
  if (Number.isNaN(Date.parse(t))) throw new Error(`${what} is not a time`);
  return t;
}

/** Applies `parse` when the value is present; `undefined` stays `undefined`. */
export function optional<T>(
  value: unknown,
  what: string,
  parse: (v: unknown, what: string) => T,
): T | undefined {
  return value === undefined ? undefined : parse(value, what);
}

/** Parses every item of a list, naming each by its index (`regions[2].state`). */
export function listOf<T>(value: unknown, what: string, parse: (v: unknown, what: string) => T): T[] {
  return expectArray(value, what).map((item, i) => parse(item, `${what}[${i}]`));
}
