import {
  CHANGE_FIELDS,
  CHANGE_KINDS,
  type ChangeEvent,
  type ChangesAnswer,
  type DiffValue,
  type FieldChange,
} from '@fc-fleet/fleet-contract';
import { expectRecord, isoTime, listOf, oneOf, optional, text } from '../../../lib/parse-fields.ts';
import { parseRegionSyncs } from '../../../lib/parse-region-sync.ts';

const CHANGES: readonly FieldChange['change'][] = ['added', 'removed', 'changed'];

/** Throws unless the value is JSON data (what a diff's before and after are). */
function diffValue(value: unknown, what: string): DiffValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => diffValue(item, `${what}[${i}]`));
  const record = expectRecord(value, what);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, diffValue(v, `${what}.${k}`)]));
}

/**
 * Parses one field's change. An environment variable's before and after are dropped even if a
 * server ever sent them: the page says "changed" and never shows a value that may be a secret.
 */
export function parseFieldChange(value: unknown, what = 'change'): FieldChange {
  const c = expectRecord(value, what);
  const field = oneOf(c.field, CHANGE_FIELDS, `${what}.field`);
  const out: FieldChange = {
    path: text(c.path, `${what}.path`),
    field,
    change: oneOf(c.change, CHANGES, `${what}.change`),
  };
  if (field === 'environmentVariables') return out;
  const before = optional(c.before, `${what}.before`, diffValue);
  const after = optional(c.after, `${what}.after`, diffValue);
  return { ...out, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

/** Parses one `ChangeEvent`. */
export function parseChangeEvent(value: unknown, what = 'event'): ChangeEvent {
  const e = expectRecord(value, what);
  const lastModifiedTime = optional(e.lastModifiedTime, `${what}.lastModifiedTime`, isoTime);
  return {
    id: text(e.id, `${what}.id`),
    kind: oneOf(e.kind, CHANGE_KINDS, `${what}.kind`),
    account: text(e.account, `${what}.account`),
    region: text(e.region, `${what}.region`),
    functionName: text(e.functionName, `${what}.functionName`),
    seenAt: isoTime(e.seenAt, `${what}.seenAt`),
    passStartedAt: isoTime(e.passStartedAt, `${what}.passStartedAt`),
    ...(lastModifiedTime === undefined ? {} : { lastModifiedTime }),
    changes: listOf(e.changes, `${what}.changes`, parseFieldChange),
  };
}

/** Parses a `/api/changes` page: its events, the cursor to older ones, and its regions' freshness. */
export function parseChanges(body: unknown): ChangesAnswer {
  const answer = expectRecord(body, 'changes');
  const cursor = optional(answer.cursor, 'cursor', text);
  return {
    changes: listOf(answer.changes, 'changes', parseChangeEvent),
    ...(cursor === undefined ? {} : { cursor }),
    regions: parseRegionSyncs(answer.regions),
  };
}
