import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Variables the emulator keeps per request. */
export interface EmulatorEnv {
  Variables: { requestId: string; region: string; query: Record<string, string> };
}

/** An FC error as the emulator decides it, before it becomes a response. */
export interface EmulatorError {
  status: ContentfulStatusCode;
  code: string;
  message: string;
}

/** Answers with the cloud's error body `{Code, Message, RequestId}`. */
export function errorResponse(
  c: Context<EmulatorEnv>,
  error: EmulatorError,
  headers: Record<string, string> = {},
): Response {
  const requestId = c.get('requestId');
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json({ Code: error.code, Message: error.message, RequestId: requestId }, error.status);
}

/** Shorthand for a 400 `InvalidArgument`. */
export function invalidArgument(message: string): EmulatorError {
  return { status: 400, code: 'InvalidArgument', message };
}
