import type { FcFunction } from '@fc-fleet/fc-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskArgv, maskParams, maskUrl } from './mask-free-text.ts';
import { projectFunction } from './project-function.ts';

const P = (what: string) => `PLANTED-${what}-7c1e94`;

/** A function with a secret in every place the cloud can put one, and unknown fields at every level. */
const leaky = {
  functionName: 'leaky',
  description: 'keeps its description',
  runtime: 'custom-container',
  memorySize: 4096,
  futureSecretBlock: { apiToken: P('unknown-top') },
  environmentVariables: { DB_PASSWORD: P('env') },
  vpcConfig: { vpcId: 'vpc-1', vSwitchIds: ['vsw-1'], securityGroupId: 'sg-1', unknownVpc: P('unknown-vpc') },
  ossMountConfig: {
    mountPoints: [
      {
        bucketName: 'models',
        bucketPath: '/m',
        endpoint: `http://ak:${P('oss-userinfo')}@oss-cn-hangzhou-internal.aliyuncs.com/?sig=${P('oss-query')}`,
        mountDir: '/mnt/oss',
        readOnly: true,
        accessKeySecret: P('oss-credential'),
      },
    ],
  },
  customContainerConfig: {
    image: 'registry.example/acme/api:1',
    entrypoint: ['/bin/sh', '-c', `export TOKEN=${P('entrypoint')} && exec /app/run`],
    command: ['--port', '9000', '--api-key', P('command'), `--hf-token=${P('command-eq')}`],
    healthCheckConfig: { httpGetUrl: `/ready?key=${P('health-query')}`, periodSeconds: 5 },
    registryConfig: {
      authConfig: { userName: 'robot', password: P('registry') },
      extra: P('unknown-registry'),
    },
  },
  customRuntimeConfig: {
    command: ['python3'],
    args: ['app.py', P('runtime-arg'), `--secret=${P('runtime-eq')}`],
  },
  tracingConfig: {
    type: 'Jaeger',
    params: {
      endpoint: `http://tracing.example.com/adapt_${P('tracing-path')}/api/traces`,
      token: P('tracing-value'),
    },
  },
  instanceLifecycleConfig: {
    initializer: { handler: '', timeout: 3, command: ['/code/init.sh', '--db-password', P('hook')] },
  },
  juiceFsConfig: {
    envs: { ACCESS_KEY: P('jfs-env') },
    mountPoints: [
      {
        mountDir: '/mnt/jfs',
        token: P('jfs-token'),
        args: ['--cache-size=10240', `--access-key=${P('jfs-arg')}`],
      },
    ],
  },
  tags: [{ Key: 'env', Value: 'prod' }],
} as unknown as FcFunction;

describe('projectFunction', () => {
  it('keeps no planted value from any field, known or unknown', () => {
    const text = JSON.stringify(projectFunction(leaky));
    expect(text.match(/PLANTED-[\w-]+/g) ?? []).toEqual([]);
    // The planted values really are in the input, so the check above can fail.
    expect(JSON.stringify(leaky).match(/PLANTED-[\w-]+/g)?.length).toBe(20);
  });

  it('keeps the shape an engineer needs: names, ids, flags, paths, hosts', () => {
    const view = projectFunction(leaky);
    expect(view).toMatchObject({
      functionName: 'leaky',
      description: 'keeps its description',
      environmentVariables: { DB_PASSWORD: '******' },
      vpcConfig: { vpcId: 'vpc-1', vSwitchIds: ['vsw-1'], securityGroupId: 'sg-1' },
      tags: [{ Key: 'env', Value: 'prod' }],
    });
    expect(view.customContainerConfig).toEqual({
      image: 'registry.example/acme/api:1',
      entrypoint: ['/bin/sh', '-c', '******'],
      command: ['--port', '9000', '--api-key', '******', '--hf-token=******'],
      healthCheckConfig: { httpGetUrl: '/ready?******', periodSeconds: 5 },
      registryConfig: { authConfig: { userName: 'robot', password: '******' } },
    });
    expect(view.ossMountConfig?.mountPoints?.[0]).toEqual({
      bucketName: 'models',
      bucketPath: '/m',
      endpoint: 'http://******@oss-cn-hangzhou-internal.aliyuncs.com/?******',
      mountDir: '/mnt/oss',
      readOnly: true,
    });
    expect(view.customRuntimeConfig).toEqual({
      command: ['python3'],
      args: ['app.py', '******', '--secret=******'],
    });
    expect(view.tracingConfig).toEqual({
      type: 'Jaeger',
      params: { endpoint: 'http://tracing.example.com/******', token: '******' },
    });
    expect(view.instanceLifecycleConfig?.initializer?.command).toEqual([
      '/code/init.sh',
      '--db-password',
      '******',
    ]);
    expect(view.juiceFsConfig).toEqual({
      envs: { ACCESS_KEY: '******' },
      mountPoints: [
        { mountDir: '/mnt/jfs', token: '******', args: ['--cache-size=10240', '--access-key=******'] },
      ],
    });
    expect(Object.keys(view)).not.toContain('futureSecretBlock');
  });

  it('turns nulls and odd blocks into absent fields and leaves the input untouched', () => {
    const odd = { functionName: 'odd', customDNS: null, layers: [], vpcConfig: { vpcId: '' } } as FcFunction;
    const before = structuredClone(odd);
    expect(projectFunction(odd)).toEqual({ functionName: 'odd', layers: [], vpcConfig: { vpcId: '' } });
    expect(odd).toEqual(before);
  });

  it('never lets a random secret through a free-form field (property)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_+/]{12,40}$/).map((s) => `zz${s}`);
    fc.assert(
      fc.property(secret, fc.constantFrom('--token', '-p', '--x', 'TOKEN='), (value, flag) => {
        const fn = {
          functionName: 'f',
          customContainerConfig: { command: flag.endsWith('=') ? [`${flag}${value}`] : [flag, value] },
          customRuntimeConfig: { args: [value], command: [`sh -c ${value}`] },
          tracingConfig: { params: { endpoint: `https://h.example/${value}`, other: value } },
          ossMountConfig: { mountPoints: [{ endpoint: `https://h.example/?k=${value}` }] },
        } as FcFunction;
        expect(JSON.stringify(projectFunction(fn))).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('free-text masks', () => {
  it('argv keeps flag names, small numbers, paths and file names, masks the rest', () => {
    expect(
      maskArgv(['node', 'server.js', '--port', '8080', '--config=/code/conf.yaml'], { program: true }),
    ).toEqual(['node', 'server.js', '--port', '8080', '--config=/code/conf.yaml']);
    expect(maskArgv(['abc123def456'], { program: false })).toEqual(['******']);
    expect(maskArgv(['--password', '1234'], { program: false })).toEqual(['--password', '******']);
    expect(maskArgv(['/code/bootstrap'], { program: true })).toEqual(['/code/bootstrap']);
    expect(maskArgv(['api-key-runner'], { program: true })).toEqual(['******']);
  });

  it('URLs lose user info and query, keep scheme, host and path; non-URLs are masked whole', () => {
    expect(maskUrl('https://u:p@h.example:8443/x/y?token=1#frag')).toBe(
      'https://******@h.example:8443/x/y?******',
    );
    expect(maskUrl('/healthz')).toBe('/healthz');
    expect(maskUrl('//evil.example/x')).toBe('******');
    expect(maskUrl('not a url with secret')).toBe('******');
    expect(maskUrl('https://h.example/adapt_tok/api', { keepPath: false })).toBe('https://h.example/******');
    expect(maskParams({ endpoint: 'http://t.example', k: 'v' })).toEqual({
      endpoint: 'http://t.example',
      k: '******',
    });
  });
});
