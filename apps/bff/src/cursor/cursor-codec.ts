import { sha256Hex } from '@fc-fleet/fc-api';
import type { IndexCursor } from '@fc-fleet/fleet-index';
import { z } from 'zod';
import { createTokenSigner } from '../crypto/signed-token.ts';
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
  const signer = createTokenSigner(options.secret, 'cursor');
  const now = options.now ?? Date.now;
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
      return signer.seal(wire);
    },
    /** The position inside a cursor; throws `InvalidCursor`, `CursorExpired` or `CursorMismatch`. */
    async decode(cursor: string, query: string): Promise<IndexCursor> {
      const invalid = new ApiError(
        'InvalidCursor',
        'The cursor is not valid: it was altered or made by another server. Reload the list from the top.',
      );
      const opened = await signer.open(cursor);
      const parsed = opened.ok ? wireSchema.safeParse(opened.payload) : undefined;
      if (!parsed?.success) throw invalid;
      const wire = parsed.data;
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
