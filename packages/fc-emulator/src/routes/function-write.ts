import { type FcFunction, functionSchema } from '@fc-fleet/fc-api';
import { z } from 'zod';
import { type EmulatorError, invalidArgument } from '../errors.ts';
import type { FunctionStatus, StoredFunction } from '../fleet/region-fleet.ts';
import { describeIssue } from './json-body.ts';

// The path names the function, so the body may leave `functionName` out.
const bodySchema = functionSchema.partial({ functionName: true });

const REASON_KEYS = [
  'stateReason',
  'stateReasonCode',
  'lastUpdateStatusReason',
  'lastUpdateStatusReasonCode',
] as const;
const STATUS_KEYS = ['state', 'lastUpdateStatus', ...REASON_KEYS] as const;

// GetFunction's status fields; the emulator keeps them beside the function, not in it, because
// ListFunctions leaves them out. Non-strict: the rest of the body is the function's.
const statusSchema = z.object({
  state: z.enum(['Active', 'Pending', 'Inactive', 'Failed']).optional(),
  lastUpdateStatus: z.enum(['Successful', 'InProgress', 'Failed']).optional(),
  stateReason: z.string().nullish(),
  stateReasonCode: z.string().nullish(),
  lastUpdateStatusReason: z.string().nullish(),
  lastUpdateStatusReasonCode: z.string().nullish(),
});

const ACTIVE: FunctionStatus = { state: 'Active', lastUpdateStatus: 'Successful' };

/** A validated control body: function fields without the status ones, and the status it sets. */
export interface FunctionWrite {
  fields: Partial<FcFunction>;
  status: z.infer<typeof statusSchema>;
}

/** What a write takes from the emulator: where the function lives, the time, and new ids. */
export interface WriteContext {
  region: string;
  accountId: string;
  /** The emulator's clock, formatted as the cloud does (`2026-11-01T08:00:00Z`). */
  now: string;
  newFunctionId: () => string;
}

/**
 * Validates a PUT or PATCH body for the function `name` with the protocol's `functionSchema`. A
 * `functionName` in the body must be `name`.
 * @example parseFunctionWrite({ memorySize: 1024 }, 'orders-api'); // { ok: true, write: ... }
 */
export function parseFunctionWrite(
  body: unknown,
  name: string,
): { ok: true; write: FunctionWrite } | { ok: false; error: EmulatorError } {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: invalidArgument(describeIssue(parsed.error)) };
  const status = statusSchema.safeParse(body);
  if (!status.success) return { ok: false, error: invalidArgument(describeIssue(status.error)) };
  const fields: Partial<FcFunction> = { ...parsed.data };
  for (const key of STATUS_KEYS) delete fields[key];
  if (fields.functionName !== undefined && fields.functionName !== name)
    return {
      ok: false,
      error: invalidArgument(
        `functionName '${fields.functionName}' in the body is not '${name}' of the path.`,
      ),
    };
  return { ok: true, write: { fields, status: status.data } };
}

// Shallow, like the function's fields: a given value replaces, null clears a reason.
function applyStatus(base: FunctionStatus, change: FunctionWrite['status']): FunctionStatus {
  const next: FunctionStatus = { ...base };
  if (change.state) next.state = change.state;
  if (change.lastUpdateStatus) next.lastUpdateStatus = change.lastUpdateStatus;
  for (const key of REASON_KEYS) {
    const value = change[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}

/**
 * PUT: the body becomes the whole function. Id, ARN and `createdTime` come from the function it
 * replaces, else are made new; `lastModifiedTime` is now; each only when the body has none. The
 * status is Active/Successful unless the body sets it; `fcVersion` is kept, else v3.
 * @example region.put(replaceFunction(write, 'orders-api', region.get('orders-api'), ctx));
 */
export function replaceFunction(
  write: FunctionWrite,
  name: string,
  existing: StoredFunction | undefined,
  ctx: WriteContext,
): StoredFunction {
  const fn: FcFunction = { ...write.fields, functionName: name };
  fn.functionId ??= existing?.fn.functionId ?? ctx.newFunctionId();
  fn.functionArn ??= existing?.fn.functionArn ?? `acs:fc:${ctx.region}:${ctx.accountId}:functions/${name}`;
  fn.createdTime ??= existing?.fn.createdTime ?? ctx.now;
  fn.lastModifiedTime ??= ctx.now;
  return { fn, fcVersion: existing?.fcVersion ?? 'v3', status: applyStatus(ACTIVE, write.status) };
}

/**
 * PATCH: the body's top-level keys replace the function's; nested blocks (`vpcConfig`, `tags`, ...)
 * are replaced whole, never merged, and null stores null. `lastModifiedTime` is now unless given.
 * @example region.put(patchFunction({ fields: { memorySize: 1024 }, status: {} }, stored, ctx));
 */
export function patchFunction(
  write: FunctionWrite,
  existing: StoredFunction,
  ctx: WriteContext,
): StoredFunction {
  const fn: FcFunction = { ...existing.fn, ...write.fields, functionName: existing.fn.functionName };
  fn.lastModifiedTime = write.fields.lastModifiedTime ?? ctx.now;
  return { ...existing, fn, status: applyStatus(existing.status, write.status) };
}
