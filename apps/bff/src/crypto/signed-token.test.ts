import { describe, expect, it } from 'vitest';
import { createTokenSigner } from './signed-token.ts';

const SECRET = 'signed-token-test-secret-0123456789abcdef';

describe('signed tokens', () => {
  it('open what they sealed, and nothing sealed for another purpose or under another secret', async () => {
    const cursor = createTokenSigner(SECRET, 'cursor');
    const token = await cursor.seal({ q: 'view', n: 'é/x' });
    expect(await cursor.open(token)).toEqual({ ok: true, payload: { q: 'view', n: 'é/x' } });
    expect(await createTokenSigner(SECRET, 'session').open(token)).toEqual({ ok: false, reason: 'forged' });
    expect(await createTokenSigner(`${SECRET}!`, 'cursor').open(token)).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('refuse a changed payload or signature as forged, and what is not a token as malformed', async () => {
    const signer = createTokenSigner(SECRET, 'cursor');
    const token = await signer.seal({ limit: 50 });
    const [body = '', signature = ''] = token.split('.');
    const other = Buffer.from(JSON.stringify({ limit: 5000 })).toString('base64url');
    expect(await signer.open(`${other}.${signature}`)).toEqual({ ok: false, reason: 'forged' });
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(await signer.open(`${body}.${flipped}`)).toEqual({ ok: false, reason: 'forged' });
    for (const bad of [
      '',
      'abc',
      `${token}.x`,
      `${body}.`,
      `.${signature}`,
      `${body}.${signature}=`,
      `a b.${signature}`,
    ])
      expect(await signer.open(bad), bad).toEqual({ ok: false, reason: 'malformed' });
    // Signed, but not JSON: still refused, never thrown.
    const notJson = Buffer.from('{not json').toString('base64url');
    const sealed = await signer.seal('x');
    expect(sealed.split('.')).toHaveLength(2);
    expect((await signer.open(`${notJson}.${signature}`)).ok).toBe(false);
  });

  it('fingerprint a secret per purpose, never showing it', async () => {
    const a = await createTokenSigner(SECRET, 'session').fingerprint('token-123');
    expect(a).toMatch(/^[\w-]{22}$/);
    expect(a).toBe(await createTokenSigner(SECRET, 'session').fingerprint('token-123'));
    expect(a).not.toBe(await createTokenSigner(SECRET, 'cursor').fingerprint('token-123'));
    expect(a).not.toBe(await createTokenSigner(SECRET, 'session').fingerprint('token-124'));
    expect(a).not.toContain('token');
  });
});
