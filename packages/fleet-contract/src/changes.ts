import type { RegionSync } from './index-answers.ts';

// What changed in the fleet between two sync passes: the events a pass records, and the query
// and answer of `GET /api/changes`. Everything here is built from the projection (function-view.ts),
// so no event can carry what the projection does not: an environment variable's value never
// appears, only that it was added, removed or changed.

/** The kinds of change a pass records. */
export const CHANGE_KINDS = ['created', 'modified', 'deleted'] as const;
/** A change's kind. A function deleted and created again between passes is two events. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * The fields a change can touch, as the `field=` filter names them: the projection's top-level
 * fields (a nested field such as `vpcConfig.vSwitchIds` is filed under `vpcConfig`).
 */
export const CHANGE_FIELDS = [
  'description',
  'runtime',
  'handler',
  'cpu',
  'memorySize',
  'diskSize',
  'timeout',
  'instanceConcurrency',
  'instanceIsolationMode',
  'codeChecksum',
  'codeSize',
  'role',
  'resourceGroupId',
  'internetAccess',
  'disableOndemand',
  'disableInjectCredentials',
  'enableLongLiving',
  'idleTimeout',
  'sessionAffinity',
  'environmentVariables',
  'vpcConfig',
  'nasConfig',
  'ossMountConfig',
  'customContainerConfig',
  'customRuntimeConfig',
  'customDNS',
  'gpuConfig',
  'logConfig',
  'tracingConfig',
  'instanceLifecycleConfig',
  'layers',
  'tags',
  'juiceFsConfig',
  'polarFsConfig',
  'lockInfo',
  'invocationRestriction',
  'fcVersion',
] as const;
/** A field as the `field=` filter names it. */
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** A JSON value as a diff carries it (from the projection, so never a secret). */
export type DiffValue = string | number | boolean | null | DiffValue[] | { [key: string]: DiffValue };

/**
 * One field's difference between the function a pass saw before and the one it sees now.
 * `path` is the projection's path to the field (`memorySize`, `vpcConfig.vSwitchIds`,
 * `environmentVariables.DB_PASSWORD`, `tags.env`); `before` is absent when the field was added,
 * `after` when it was removed. An environment variable never has either: only `change`.
 */
export interface FieldChange {
  path: string;
  field: ChangeField;
  change: 'added' | 'removed' | 'changed';
  before?: DiffValue;
  after?: DiffValue;
}

/** One event of `GET /api/changes`. */
export interface ChangeEvent {
  /** Stable and unique; newer events have larger ids. */
  id: string;
  kind: ChangeKind;
  account: string;
  region: string;
  functionName: string;
  /** When the pass saw the change (ISO 8601). */
  seenAt: string;
  /** When the pass that saw it started: the events of one pass share it. */
  passStartedAt: string;
  /** The function's `lastModifiedTime` as the cloud reported it (before it was deleted, for `deleted`). */
  lastModifiedTime?: string;
  /** For `modified`: what changed, field by field. Empty for `created` and `deleted`. */
  changes: FieldChange[];
}

/** `GET /api/changes`: events newest first. */
export interface ChangesAnswer {
  changes: ChangeEvent[];
  /** Present when older events follow; signed and bound to the query. */
  cursor?: string;
  /** The freshness of every (account, region) in the query. */
  regions: RegionSync[];
}

/** The windows of the table's "changed in the last ..." filter (`changed=`), in seconds. */
export const CHANGED_WITHIN = { '1h': 3600, '24h': 86_400, '7d': 604_800 } as const;
/** A value of the `changed=` filter. */
export type ChangedWithin = keyof typeof CHANGED_WITHIN;

/** The parameters of `GET /api/changes` besides the view's own (accounts, regions, filters, limit, cursor). */
export interface ChangeQuery {
  kinds?: ChangeKind[];
  fields?: ChangeField[];
  /** The function's exact name. */
  name?: string;
  /** Events seen at or after this time (ISO 8601), or within this long before now (`90m`, `24h`, `7d`). */
  since?: string;
  /** Events seen before this time, or longer ago than this duration. */
  until?: string;
}

/** One change parameter that could not be used, phrased without its name (as FilterProblem). */
export interface ChangeProblem {
  param: 'kind' | 'field' | 'name' | 'since' | 'until';
  message: string;
}

const DURATION = /^(\d{1,6})(m|h|d)$/;
const UNIT_SECONDS = { m: 60, h: 3600, d: 86_400 } as const;
// Dates and times as ISO 8601 writes them: a day, or a day and a time with a zone.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The instant a `since`/`until` value stands for: an ISO 8601 time, or a duration before `now`
 * (`30m`, `24h`, `7d`). Undefined when it is neither.
 * @example changeInstant('24h', Date.parse('2026-11-28T12:00:00Z')); // Date 2026-11-27T12:00:00Z
 */
export function changeInstant(value: string, now: number): Date | undefined {
  const duration = DURATION.exec(value);
  if (duration)
    return new Date(
      now - Number(duration[1]) * 1000 * UNIT_SECONDS[duration[2] as keyof typeof UNIT_SECONDS],
    );
  if (!ISO_TIME.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

function parseList<T extends string>(value: string, allowed: readonly T[]): T[] | string {
  const items = [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  const bad = items.filter((item) => !allowed.includes(item as T));
  if (bad.length > 0)
    return `takes a comma list of ${allowed.length > 8 ? 'field names such as memorySize or vpcConfig' : allowed.join(', ')} (got "${bad[0]?.slice(0, 40)}")`;
  return items as T[];
}

/**
 * Reads the change parameters (`kind`, `field`, `name`, `since`, `until`); as parseFilters, an
 * empty value is none and every value that cannot be used is reported, not thrown.
 * @example parseChangeQuery((n) => new URLSearchParams('kind=deleted&since=7d').get(n) ?? undefined, Date.now())
 * // { query: { kinds: ['deleted'], since: '7d' }, problems: [] }
 */
export function parseChangeQuery(
  get: (name: ChangeProblem['param']) => string | undefined,
  now: number,
): { query: ChangeQuery; problems: ChangeProblem[] } {
  const query: ChangeQuery = {};
  const problems: ChangeProblem[] = [];
  const kind = get('kind');
  if (kind) {
    const kinds = parseList(kind, CHANGE_KINDS);
    if (typeof kinds === 'string') problems.push({ param: 'kind', message: kinds });
    else query.kinds = kinds;
  }
  const field = get('field');
  if (field) {
    const fields = parseList(field, CHANGE_FIELDS);
    if (typeof fields === 'string') problems.push({ param: 'field', message: fields });
    else query.fields = fields;
  }
  const name = get('name');
  if (name) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters never belong in a name
    if (name.length > 128 || /[\u0000-\u001f\u007f]/.test(name))
      problems.push({ param: 'name', message: 'is not a function name (at most 128 printable characters)' });
    else query.name = name;
  }
  for (const param of ['since', 'until'] as const) {
    const value = get(param);
    if (!value) continue;
    if (changeInstant(value, now)) query[param] = value;
    else
      problems.push({
        param,
        message: `must be an ISO 8601 time or a duration such as 30m, 24h or 7d (got "${value.slice(0, 40)}")`,
      });
  }
  if (query.since && query.until) {
    const since = changeInstant(query.since, now);
    const until = changeInstant(query.until, now);
    if (since && until && since >= until) {
      problems.push({ param: 'until', message: `is not after since (${query.until} ≤ ${query.since})` });
      delete query.until;
    }
  }
  return { query, problems };
}

/**
 * Writes the change parameters in a fixed order, the inverse of {@link parseChangeQuery}.
 * @example writeChangeQuery({ kinds: ['modified'], fields: ['memorySize'] }).toString(); // 'kind=modified&field=memorySize'
 */
export function writeChangeQuery(query: ChangeQuery, out = new URLSearchParams()): URLSearchParams {
  if (query.kinds?.length) out.set('kind', query.kinds.join(','));
  if (query.fields?.length) out.set('field', query.fields.join(','));
  if (query.name) out.set('name', query.name);
  if (query.since) out.set('since', query.since);
  if (query.until) out.set('until', query.until);
  return out;
}
