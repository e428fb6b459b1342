import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/test-app.ts';

const TOKEN = 'a-long-dashboard-token-0123456789';
const bearer = { headers: { authorization: `Bearer ${TOKEN}` } };
const proxy = { incoming: { socket: { remoteAddress: '10.0.0.5' } } };

describe('GET /api/meta', () => {
  it('tells the UI how users sign in, so it shows Sign out only in token mode', async () => {
    const none = createTestApp({ emulator: { fleet: { functionsPerRegion: 5 } } });
    expect((await none.get('/api/meta')).body.auth).toBe('none');

    const token = createTestApp({
      env: { FC_AUTH: 'token', FC_AUTH_TOKEN: TOKEN },
      emulator: { fleet: { functionsPerRegion: 5 } },
    });
    const tokenMeta = await token.get('/api/meta', bearer);
    expect(tokenMeta.body.auth).toBe('token');
    expect(JSON.stringify(tokenMeta.body)).not.toContain(TOKEN);

    const header = createTestApp({
      env: { FC_AUTH: 'trusted-header', FC_TRUSTED_PROXIES: '10.0.0.5' },
      emulator: { fleet: { functionsPerRegion: 5 } },
    });
    const res = await header.app.request('/api/meta', { headers: { 'x-forwarded-user': 'alice' } }, proxy);
    expect(((await res.json()) as Record<string, unknown>).auth).toBe('trusted-header');
  });
});
