import { hmacSha256Hex, importHmacKey, sha256Hex, timingSafeEqual } from '@fc-fleet/fc-api';
import type { IndexCursor } from '@fc-fleet/fleet-index';
import { z } from 'zod';
import { ApiError } from '../errors.ts';

// The wire form is short; only encode/decode see its keys.
const wireSchema = z.object({
  q: z.string().max(64),
  e: z.number().int(),
  p: z.enum(['v', 'm']),
  v: z.union([z.string().max(1024), z.number(), z.null()]),
  a: z.string().max(256),
  r: z.string().max(64),
  n: z.string().max(256),
  /** 1 when a selection found the page (see IndexCursor.selection). */
  s: z.literal(1).optional(),
});

const toBase64Url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const fromBase64Url = (text: string) =>
  new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64url'));

/**
 * A short hash of what a cursor is bound to: the normalised filters and sort, so the same view
 * asked with its parameters in another order gets the same key.
 * @example await queryKey({ filters, sort }); // '3f1c…' (16 hex characters)
 */
export async function queryKey(parts: unknown): Promise<string> {
  return (await sha256Hex(JSON.stringify(parts))).slice(0, 16);
}

/**
 * Opaque, tamper-evident, expiring cursors over the index's keyset position: base64url JSON and
 * an HMAC over it, bound to the query that made it, so it cannot be replayed against another view.
 * @example const codec = createCursorCodec({ secret, ttlMs: 3_600_000 }); const c = await codec.encode(next, key);
 */
export function createCursorCodec(options: { secret: string; ttlMs: number; now?: () => number }) {
  const key = importHmacKey(`cursor:${options.secret}`);
  const now = options.now ?? Date.now;
  const mac = async (body: string) => (await hmacSha256Hex(await key, body)).slice(0, 32);
  return {
    async encode(cursor: IndexCursor, query: string): Promise<string> {
      const wire: z.infer<typeof wireSchema> = {
        q: query,
        e: Math.floor((now() + options.ttlMs) / 1000),
        p: cursor.phase === 'values' ? 'v' : 'm',
        v: cursor.value,
        a: cursor.account,
        r: cursor.region,
        n: cursor.name,
        ...(cursor.selection ? { s: 1 as const } : {}),
      };
      const body = toBase64Url(JSON.stringify(wire));
      return `${body}.${await mac(body)}`;
    },
    /** The position inside a cursor; throws `InvalidCursor`, `CursorExpired` or `CursorMismatch`. */
    async decode(cursor: string, query: string): Promise<IndexCursor> {
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
      let wire: z.infer<typeof wireSchema>;
      try {
        wire = wireSchema.parse(JSON.parse(fromBase64Url(body)));
      } catch {
        throw invalid;
      }
      if (wire.e * 1000 < now())
        throw new ApiError('CursorExpired', 'The cursor has expired. Reload the list from the top.');
      if (wire.q !== query)
        throw new ApiError(
          'CursorMismatch',
          'The cursor belongs to a different filter, sort or region. Reload the list from the top.',
        );
      return {
        phase: wire.p === 'v' ? 'values' : 'missing',
        value: wire.v,
        account: wire.a,
        region: wire.r,
        name: wire.n,
        ...(wire.s ? { selection: true } : {}),
      };
    },
  };
}

/** A codec made by `createCursorCodec`. */
export type CursorCodec = ReturnType<typeof createCursorCodec>;
