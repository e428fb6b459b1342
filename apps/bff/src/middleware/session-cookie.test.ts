import { describe, expect, it } from 'vitest';
import { createSessionCodec, type SessionCodecOptions } from './session-cookie.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const TOKEN = 'correct-horse-battery-staple-0123456789';
const HOUR = 3_600_000;

function codecOf(now: () => number, overrides: Partial<SessionCodecOptions> = {}) {
  return createSessionCodec({ secret: SECRET, credential: TOKEN, ttlMs: HOUR, now, ...overrides });
}

function clock(start = 1_700_000_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

function tamper(value: string, index: number): string {
  const ch = value[index] === 'A' ? 'B' : 'A';
  return value.slice(0, index) + ch + value.slice(index + 1);
}

describe('createSessionCodec', () => {
  it('round-trips a random session id in the payload.signature format', async () => {
    const codec = codecOf(clock().now);
    const first = await codec.issue();
    const second = await codec.issue();
    expect(first.value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(first.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second.sessionId).not.toBe(first.sessionId);
    await expect(codec.verify(first.value)).resolves.toEqual({ ok: true, sessionId: first.sessionId });
    await expect(codec.verify(second.value)).resolves.toEqual({ ok: true, sessionId: second.sessionId });
  });

  it('binds a session to the credential it was made with, without carrying the credential', async () => {
    const time = clock();
    const { value } = await codecOf(time.now).issue();
    const rotated = codecOf(time.now, { credential: 'a-rotated-token-Zq8vN3kLp0Xw7RtY2' });
    await expect(rotated.verify(value)).resolves.toEqual({ ok: false, reason: 'credential-changed' });
    const payload = Buffer.from(value.split('.')[0] ?? '', 'base64url').toString('utf8');
    expect(Object.keys(JSON.parse(payload)).sort()).toEqual(['cred', 'exp', 'sid']);
    expect(payload).not.toContain(TOKEN);
    expect(payload).not.toContain(TOKEN.slice(0, 8));
  });

  it('refuses a value whose payload or signature was changed by one character', async () => {
    const codec = codecOf(clock().now);
    const { value } = await codec.issue();
    await expect(codec.verify(tamper(value, 3))).resolves.toEqual({ ok: false, reason: 'forged' });
    await expect(codec.verify(tamper(value, value.length - 1))).resolves.toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('refuses a value signed under another secret', async () => {
    const time = clock();
    const other = codecOf(time.now, { secret: `${SECRET}-other` });
    const codec = codecOf(time.now);
    await expect(codec.verify((await other.issue()).value)).resolves.toEqual({ ok: false, reason: 'forged' });
  });

  it('expires after the lifetime', async () => {
    const time = clock();
    const codec = codecOf(time.now);
    const { value } = await codec.issue();
    time.advance(HOUR - 1);
    await expect(codec.verify(value)).resolves.toMatchObject({ ok: true });
    time.advance(1);
    await expect(codec.verify(value)).resolves.toEqual({ ok: false, reason: 'expired' });
  });

  it('calls values that are not payload.signature malformed', async () => {
    const codec = codecOf(clock().now);
    for (const value of ['', 'abc', 'a.b.c', '.sig', 'payload.']) {
      await expect(codec.verify(value)).resolves.toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a short secret at creation', () => {
    expect(() => codecOf(Date.now, { secret: 'short' })).toThrow(/at least 32/);
  });
});
