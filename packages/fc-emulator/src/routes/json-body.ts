import type { Context } from 'hono';
import type { z } from 'zod';
import { type EmulatorEnv, type EmulatorError, invalidArgument } from '../errors.ts';

/**
 * Reads the request body as JSON. A body that does not parse is a 400 carrying the parser's reason,
 * so a hand-written curl shows what to fix.
 * @example
 * const body = await readJsonBody(c);
 * if (!body.ok) return errorResponse(c, body.error);
 */
export async function readJsonBody(
  c: Context<EmulatorEnv>,
): Promise<{ ok: true; value: unknown } | { ok: false; error: EmulatorError }> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : 'it does not parse';
    return { ok: false, error: invalidArgument(`The body must be JSON: ${reason}.`) };
  }
}

/**
 * A zod failure as one line, `path: message`, naming `body` when the body itself is wrong.
 * @example describeIssue(schema.safeParse([]).error); // 'body: Invalid input: expected object, received array'
 */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'body: invalid';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${issue.path.join('.') || 'body'}: ${issue.message}${more}`;
}
