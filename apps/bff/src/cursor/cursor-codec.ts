import { sha256Hex } from '@fc-fleet/fc-api';
import type { IndexCursor } from '@fc-fleet/fleet-index';
import { z } from 'zod';
import { createTokenSigner } from '../crypto/signed-token.ts';
import { ApiError } from '../errors.ts';

// The wire forms are short; only this module sees their keys. Every cursor is bound to its query
// (`q`) and expires (`e`); a list cursor holds a keyset position, a history cursor an event id.
const bound = z.object({ q: z.string().max(64), e: z.number().int() });
const listWire = bound.extend({
  p: z.enum(['v', 'm']),
  v: z.union([z.string().max(1024), z.number(), z.null()]),
  a: z.string().max(256),
  r: z.string().max(64),
  n: z.string().max(256),
  /** 1 when a selection found the page (see IndexCursor.selection). */
  s: z.literal(1).optional(),
});
const historyWire = bound.extend({ i: z.string().regex(/^\d{1,19}$/) });

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
  const seal = (fields: Record<string, unknown>, query: string) =>
    signer.seal({ q: query, e: Math.floor((now() + options.ttlMs) / 1000), ...fields });
  /** The checked wire form of a cursor; throws `InvalidCursor`, `CursorExpired` or `CursorMismatch`. */
  async function open<T extends z.infer<typeof bound>>(schema: z.ZodType<T>, cursor: string, query: string) {
    const opened = await signer.open(cursor);
    const parsed = opened.ok ? schema.safeParse(opened.payload) : undefined;
    if (!parsed?.success)
      throw new ApiError(
        'InvalidCursor',
        'The cursor is not valid: it was altered or made by another server. Reload the list from the top.',
      );
    const wire = parsed.data;
    if (wire.e * 1000 < now())
      throw new ApiError('CursorExpired', 'The cursor has expired. Reload the list from the top.');
    if (wire.q !== query)
      throw new ApiError(
        'CursorMismatch',
        'The cursor belongs to a different filter, sort or region. Reload the list from the top.',
      );
    return wire;
  }
  return {
    encode(cursor: IndexCursor, query: string): Promise<string> {
      return seal(
        {
          p: cursor.phase === 'values' ? 'v' : 'm',
          v: cursor.value,
          a: cursor.account,
          r: cursor.region,
          n: cursor.name,
          ...(cursor.selection ? { s: 1 } : {}),
        },
        query,
      );
    },
    /** The position inside a list cursor; throws `InvalidCursor`, `CursorExpired` or `CursorMismatch`. */
    async decode(cursor: string, query: string): Promise<IndexCursor> {
      const wire = await open(listWire, cursor, query);
      return {
        phase: wire.p === 'v' ? 'values' : 'missing',
        value: wire.v,
        account: wire.a,
        region: wire.r,
        name: wire.n,
        ...(wire.s ? { selection: true } : {}),
      };
    },
    /** A history cursor: the id of the last event of a page. */
    encodeEventId: (id: string, query: string): Promise<string> => seal({ i: id }, query),
    /** The event id inside a history cursor; throws as `decode` does. */
    decodeEventId: async (cursor: string, query: string): Promise<string> =>
      (await open(historyWire, cursor, query)).i,
  };
}

/** A codec made by `createCursorCodec`. */
export type CursorCodec = ReturnType<typeof createCursorCodec>;
