import { describe, expect, it } from 'vitest';
import { createEmulator } from '../app.ts';
import { isLoopbackAddress } from './loopback-only.ts';

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.10.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['::FFFF:127.0.0.2', true],
    ['10.0.0.1', false],
    ['192.0.2.2', false],
    ['::ffff:10.0.0.1', false],
    ['127.0.0.256', false],
    ['127.0.0', false],
    ['1270.0.0.1', false],
    ['::2', false],
    ['fe80::1', false],
    ['', false],
  ])('%s is loopback: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});

describe('the control routes behind loopbackOnly', () => {
  // The Node binding the server passes carries the peer; a foreign one is refused before any change.
  const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
  it('refuses a non-loopback peer with 403 AccessDenied and changes nothing; loopback passes', async () => {
    const emulator = createEmulator({ control: true, fleet: { functionsPerRegion: 5 } });
    const put = (address: string) =>
      emulator.app.request(
        '/__emulator/functions/cn-hangzhou/from-afar',
        { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"runtime":"go1"}' },
        peer(address),
      );
    const refused = await put('10.1.2.3');
    expect([refused.status, ((await refused.json()) as { Code: string }).Code]).toEqual([
      403,
      'AccessDenied',
    ]);
    expect(emulator.fleet.region('cn-hangzhou')?.get('from-afar')).toBeUndefined();
    const faults = await emulator.app.request(
      '/__emulator/faults',
      { method: 'PUT', body: '{"throttleRate":1}' },
      peer('::ffff:192.0.2.9'),
    );
    expect(faults.status).toBe(403);
    expect(emulator.faults().throttleRate).toBe(0);
    expect((await put('::ffff:127.0.0.1')).status).toBe(201);
  });
});
