import type { IndexCursor } from '@fc-fleet/fleet-index';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { createCursorCodec, queryKey } from './cursor-codec.ts';

const SECRET = 'cursor-codec-test-secret-Zq8vN3kLp0Xw7RtY2';
const T0 = 1_700_000_000_000;

function codecAt(start = T0, secret = SECRET) {
  let time = start;
  const codec = createCursorCodec({ secret, ttlMs: 60_000, now: () => time });
  return { codec, at: (ms: number) => (time = ms) };
}

/** What a decode throws: its code and message. */
async function refusal(decoding: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await decoding;
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

const INVALID = {
  code: 'InvalidCursor',
  message: 'The cursor is not valid: it was altered or made by another server. Reload the list from the top.',
};

describe('list and history cursors', () => {
  it('give back exactly the position they were made from, in either phase, with or without a selection', async () => {
    const { codec } = codecAt();
    const positions: IndexCursor[] = [
      { phase: 'values', value: 1024, account: 'prod', region: 'cn-hangzhou', name: 'api' },
      {
        phase: 'values',
        value: 'python3.10',
        account: 'dev',
        region: 'cn-shanghai',
        name: 'a-b_c.d',
        selection: true,
      },
      { phase: 'missing', value: null, account: 'prod', region: 'cn-beijing', name: 'z' },
    ];
    for (const position of positions)
      expect(await codec.decode(await codec.encode(position, 'q1'), 'q1')).toStrictEqual(position);
    expect(await codec.decodeEventId(await codec.encodeEventId('9007199254740993', 'h1'), 'h1')).toBe(
      '9007199254740993',
    );
  });

  it('expire after their time to live, to the second', async () => {
    const { codec, at } = codecAt();
    const position: IndexCursor = { phase: 'values', value: 1, account: 'a', region: 'r', name: 'n' };
    const cursor = await codec.encode(position, 'q1');
    at(T0 + 60_000);
    expect(await codec.decode(cursor, 'q1')).toStrictEqual(position);
    at(T0 + 60_001);
    expect(await refusal(codec.decode(cursor, 'q1'))).toEqual({
      code: 'CursorExpired',
      message: 'The cursor has expired. Reload the list from the top.',
    });
  });

  it('belong to the query that made them', async () => {
    const { codec } = codecAt();
    const cursor = await codec.encodeEventId('42', 'q1');
    expect(await refusal(codec.decodeEventId(cursor, 'q2'))).toEqual({
      code: 'CursorMismatch',
      message: 'The cursor belongs to a different filter, sort or region. Reload the list from the top.',
    });
  });

  it('refuse anything altered, made with another secret, or of the other kind', async () => {
    const { codec } = codecAt();
    const position: IndexCursor = { phase: 'values', value: 1, account: 'a', region: 'r', name: 'n' };
    const list = await codec.encode(position, 'q1');
    const history = await codec.encodeEventId('42', 'q1');
    const flipped = `${list.slice(0, 10)}${list[10] === 'A' ? 'B' : 'A'}${list.slice(11)}`;
    const foreign = await codecAt(T0, `${SECRET}-other`).codec.encode(position, 'q1');
    for (const bad of [flipped, foreign, history, '', 'not-a-cursor'])
      expect(await refusal(codec.decode(bad, 'q1')), bad).toEqual(INVALID);
    expect(await refusal(codec.decodeEventId(list, 'q1'))).toEqual(INVALID);
    for (const id of ['4x', 'x4', '1'.repeat(20)])
      expect(await refusal(codec.decodeEventId(await codec.encodeEventId(id, 'q1'), 'q1')), id).toEqual(
        INVALID,
      );
  });

  it('hold positions within the wire limits only', async () => {
    const { codec } = codecAt();
    const at = (name: string, value: IndexCursor['value'] = 1) =>
      codec.encode({ phase: 'values', value, account: 'a', region: 'r', name }, 'q1');
    expect((await codec.decode(await at('n'.repeat(256)), 'q1')).name).toHaveLength(256);
    expect(await refusal(codec.decode(await at('n'.repeat(257)), 'q1'))).toEqual(INVALID);
    expect(await refusal(codec.decode(await at('n', 'v'.repeat(1025)), 'q1'))).toEqual(INVALID);
  });
});

describe('the query key a cursor is bound to', () => {
  it('is 16 hex characters, the same for the same parts and different for others', async () => {
    const a = await queryKey({ filters: { runtime: 'go1' }, sort: { field: 'name', dir: 'asc' } });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(await queryKey({ filters: { runtime: 'go1' }, sort: { field: 'name', dir: 'asc' } })).toBe(a);
    expect(await queryKey({ filters: { runtime: 'go1' }, sort: { field: 'name', dir: 'desc' } })).not.toBe(a);
  });
});
