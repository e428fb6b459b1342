import { CHANGED_WITHIN, type ChangedWithin } from './changes.ts';
import { LIFECYCLE_STATUSES } from './runtime-lifecycle.ts';
import { HAS_VALUES, type HasValue } from './vocabulary.ts';

const ID = /^[A-Za-z0-9][\w.:-]*$/;
const NAME_LIKE = /^[a-z][a-z0-9.-]*$/;

/** A value that failed its spec; a class, so a parsed value can never be mistaken for one. */
class Problem {
  constructor(readonly message: string) {}
}

type Spec =
  | { kind: 'text'; max: number; pattern?: RegExp; hint?: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'tags' };

/**
 * Every filter of a view, once: its URL parameter and how its value is checked. The BFF's parser,
 * the SPA's URL state and the facet and list queries all read this table, so a new filter is one
 * entry here plus its control in the UI.
 */
export const FILTER_SPECS = {
  prefix: { kind: 'text', max: 128 },
  q: { kind: 'text', max: 256 },
  runtime: { kind: 'text', max: 64, pattern: NAME_LIKE, hint: 'a runtime such as python3.10' },
  gpuType: { kind: 'text', max: 64, pattern: NAME_LIKE, hint: 'a GPU type such as fc.gpu.ampere.1' },
  description: { kind: 'text', max: 256 },
  tags: { kind: 'tags' },
  resourceGroupId: { kind: 'text', max: 128, pattern: ID },
  vpcId: { kind: 'text', max: 128, pattern: ID },
  vSwitchId: { kind: 'text', max: 128, pattern: ID },
  securityGroupId: { kind: 'text', max: 128, pattern: ID },
  nasServer: { kind: 'text', max: 256 },
  ossBucket: { kind: 'text', max: 128, pattern: /^[a-z0-9][a-z0-9-]*$/, hint: 'an OSS bucket name' },
  image: { kind: 'text', max: 512 },
  layer: { kind: 'text', max: 512 },
  role: { kind: 'text', max: 512 },
  fcVersion: { kind: 'enum', values: ['v2', 'v3'] },
  has: { kind: 'list', values: HAS_VALUES },
  /** Features the function must not have (`lacks=vpc`: outside any VPC). */
  lacks: { kind: 'list', values: HAS_VALUES },
  /** The runtime's lifecycle status (runtime-lifecycle.ts), on the day of the request. */
  lifecycle: { kind: 'enum', values: LIFECYCLE_STATUSES },
  /** A container image's acceleration: `None` when turned off, else the state FC reports. */
  acceleration: {
    kind: 'text',
    max: 32,
    pattern: /^[A-Za-z][A-Za-z-]*$/,
    hint: 'an acceleration state such as Ready or None',
  },
  internetAccess: { kind: 'bool' },
  memoryMin: { kind: 'int', min: 0, max: 1_048_576 },
  memoryMax: { kind: 'int', min: 0, max: 1_048_576 },
  /** Functions a pass saw change within the last hour, day or week. */
  changed: { kind: 'enum', values: Object.keys(CHANGED_WITHIN) as ChangedWithin[] },
} as const satisfies Record<string, Spec>;

/** A filter's URL parameter name. */
export type FilterName = keyof typeof FILTER_SPECS;
/** The filters' names in their canonical URL order. */
export const FILTER_NAMES = Object.keys(FILTER_SPECS) as FilterName[];
type TextKinds = {
  [K in FilterName]: (typeof FILTER_SPECS)[K]['kind'] extends 'text' | 'tags' ? K : never;
}[FilterName];
/** A filter whose value the UI edits as text (the `tags` pairs included). */
export type TextFilterName = TextKinds;
/** The text filters, in their canonical order. */
export const TEXT_FILTER_NAMES = FILTER_NAMES.filter((n): n is TextFilterName =>
  ['text', 'tags'].includes(FILTER_SPECS[n].kind),
);

/** A `tags` pair: `env=prod`, a key alone (`cost-center`), or a key the function must not have (`!env`). */
export interface TagFilter {
  Key: string;
  Value?: string;
  /** The function has no value for this key (`!env`): no such tag, or one with an empty value. */
  Absent?: true;
}

/** A tag filter as the URL writes it: `env=prod`, `cost-center` or `!env`. */
export const tagText = (t: TagFilter) =>
  t.Absent ? `!${t.Key}` : t.Value === undefined ? t.Key : `${t.Key}=${t.Value}`;

type ValueOf<S extends Spec> = S extends { kind: 'text' }
  ? string
  : S extends { kind: 'enum'; values: readonly (infer V)[] }
    ? V
    : S extends { kind: 'list' }
      ? HasValue[]
      : S extends { kind: 'bool' }
        ? boolean
        : S extends { kind: 'int' }
          ? number
          : TagFilter[];

/** The filters of a view, typed by their specs. */
export type ListFilters = { -readonly [K in FilterName]?: ValueOf<(typeof FILTER_SPECS)[K]> };

/**
 * One value that could not be used. `message` says what is wrong with the value, without the
 * parameter's name, so each caller phrases it: the BFF as `Parameter "x" …`, the SPA as `Ignored x: it …`.
 */
export interface FilterProblem {
  param: FilterName;
  message: string;
}

const clip = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

function parseTags(value: string): TagFilter[] | string {
  const pairs = value.split(',').filter(Boolean);
  if (pairs.length > 20) return 'takes at most 20 pairs';
  const tags: TagFilter[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const absent = pair.trimStart().startsWith('!');
    const Key = (eq < 0 ? pair : pair.slice(0, eq))
      .trim()
      .slice(absent ? 1 : 0)
      .trim();
    if (!Key || Key.length > 128 || (absent && eq >= 0))
      return `takes key=value pairs, keys alone or !key, separated by commas (got "${clip(pair)}")`;
    tags.push(absent ? { Key, Absent: true } : eq < 0 ? { Key } : { Key, Value: pair.slice(eq + 1) });
  }
  return tags;
}

function parseOne(spec: Spec, value: string): unknown {
  switch (spec.kind) {
    case 'text':
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters never belong in a filter
      if (/[\u0000-\u001f\u007f]/.test(value)) return new Problem('contains control characters');
      if (value.length > spec.max) return new Problem(`is longer than ${spec.max} characters`);
      if (spec.pattern && !spec.pattern.test(value))
        return new Problem(`is not valid${spec.hint ? `: ${spec.hint}` : ''} (got "${clip(value)}")`);
      return value;
    case 'enum':
      return spec.values.includes(value)
        ? value
        : new Problem(`must be ${spec.values.join(' or ')} (got "${clip(value)}")`);
    case 'list': {
      const items = value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      const bad = items.filter((item) => !spec.values.includes(item));
      if (bad.length > 0 || items.length > spec.values.length)
        return new Problem(`takes a comma list of ${spec.values.join(', ')} (got "${clip(value)}")`);
      return [...new Set(items)];
    }
    case 'bool':
      return value === 'true' || value === 'false'
        ? value === 'true'
        : new Problem(`must be true or false (got "${clip(value)}")`);
    case 'int':
      return /^\d{1,9}$/.test(value) && Number(value) >= spec.min && Number(value) <= spec.max
        ? Number(value)
        : new Problem(`must be an integer from ${spec.min} to ${spec.max} (got "${clip(value)}")`);
    case 'tags': {
      const tags = parseTags(value);
      return typeof tags === 'string' ? new Problem(tags) : tags;
    }
  }
}

/**
 * Reads the filters from URL parameters (`get` returns a parameter's value or undefined); an
 * empty value is no filter. Every value that cannot be used is reported, not thrown: the BFF
 * refuses the request with the first problem, the SPA drops those parameters and says why.
 * @example parseFilters((n) => new URLSearchParams('has=gpu&memoryMin=x').get(n) ?? undefined)
 * // { filters: { has: ['gpu'] }, problems: [{ param: 'memoryMin', message: 'must be an integer from 0 to 1048576 (got "x")' }] }
 */
export function parseFilters(get: (name: FilterName) => string | undefined): {
  filters: ListFilters;
  problems: FilterProblem[];
} {
  const filters: Record<string, unknown> = {};
  const problems: FilterProblem[] = [];
  for (const name of FILTER_NAMES) {
    const raw = get(name);
    if (raw === undefined || raw === '') continue;
    const value = parseOne(FILTER_SPECS[name], raw);
    if (value instanceof Problem) problems.push({ param: name, message: value.message });
    else filters[name] = value;
  }
  const typed = filters as ListFilters;
  if (typed.memoryMin !== undefined && typed.memoryMax !== undefined && typed.memoryMin > typed.memoryMax) {
    problems.push({
      param: 'memoryMax',
      message: `is smaller than memoryMin (${typed.memoryMax} < ${typed.memoryMin})`,
    });
    delete typed.memoryMax;
  }
  return { filters: typed, problems };
}

/**
 * Writes filters as URL parameters in the canonical order, the inverse of {@link parseFilters}:
 * the same view always gives the same query string.
 * @example writeFilters({ has: ['gpu', 'vpc'], memoryMin: 1024 }).toString() // 'has=gpu%2Cvpc&memoryMin=1024'
 */
export function writeFilters(filters: ListFilters, out = new URLSearchParams()): URLSearchParams {
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (name === 'tags') out.set(name, (value as TagFilter[]).map(tagText).join(','));
    else out.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return out;
}
