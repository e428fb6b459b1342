import { ApiError } from '../errors.ts';

/** Reads a query string into single values, refusing repeats, unknown names and control characters. */
export function readParams(url: URL, allowed: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    if (!allowed.includes(name)) {
      throw new ApiError(
        'InvalidParameter',
        `Unknown parameter "${clip(name)}". Allowed: ${allowed.join(', ')}.`,
      );
    }
    if (params.has(name))
      throw new ApiError('InvalidParameter', `Parameter "${name}" is given more than once.`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    if (/[\u0000-\u001f\u007f]/.test(value))
      throw new ApiError('InvalidParameter', `Parameter "${name}" contains control characters.`);
    params.set(name, value);
  }
  return params;
}

/** Shortens untrusted text before it goes into a message. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A string parameter with a length limit and an optional pattern. */
export function stringParam(
  params: Map<string, string>,
  name: string,
  max: number,
  pattern?: RegExp,
  hint?: string,
): string | undefined {
  const value = params.get(name);
  if (value === undefined || value === '') return undefined;
  if (value.length > max)
    throw new ApiError('InvalidParameter', `Parameter "${name}" is longer than ${max} characters.`);
  if (pattern && !pattern.test(value)) {
    throw new ApiError(
      'InvalidParameter',
      `Parameter "${name}" is not valid${hint ? `: ${hint}` : ''} (got "${clip(value)}").`,
    );
  }
  return value;
}

/** An integer parameter within bounds. */
export function intParam(
  params: Map<string, string>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = params.get(name);
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ApiError(
      'InvalidParameter',
      `Parameter "${name}" must be an integer from ${min} to ${max} (got "${clip(value)}").`,
    );
  }
  return Number(value);
}
