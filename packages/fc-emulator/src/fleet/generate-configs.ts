import type { FcFunction } from '@fc-fleet/fc-api';
import type { Rng } from './prng.ts';
import type { SharedInfra } from './shared-infra.ts';
import { GPU_PROFILES, PLAIN_ENV_KEYS, SECRET_ENV_KEYS } from './vocabulary.ts';

type Fn = Partial<FcFunction>;

const healthCheck = (rng: Rng) => ({
  httpGetUrl: rng.pick(['/ready', '/healthz', '/ping']),
  initialDelaySeconds: rng.int(0, 10),
  periodSeconds: rng.int(1, 10),
  timeoutSeconds: rng.int(1, 5),
  failureThreshold: rng.int(1, 5),
  successThreshold: 1,
});

/** A secret-looking value, distinct per function, so a leak test can recognise it. */
export function secretValue(rng: Rng, key: string): string {
  const prefix = key.includes('STRIPE') ? 'sk_live_' : key.includes('PASSWORD') ? 'pw-' : 'key-';
  return `${prefix}${rng.alnum(24)}`;
}

/** VPC, NAS and internet access; NAS only inside a VPC, as the cloud requires. */
export function networkConfigs(rng: Rng, infra: SharedInfra, team: string): Fn {
  if (!rng.chance(0.45)) return { internetAccess: true };
  const vpc = rng.pick(infra.vpcs);
  const out: Fn = {
    internetAccess: !rng.chance(0.15),
    vpcConfig: {
      vpcId: vpc.vpcId,
      vSwitchIds: vpc.vSwitchIds.slice(0, rng.int(1, vpc.vSwitchIds.length)),
      securityGroupId: rng.pick(vpc.securityGroupIds),
    },
  };
  if (rng.chance(0.27)) {
    const mounts = rng.int(1, 2);
    out.nasConfig = {
      userId: rng.pick([10003, 0, 1000]),
      groupId: rng.pick([10003, 0, 1000]),
      mountPoints: Array.from({ length: mounts }, (_, i) => ({
        serverAddr: `${rng.pick(infra.nasServers)}:/${team}${i ? `/${rng.pick(['models', 'cache', 'shared'])}` : ''}`,
        mountDir: i ? `/mnt/nas${i}` : '/mnt/nas',
        enableTLS: rng.chance(0.3),
      })),
    };
  }
  if (rng.chance(0.07)) {
    out.customDNS = {
      nameServers: ['100.100.2.136', '100.100.2.138'].slice(0, rng.int(1, 2)),
      searches: [`${team}.svc.cluster.local`],
      dnsOptions: [{ name: 'ndots', value: String(rng.int(1, 5)) }],
    };
  }
  return out;
}

/** OSS mounts for about one function in ten. */
export function ossConfig(rng: Rng, infra: SharedInfra, region: string): Fn {
  if (!rng.chance(0.1)) return {};
  return {
    ossMountConfig: {
      mountPoints: Array.from({ length: rng.int(1, 2) }, (_, i) => ({
        bucketName: rng.pick(infra.buckets),
        bucketPath: rng.pick(['/', '/models', '/uploads', '/exports/daily']),
        endpoint: `http://oss-${region}-internal.aliyuncs.com`,
        mountDir: `/mnt/oss${i || ''}`,
        readOnly: rng.chance(0.6),
      })),
    },
  };
}

// Both draws always happen, so the fleet's other values do not shift; only an accelerated image has a status.
function acceleration(rng: Rng): Fn['customContainerConfig'] {
  const accelerationType = rng.weighted([
    ['Default', 7],
    ['None', 3],
  ]);
  const status = rng.weighted([
    ['Ready', 80],
    ['Preparing', 12],
    ['Failed', 5],
    ['Unknown', 3],
  ]);
  return accelerationType === 'Default'
    ? { accelerationType, accelerationInfo: { status } }
    : { accelerationType };
}

/** Container config for custom-container functions, with registry credentials for private ones. */
export function containerConfig(rng: Rng, infra: SharedInfra): Fn {
  const image = rng.pick(infra.images);
  const tag = rng.pick([
    'v1.4.2',
    'v2.0.0',
    'latest',
    `2026${rng.int(1, 10).toString().padStart(2, '0')}01-${rng.hex(7)}`,
  ]);
  const digest = rng.hex(64);
  const acr = !image.private && rng.chance(0.4);
  return {
    customContainerConfig: {
      image: `${image.registry}/${image.repo}:${tag}`,
      resolvedImageUri: `${image.registry}/${image.repo}@sha256:${digest}`,
      entrypoint: rng.chance(0.5) ? ['/app/entrypoint.sh'] : [],
      command: rng.chance(0.5) ? ['--port', '9000'] : [],
      port: rng.pick([9000, 8080, 7860, 8000]),
      ...(acr ? { acrInstanceId: `cri-${rng.alnum(16)}` } : {}),
      ...acceleration(rng),
      healthCheckConfig: healthCheck(rng),
      ...(image.private
        ? {
            registryConfig: {
              authConfig: { userName: 'robot$fc-pull', password: `regpw-${rng.alnum(20)}` },
              certConfig: {
                insecure: rng.chance(0.2),
                rootCaCertBase64: rng.chance(0.5) ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' : '',
              },
              networkConfig: {
                vpcId: infra.vpcs[0]?.vpcId,
                vSwitchId: infra.vpcs[0]?.vSwitchIds[0],
                securityGroupId: infra.vpcs[0]?.securityGroupIds[0],
              },
            },
          }
        : {}),
    },
  };
}

/** Custom runtime (`custom`, `custom.debian*`) startup settings. */
export function customRuntimeConfig(rng: Rng): Fn {
  return {
    customRuntimeConfig: {
      command: [rng.pick(['/code/bootstrap', 'python3', 'node', '/code/start.sh'])],
      args: rng.chance(0.5) ? [rng.pick(['app.py', 'server.js', '--config=/code/conf.yaml'])] : [],
      port: rng.pick([9000, 8080]),
      ...(rng.chance(0.5) ? { healthCheckConfig: healthCheck(rng) } : {}),
    },
  };
}

/** GPU config: every type occurs, in rough proportion to real use. */
export function gpuConfig(rng: Rng): Fn {
  const [gpuType, maxMemory] = rng.weighted(
    GPU_PROFILES.map(([type, mem, w]) => [[type, mem] as const, w] as const),
  );
  const gpuMemorySize = rng.pick([maxMemory, maxMemory / 2, maxMemory / 4].filter((m) => m >= 2048));
  return { gpuConfig: { gpuType, gpuMemorySize } };
}

function plainValue(rng: Rng, key: (typeof PLAIN_ENV_KEYS)[number], env: string, region: string): string {
  switch (key) {
    case 'LOG_LEVEL':
      return rng.pick(['info', 'debug', 'warn']);
    case 'NODE_ENV':
      return env === 'prod' ? 'production' : env;
    case 'REGION':
      return region;
    case 'FEATURE_FLAGS':
      return rng.pick(['new-pricing,fast-path', 'none', 'beta-ui']);
    case 'DB_HOST':
      return `rm-${rng.alnum(12)}.mysql.rds.aliyuncs.com`;
    case 'QUEUE_NAME':
      return `${env}-${rng.pick(['orders', 'events', 'jobs'])}-queue`;
    case 'TZ':
      return 'Asia/Shanghai';
    case 'MAX_BATCH':
      return String(rng.pick([10, 50, 100]));
  }
}

/** Environment variables; about a third of functions hold at least one secret. */
export function environmentVariables(rng: Rng, env: string, region: string): Fn {
  if (!rng.chance(0.8)) return {};
  const vars: Record<string, string> = {};
  for (let i = rng.int(1, 5); i > 0; i--) {
    const key = rng.pick(PLAIN_ENV_KEYS);
    vars[key] = plainValue(rng, key, env, region);
  }
  if (rng.chance(0.4)) {
    for (let i = rng.int(1, 2); i > 0; i--) {
      const key = rng.pick(SECRET_ENV_KEYS);
      vars[key] = secretValue(rng, key);
    }
  }
  return { environmentVariables: vars };
}
