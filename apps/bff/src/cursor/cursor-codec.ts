import { hmacSha256Hex, importHmacKey, sha256Hex, timingSafeEqual } from '@fc-fleet/fc-api';
import { z } from 'zod';
import { ApiError } from '../errors.ts';

const regionPosition = z.object({
  t: z.string().max(2048).optional(),
  a: z.string().max(256).optional(),
  s: z.literal(1).optional(),
});
const failure = z.object({
  region: z.string().max(64),
  code: z.string().max(64),
  message: z.string().max(512),
});

/** Where a scan stands, as the cursor carries it. */
export const cursorStateSchema = z.discriminatedUnion('m', [
  // Name order: per region, the upstream page token and the last name consumed ("done" when exhausted).
  z.object({
    m: z.literal('n'),
    r: z.record(z.string(), z.union([regionPosition, z.literal('done')])),
    f: z.array(failure).optional(),
  }),
  // Any other order: the sort key of the last row returned.
  z.object({
    m: z.literal('s'),
    v: z.tuple([z.union([z.string(), z.number(), z.null()]), z.string(), z.number().int()]),
    f: z.array(failure).optional(),
  }),
]);

/** Where a scan stands. */
export type CursorState = z.infer<typeof cursorStateSchema>;
/** One region's position in a name-ordered scan. */
export type RegionPosition = z.infer<typeof regionPosition>;
/** A region that failed earlier in this scroll. */
export type RegionFailure = z.infer<typeof failure>;

const envelope = z.object({ k: z.string(), e: z.number().int(), s: z.unknown() });

const toBase64Url = (text: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** A short hash identifying the query a cursor belongs to. */
export async function queryKey(parts: unknown): Promise<string> {
  return (await sha256Hex(JSON.stringify(parts))).slice(0, 16);
}

/**
 * Opaque, tamper-evident, expiring cursors: base64url JSON and an HMAC over it. A cursor is bound
 * to the query that made it, so it cannot be replayed against another filter.
 * @example const codec = createCursorCodec({ secret, ttlMs: 3_600_000 });
 */
export function createCursorCodec(options: { secret: string; ttlMs: number; now?: () => number }) {
  const key = importHmacKey(`cursor:${options.secret}`);
  const now = options.now ?? Date.now;
  const mac = async (body: string) => (await hmacSha256Hex(await key, body)).slice(0, 32);
  return {
    async encode(state: CursorState, query: string): Promise<string> {
      const body = toBase64Url(
        JSON.stringify({ k: query, e: Math.floor((now() + options.ttlMs) / 1000), s: state }),
      );
      return `${body}.${await mac(body)}`;
    },
    /** The state inside a cursor; throws `InvalidCursor`, `CursorExpired` or `CursorMismatch`. */
    async decode(cursor: string, query: string): Promise<CursorState> {
      const invalid = new ApiError(
        'InvalidCursor',
        'The cursor is not valid: it was altered or made by another server. Reload the list from the top.',
      );
      const [body, signature, extra] = cursor.split('.');
      if (
        !body ||
        !signature ||
        extra !== undefined ||
        !/^[\w-]+$/.test(body) ||
        !timingSafeEqual(signature, await mac(body))
      )
        throw invalid;
      let parsed: z.infer<typeof envelope>;
      try {
        parsed = envelope.parse(JSON.parse(fromBase64Url(body)));
      } catch {
        throw invalid;
      }
      if (parsed.e * 1000 < now())
        throw new ApiError('CursorExpired', 'The cursor has expired. Reload the list from the top.');
      if (parsed.k !== query)
        throw new ApiError(
          'CursorMismatch',
          'The cursor belongs to a different filter, sort or region. Reload the list from the top.',
        );
      const state = cursorStateSchema.safeParse(parsed.s);
      if (!state.success) throw invalid;
      return state.data;
    },
  };
}

/** A codec made by `createCursorCodec`. */
export type CursorCodec = ReturnType<typeof createCursorCodec>;
