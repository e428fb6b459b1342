import {
  CHANGE_FIELDS,
  type ChangeField,
  type DiffValue,
  type FieldChange,
  type FunctionView,
} from '@fc-fleet/fleet-contract';

/**
 * Fields of the projection that are not a change of configuration: the function's identity, the
 * times the event carries itself, and the live state GetFunction adds.
 */
const NOT_CONFIGURATION = [
  'functionName',
  'functionArn',
  'functionId',
  'createdTime',
  'lastModifiedTime',
  'state',
  'stateReason',
  'stateReasonCode',
  'lastUpdateStatus',
  'lastUpdateStatusReason',
  'lastUpdateStatusReasonCode',
] as const;

// Every field of the projection is either a change field or named above: a field added to the
// projection and to neither list fails to compile here.
type Unfiled = Exclude<keyof FunctionView, ChangeField | (typeof NOT_CONFIGURATION)[number]>;
const everyFieldFiled: [Unfiled] extends [never] ? true : Unfiled = true;
void everyFieldFiled;

/** A function as a pass compares it: its projection, FC version and environment-value prints. */
export interface ComparedFunction {
  view: FunctionView;
  fcVersion: string | null;
  /** Per environment variable, a keyed print of its value (see envPrints); never the value. */
  prints?: Record<string, string> | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!same(a[key], b[key])) return false;
    return true;
  }
  return false;
}

const present = (value: unknown) => value !== undefined && value !== null;

/** The leaves that differ under `path`: plain objects are followed, arrays and scalars compared whole. */
function leaves(field: ChangeField, path: string, before: unknown, after: unknown, out: FieldChange[]) {
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort())
      leaves(field, `${path}.${key}`, before[key], after[key], out);
    return;
  }
  const change: FieldChange = {
    path,
    field,
    change: !present(before) ? 'added' : !present(after) ? 'removed' : 'changed',
  };
  if (present(before)) change.before = before as DiffValue;
  if (present(after)) change.after = after as DiffValue;
  out.push(change);
}

/** Environment variables by name: added, removed, or changed when both prints say so. */
function envChanges(before: ComparedFunction, after: ComparedFunction, out: FieldChange[]) {
  const was = before.view.environmentVariables ?? {};
  const now = after.view.environmentVariables ?? {};
  for (const name of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
    const path = `environmentVariables.${name}`;
    if (!(name in was)) out.push({ path, field: 'environmentVariables', change: 'added' });
    else if (!(name in now)) out.push({ path, field: 'environmentVariables', change: 'removed' });
    else {
      const a = before.prints?.[name];
      const b = after.prints?.[name];
      // Prints made with different keys (after a key change) say nothing either way.
      if (a && b && a.split('.')[0] === b.split('.')[0] && a !== b)
        out.push({ path, field: 'environmentVariables', change: 'changed' });
    }
  }
}

/** Tags by key: `tags.env` from `prod` to `staging`. */
function tagChanges(before: FunctionView, after: FunctionView, out: FieldChange[]) {
  const map = (view: FunctionView) => new Map((view.tags ?? []).map((t) => [t.Key, t.Value ?? '']));
  const was = map(before);
  const now = map(after);
  for (const key of [...new Set([...was.keys(), ...now.keys()])].sort())
    leaves('tags', `tags.${key}`, was.get(key), now.get(key), out);
}

/**
 * What changed between two versions of a function, field by field, in the order of
 * CHANGE_FIELDS: nested objects down to their leaves, arrays whole, tags by key, environment
 * variables by name only (their values are never in the projection; a keyed print of each
 * tells that one changed). Empty when nothing of its configuration did.
 * @example diffViews({ view: { functionName: 'f', memorySize: 512 }, fcVersion: 'v3' }, { view: { functionName: 'f', memorySize: 1024 }, fcVersion: 'v3' });
 * // [{ path: 'memorySize', field: 'memorySize', change: 'changed', before: 512, after: 1024 }]
 */
export function diffViews(before: ComparedFunction, after: ComparedFunction): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of CHANGE_FIELDS) {
    if (field === 'environmentVariables') envChanges(before, after, out);
    else if (field === 'tags') tagChanges(before.view, after.view, out);
    else if (field === 'fcVersion') leaves(field, field, before.fcVersion, after.fcVersion, out);
    else leaves(field, field, before.view[field], after.view[field], out);
  }
  return out;
}
