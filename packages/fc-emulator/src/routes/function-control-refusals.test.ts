import { describe, expect, it } from 'vitest';
import { createEmulator } from '../app.ts';

const emulator = createEmulator({ fleet: { functionsPerRegion: 5 }, control: true });
const existing = emulator.fleet.region('cn-hangzhou')?.allNames()[0] ?? '';

async function send(method: string, path: string, body?: string) {
  const res = await emulator.app.request(`/__emulator/${path}`, { method, body });
  const text = await res.text();
  return {
    status: res.status,
    allow: res.headers.get('allow'),
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

describe('control routes: refusals', () => {
  const at = (name: string) => `functions/cn-hangzhou/${name}`;
  const cases: [string, string | undefined, string, RegExp][] = [
    [`PUT ${at('a')}`, '{"runtime":', '400 InvalidArgument', /^The body must be JSON: /],
    [`PATCH ${at(existing)}`, '', '400 InvalidArgument', /^The body must be JSON: /],
    [`PUT ${at('a')}`, '[]', '400 InvalidArgument', /^body: .*expected object/],
    [`PUT ${at('a')}`, 'null', '400 InvalidArgument', /^body: /],
    [`PUT ${at('a')}`, '{"memorySize":"big"}', '400 InvalidArgument', /^memorySize: .*expected number/],
    [
      `PATCH ${at(existing)}`,
      '{"vpcConfig":{"vSwitchIds":"v"}}',
      '400 InvalidArgument',
      /^vpcConfig\.vSwitchIds: /,
    ],
    [`PUT ${at('a')}`, '{"state":"Sleeping"}', '400 InvalidArgument', /^state: /],
    [
      `PUT ${at('a')}`,
      '{"functionName":"b"}',
      '400 InvalidArgument',
      /'b' in the body is not 'a' of the path/,
    ],
    [`PUT ${at('1a')}`, '{}', '400 InvalidArgument', /^Function name '1a' is invalid/],
    [`DELETE ${at('-a')}`, undefined, '400 InvalidArgument', /^Function name '-a' is invalid/],
    [`PATCH ${at('a.b')}`, '{}', '400 InvalidArgument', /^Function name 'a.b' is invalid/],
    [`PUT ${at('a%20b')}`, '{}', '400 InvalidArgument', /^Function name 'a b' is invalid/],
    [`PUT ${at('a'.repeat(129))}`, '{}', '400 InvalidArgument', /use 1-128 letters/],
    ['PUT functions/eu-west-9/a', '{}', '404 RegionNotFound', /^Region eu-west-9 is not served here/],
    [`PATCH ${at('nope')}`, '{}', '404 FunctionNotFound', /^function 'nope' does not exist$/],
    [`DELETE ${at('nope')}`, undefined, '404 FunctionNotFound', /^function 'nope' does not exist$/],
    [`POST ${at('a')}`, '{}', '405 MethodNotAllowed', /^POST is not allowed here/],
    [`GET ${at(existing)}`, undefined, '405 MethodNotAllowed', /^GET is not allowed here/],
    ['PUT functions/cn-hangzhou', '{}', '404 PathNotSupported', /is not a control route/],
    ['GET nothing', undefined, '404 PathNotSupported', /^GET \/__emulator\/nothing is not a control route/],
  ];

  it.each(cases)('%s with body %j: %s', async (request, body, answer, message) => {
    const [method = '', path = ''] = request.split(' ');
    const res = await send(method, path, body);
    expect(`${res.status} ${res.body.Code}`).toBe(answer);
    expect(res.body.Message).toMatch(message);
    expect(res.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(res.allow).toBe(res.status === 405 ? 'PUT, PATCH, DELETE' : null);
  });

  it('changes nothing when it refuses, and takes the longest legal name and a leading underscore', async () => {
    const region = emulator.fleet.region('cn-hangzhou');
    const before = region?.allNames();
    await send('PUT', 'functions/cn-hangzhou/a', '{"memorySize":"big"}');
    await send('PUT', 'functions/cn-hangzhou/1a', '{}');
    expect(region?.allNames()).toEqual(before);
    const longest = `_${'a-'.repeat(63)}Z`;
    expect(longest).toHaveLength(128);
    expect((await send('PUT', `functions/cn-hangzhou/${longest}`, '{}')).status).toBe(201);
    expect((await send('DELETE', `functions/cn-hangzhou/${longest}`)).status).toBe(204);
  });

  it('serves no control routes unless asked to', async () => {
    const plain = createEmulator({ fleet: { functionsPerRegion: 1 } });
    const res = await plain.app.request('/__emulator/functions/cn-hangzhou/a', { method: 'PUT', body: '{}' });
    expect(res.status).toBe(400);
    expect(plain.fleet.region('cn-hangzhou')?.get('a')).toBeUndefined();
  });
});
