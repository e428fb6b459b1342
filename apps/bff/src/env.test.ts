import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chainHasSource, resolveAccounts } from './accounts/resolve-accounts.ts';
import { type BffEnv, DEMO_SYNC_INTERVAL_SECONDS, demoEnv, parseEnv } from './env.ts';

const TOKEN = 'a-long-enough-token-0123456789';

function env(vars: Record<string, string>): BffEnv {
  const parsed = parseEnv(vars);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.env;
}

function problems(vars: Record<string, string>): string[] {
  const parsed = parseEnv(vars);
  return parsed.ok ? [] : parsed.problems;
}

/** The variable each problem line names: `PORT: ...` and `FC_REGIONS.1: ...` give PORT and FC_REGIONS. */
const named = (lines: string[]) => lines.map((line) => line.split(/[.:]/)[0]);

describe('parseEnv', () => {
  it('starts with laptop defaults: loopback, no auth, root path, no embedding', () => {
    expect(env({})).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 8080,
      FC_AUTH: 'none',
      FC_BASE_PATH: '/',
      FC_ACCOUNT_ALIAS: 'default',
      FC_FRAME_ANCESTORS: [],
      FC_TRUSTED_PROXIES: [],
      FC_DEMO: false,
      FC_LOG_LEVEL: 'info',
    });
    expect(env({}).FC_REGIONS).toBeUndefined();
    expect(
      env({ FC_REGIONS: ' cn-hangzhou, ap-southeast-1 ', FC_BASE_PATH: '/tools/fc-fleet/' }),
    ).toMatchObject({
      FC_REGIONS: ['cn-hangzhou', 'ap-southeast-1'],
      FC_BASE_PATH: '/tools/fc-fleet',
    });
  });

  it('lists every bad variable at once, one line each', () => {
    const lines = problems({
      PORT: '70000',
      FC_REGIONS: 'cn-hangzhou,Not A Region',
      FC_ENDPOINT: 'https://fc.example.com',
      FC_BASE_PATH: 'tools/fc-fleet',
      FC_FRAME_ANCESTORS: 'javascript:alert(1)',
      FC_AUTH: 'token',
      FC_AUTH_TOKEN: 'short',
    });
    expect(named(lines).sort()).toEqual(
      ['FC_AUTH_TOKEN', 'FC_BASE_PATH', 'FC_ENDPOINT', 'FC_FRAME_ANCESTORS', 'FC_REGIONS', 'PORT'].sort(),
    );
    expect(lines).toContain('FC_ENDPOINT: must contain {region}');
  });

  it('refuses FC_AUTH=token without a token and FC_AUTH=trusted-header without proxies', () => {
    expect(problems({ FC_AUTH: 'token' })).toEqual(['FC_AUTH_TOKEN: is required when FC_AUTH=token']);
    expect(problems({ FC_AUTH: 'trusted-header' })).toEqual([
      'FC_TRUSTED_PROXIES: is required when FC_AUTH=trusted-header',
    ]);
    expect(env({ FC_AUTH: 'token', FC_AUTH_TOKEN: TOKEN, HOST: '0.0.0.0' }).FC_AUTH_TOKEN).toBe(TOKEN);
  });

  it('accepts trusted proxies given as addresses and IPv4 CIDR ranges', () => {
    const parsed = env({
      FC_AUTH: 'trusted-header',
      FC_TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5,::1',
      HOST: '0.0.0.0',
    });
    expect(parsed.FC_TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.168.1.5', '::1']);
  });

  it('refuses a guessable FC_AUTH_TOKEN, stating the rule but never the value', () => {
    const weak = [' '.repeat(24), 'a'.repeat(24), 'ab'.repeat(16), '0123456789'.repeat(3)];
    for (const token of weak) {
      const lines = problems({ FC_AUTH: 'token', FC_AUTH_TOKEN: token, HOST: '0.0.0.0' });
      expect(named(lines), JSON.stringify(token)).toEqual(['FC_AUTH_TOKEN']);
      expect(lines[0]).toMatch(/at least 24 .*10 different characters/);
      expect(lines[0]).not.toContain(token.trim() || token);
    }
    for (const token of [TOKEN, 'Zq8vN3kLp0Xw7RtY2mB4cD6e', 'a0e3c1f9b27d48e6a5c0f1d2b3e4a596'])
      expect(problems({ FC_AUTH: 'token', FC_AUTH_TOKEN: token, HOST: '0.0.0.0' })).toEqual([]);
  });

  it('refuses catch-all and too wide trusted proxy ranges, saying what is accepted', () => {
    for (const entry of ['0.0.0.0/0', '::/0', '10.0.0.0/7', '2001::/15', '::ffff:0.0.0.0/96']) {
      const lines = problems({ FC_AUTH: 'trusted-header', FC_TRUSTED_PROXIES: entry, HOST: '0.0.0.0' });
      expect(named(lines), entry).toEqual(['FC_TRUSTED_PROXIES']);
      expect(lines[0]).toMatch(/IPv4 \/8 .*IPv6 \/16/);
    }
    const accepted = env({
      FC_AUTH: 'trusted-header',
      FC_TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/16, 0:0:0:0:0:0:0:1, ::ffff:10.0.0.0/104',
      HOST: '0.0.0.0',
    });
    expect(accepted.FC_TRUSTED_PROXIES).toHaveLength(4);
  });

  it('allows FC_AUTH=none only on a loopback address', () => {
    expect(named(problems({ FC_AUTH: 'none', HOST: '0.0.0.0' }))).toEqual(['FC_AUTH']);
    expect(named(problems({ HOST: '::' }))).toEqual(['FC_AUTH']);
    for (const host of ['127.0.0.1', '::1', 'localhost'])
      expect(problems({ FC_AUTH: 'none', HOST: host })).toEqual([]);
  });

  it('changes the demo fleet every 20 s by default; 0 turns it off; out of bounds is refused', () => {
    expect(env({}).FC_DEMO_CHURN_SECONDS).toBe(20);
    expect(env({ FC_DEMO_CHURN_SECONDS: '0' }).FC_DEMO_CHURN_SECONDS).toBe(0);
    expect(env({ FC_DEMO_CHURN_SECONDS: '3600' }).FC_DEMO_CHURN_SECONDS).toBe(3600);
    for (const bad of ['-1', '3601', '2.5', 'often'])
      expect(named(problems({ FC_DEMO_CHURN_SECONDS: bad })), bad).toEqual(['FC_DEMO_CHURN_SECONDS']);
  });

  it('syncs the demo every 15 s unless FC_SYNC_INTERVAL_SECONDS is set', () => {
    expect(env({}).FC_SYNC_INTERVAL_SECONDS).toBe(300);
    expect(demoEnv(env({}), {}).FC_SYNC_INTERVAL_SECONDS).toBe(DEMO_SYNC_INTERVAL_SECONDS);
    expect(DEMO_SYNC_INTERVAL_SECONDS).toBe(15);
    const vars = { FC_SYNC_INTERVAL_SECONDS: '300' };
    expect(demoEnv(env(vars), vars).FC_SYNC_INTERVAL_SECONDS).toBe(300);
    const set = { FC_SYNC_INTERVAL_SECONDS: '60', FC_DEMO_CHURN_SECONDS: '5' };
    expect(demoEnv(env(set), set)).toEqual(env(set));
  });

  it('never echoes the value of a secret it refuses', () => {
    const lines = problems({
      FC_AUTH: 'token',
      FC_AUTH_TOKEN: 'tok-SECRET-9f',
      FC_SESSION_SECRET: 'sess-SECRET-77',
    });
    expect(named(lines).sort()).toEqual(['FC_AUTH_TOKEN', 'FC_SESSION_SECRET']);
    expect(lines.join('\n')).not.toMatch(/tok-SECRET-9f|sess-SECRET-77/);
  });
});

describe('resolveAccounts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fc-fleet-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const accessKey = (alias: string, prefix: string) => ({
    alias,
    credentials: {
      type: 'access_key',
      accessKeyIdEnv: `${prefix}_ID`,
      accessKeySecretEnv: `${prefix}_SECRET`,
    },
  });
  const config = (...accounts: object[]) => JSON.stringify({ accounts });
  const VARS = {
    PROD_ID: 'prod-key-id',
    PROD_SECRET: 'PLANTED-prod-secret',
    DEV_ID: 'dev-key-id',
    DEV_SECRET: 'PLANTED-dev-secret',
  };

  it('serves the demo with FC_DEMO=1, even when an FC_CONFIG is set', async () => {
    const resolved = await resolveAccounts(
      env({ FC_DEMO: '1', FC_CONFIG: '/nonexistent.json', FC_REGIONS: 'cn-hangzhou' }),
      VARS,
    );
    expect(resolved).toMatchObject({ ok: true, demo: true, reason: 'FC_DEMO=1' });
    expect(resolved.ok && resolved.accounts.map((a) => [a.alias, a.regions])).toEqual([
      ['demo', ['cn-hangzhou']],
    ]);
  });

  it('sees the default chain only when a variable or a credentials file gives it something to find', () => {
    expect(chainHasSource({}, '/nonexistent-home')).toBe(false);
    expect(chainHasSource({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id' }, '/nonexistent-home')).toBe(true);
    const home = join(dir, 'home');
    mkdirSync(join(home, '.alibabacloud'), { recursive: true });
    expect(chainHasSource({}, home)).toBe(false);
    writeFileSync(join(home, '.alibabacloud', 'credentials'), '[default]\n');
    expect(chainHasSource({}, home)).toBe(true);
  });

  it('builds one account per FC_CONFIG entry, with credentials from the variables it names', async () => {
    const path = file(
      'two.json',
      config(
        { ...accessKey('prod', 'PROD'), accountId: '1111', regions: ['cn-hangzhou', 'cn-shanghai'] },
        { ...accessKey('dev', 'DEV'), endpoint: 'http://127.0.0.1:9100/regions/{region}' },
      ),
    );
    const resolved = await resolveAccounts(env({ FC_CONFIG: path, FC_REGIONS: 'cn-beijing' }), VARS);
    if (!resolved.ok) throw new Error(resolved.problems.join('; '));
    expect(resolved.demo).toBe(false);
    expect(resolved.accounts.map((a) => [a.alias, a.accountId, a.regions, a.endpoint])).toEqual([
      ['prod', '1111', ['cn-hangzhou', 'cn-shanghai'], 'https://fcv3.{region}.aliyuncs.com'],
      ['dev', undefined, ['cn-beijing'], 'http://127.0.0.1:9100/regions/{region}'],
    ]);
    const [prod, dev] = resolved.accounts;
    expect(await prod?.credentials()).toMatchObject({
      accessKeyId: 'prod-key-id',
      accessKeySecret: 'PLANTED-prod-secret',
    });
    expect(await dev?.credentials()).toMatchObject({
      accessKeyId: 'dev-key-id',
      accessKeySecret: 'PLANTED-dev-secret',
    });
    expect(prod?.secrets()).toEqual(expect.arrayContaining(['prod-key-id', 'PLANTED-prod-secret']));
  });

  const written = { ...accessKey('prod', 'PROD').credentials, accessKeySecret: 'PLANTED-in-file' };
  const invalid: [string, string, RegExp][] = [
    ['a bad alias', config(accessKey('has space', 'PROD')), /^FC_CONFIG accounts\.0\.alias: /],
    [
      'duplicate aliases',
      config(accessKey('prod', 'PROD'), accessKey('prod', 'DEV')),
      /aliases must be unique/,
    ],
    [
      'a missing variable',
      config(accessKey('prod', 'PROD'), accessKey('stage', 'STAGE')),
      /^FC_CONFIG account stage: environment variables STAGE_ID, STAGE_SECRET are not set$/,
    ],
    ['a secret written in the file', config({ alias: 'prod', credentials: written }), /Unrecognized key/],
    [
      'text that is not JSON',
      '{ "accounts": [ { "alias": "prod", "accessKeySecret": PLANTED-in-file } ] }',
      /^FC_CONFIG: cannot read .* as JSON \(not valid JSON/,
    ],
  ];
  for (const [name, text, expected] of invalid) {
    it(`refuses an FC_CONFIG with ${name}, naming the problem but no secret`, async () => {
      const resolved = await resolveAccounts(
        env({ FC_CONFIG: file(`${name.replaceAll(' ', '-')}.json`, text) }),
        VARS,
      );
      expect(resolved.ok).toBe(false);
      const lines = resolved.ok ? [] : resolved.problems;
      expect(
        lines.some((line) => expected.test(line)),
        lines.join('\n'),
      ).toBe(true);
      expect(lines.join('\n')).not.toMatch(/PLANTED|prod-key-id/);
    });
  }

  it('refuses an FC_CONFIG that does not exist', async () => {
    const resolved = await resolveAccounts(env({ FC_CONFIG: join(dir, 'missing.json') }), VARS);
    expect(resolved).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^FC_CONFIG: cannot read .*missing\.json/)],
    });
  });
});

describe('parseEnv: rules that tie variables together', () => {
  it('reports them in the same list as the other bad variables', async () => {
    const { parseEnv: parse } = await import('./env.ts');
    const result = parse({ HOST: '0.0.0.0', PORT: 'abc', FC_TRUSTED_PROXIES: 'fd00::/8,10.0.0.0/33,bad' });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.some((p) => p.startsWith('PORT'))).toBe(true);
    expect(problems.some((p) => p.startsWith('FC_AUTH:'))).toBe(true);
    expect(problems.filter((p) => p.startsWith('FC_TRUSTED_PROXIES')).length).toBe(3);
  });
});
