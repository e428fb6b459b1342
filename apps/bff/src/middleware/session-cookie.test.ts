import { describe, expect, it } from 'vitest';
import { createSessionCodec } from './session-cookie.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const HOUR = 3_600_000;

function clock(start = 1_700_000_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

function tamper(value: string, index: number): string {
  const ch = value[index] === 'A' ? 'B' : 'A';
  return value.slice(0, index) + ch + value.slice(index + 1);
}

describe('createSessionCodec', () => {
  it('round-trips the subject in the payload.signature format', async () => {
    const codec = createSessionCodec(SECRET, HOUR, clock().now);
    const value = await codec.issue('token');
    expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    await expect(codec.verify(value)).resolves.toEqual({ ok: true, subject: 'token' });
  });

  it('refuses a value whose payload or signature was changed by one character', async () => {
    const codec = createSessionCodec(SECRET, HOUR, clock().now);
    const value = await codec.issue('token');
    await expect(codec.verify(tamper(value, 3))).resolves.toEqual({ ok: false, reason: 'forged' });
    await expect(codec.verify(tamper(value, value.length - 1))).resolves.toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('refuses a value signed under another secret', async () => {
    const time = clock();
    const other = createSessionCodec(`${SECRET}-other`, HOUR, time.now);
    const codec = createSessionCodec(SECRET, HOUR, time.now);
    await expect(codec.verify(await other.issue('token'))).resolves.toEqual({ ok: false, reason: 'forged' });
  });

  it('expires after the lifetime', async () => {
    const time = clock();
    const codec = createSessionCodec(SECRET, HOUR, time.now);
    const value = await codec.issue('token');
    time.advance(HOUR - 1);
    await expect(codec.verify(value)).resolves.toMatchObject({ ok: true });
    time.advance(1);
    await expect(codec.verify(value)).resolves.toEqual({ ok: false, reason: 'expired' });
  });

  it('calls values that are not payload.signature malformed', async () => {
    const codec = createSessionCodec(SECRET, HOUR, clock().now);
    for (const value of ['', 'abc', 'a.b.c', '.sig', 'payload.']) {
      await expect(codec.verify(value)).resolves.toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a short secret at creation', () => {
    expect(() => createSessionCodec('short', HOUR, Date.now)).toThrow(/at least 32/);
  });
});
