import { z } from 'zod';

/** FC 3.0 / POP error body: `{Code, Message, RequestId}`. */
export const popErrorBodySchema = z.looseObject({
  Code: z.string(),
  Message: z.string().nullish(),
  RequestId: z.string().nullish(),
});

/** The older FC 2.0 style: `{errorCode, errorMessage}`. */
export const legacyErrorBodySchema = z.looseObject({
  errorCode: z.string(),
  errorMessage: z.string().nullish(),
  requestId: z.string().nullish(),
});

/** An error body in either style, normalised. */
export interface ErrorBody {
  code: string;
  message: string;
  requestId?: string;
}

/** Reads either error body style; returns undefined when the body is neither. */
export function parseErrorBody(body: unknown): ErrorBody | undefined {
  const pop = popErrorBodySchema.safeParse(body);
  if (pop.success) {
    return {
      code: pop.data.Code,
      message: pop.data.Message ?? '',
      requestId: pop.data.RequestId ?? undefined,
    };
  }
  const legacy = legacyErrorBodySchema.safeParse(body);
  if (legacy.success) {
    return {
      code: legacy.data.errorCode,
      message: legacy.data.errorMessage ?? '',
      requestId: legacy.data.requestId ?? undefined,
    };
  }
  return undefined;
}
