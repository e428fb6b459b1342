import type { FcFunction } from '@fc-fleet/fc-api';
import type { Rng } from './prng.ts';
import type { SharedInfra } from './shared-infra.ts';

type Fn = Partial<FcFunction>;

/** Logs, tracing, lifecycle hooks and layers: the operational extras. */
export function observabilityConfigs(
  rng: Rng,
  infra: SharedInfra,
  team: string,
  service: string,
  region: string,
  isCustom: boolean,
): Fn {
  const out: Fn = {};
  if (rng.chance(0.7)) {
    out.logConfig = {
      project: `${team}-fc-logs-${region}`,
      logstore: `fc-${service}`,
      logBeginRule: rng.pick(['DefaultRegex', 'None']),
      enableRequestMetrics: rng.chance(0.8),
      enableInstanceMetrics: rng.chance(0.6),
      enableLlmMetrics: rng.chance(0.05),
    };
  }
  if (rng.chance(0.15)) {
    out.tracingConfig = {
      type: 'Jaeger',
      params: {
        endpoint: `http://tracing-analysis-dc-${region.split('-')[1] ?? 'hz'}.aliyuncs.com/adapt_${rng.alnum(12)}/api/traces`,
      },
    };
  }
  if (rng.chance(0.15)) {
    out.instanceLifecycleConfig = {
      initializer: {
        handler: isCustom ? '' : 'index.initializer',
        timeout: rng.pick([3, 10, 30]),
        ...(isCustom ? { command: ['/code/init.sh'] } : {}),
      },
      ...(rng.chance(0.5)
        ? { preStop: { handler: isCustom ? '' : 'index.pre_stop', timeout: rng.pick([3, 10]) } }
        : {}),
    };
  }
  if (!isCustom && rng.chance(0.22)) {
    const count = rng.int(1, 3);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(rng.int(0, infra.layers.length - 1));
    out.layers = [...chosen].flatMap((i) => (infra.layers[i] ? [infra.layers[i]] : []));
  }
  if (rng.chance(0.012)) {
    out.juiceFsConfig = {
      envs: { JFS_CACHE_SIZE: '10240' },
      mountPoints: [
        {
          mountDir: '/mnt/jfs',
          remoteDir: `/${team}`,
          volumeName: `${team}-jfs`,
          token: `jfs-token-${rng.alnum(20)}`,
          args: ['--cache-size=10240'],
        },
      ],
    };
  }
  if (rng.chance(0.01)) {
    out.polarFsConfig = {
      userId: 1000,
      groupId: 1000,
      mountPoints: [
        {
          instanceId: `pfs-${rng.alnum(14)}`,
          mountDir: '/mnt/pfs',
          remoteDir: `/${team}`,
          readOnly: rng.chance(0.5),
        },
      ],
    };
  }
  return out;
}
