import type { FcFunction } from '@fc-fleet/fc-api';
import type { RegionContext } from './generate-function.ts';
import type { Rng } from './prng.ts';
import { ENVIRONMENTS, TEAMS, TIMEOUTS } from './vocabulary.ts';

// The edits a real fleet sees week to week, each a patch of the fields it touches, or undefined
// when it does not apply to the function (no container image to bump, no layer to upgrade).

type Patch = Partial<FcFunction> | undefined;

/** What an edit may draw on besides the function: the region's shared resources and the time. */
export interface EditContext {
  rng: Rng;
  region: RegionContext;
  nowMs: number;
}

const MEMORY_STEPS = [128, 256, 512, 1024, 2048, 3072, 4096, 8192, 16_384, 32_768];

/** The next runtime a team moves to when the old one nears its end of support. */
export const RUNTIME_UPGRADES: Readonly<Record<string, string>> = {
  nodejs12: 'nodejs14',
  nodejs14: 'nodejs16',
  nodejs16: 'nodejs18',
  nodejs18: 'nodejs20',
  python3: 'python3.9',
  'python3.9': 'python3.10',
  'python3.10': 'python3.12',
  java8: 'java11',
  'custom.debian10': 'custom.debian11',
  'custom.debian11': 'custom.debian12',
};

/** Memory one step up (mostly) or down; vCPU follows when FC's 1:1 to 1:4 vCPU:GB rule needs it. */
export function resizeMemory({ rng }: EditContext, fn: FcFunction): Patch {
  const at = MEMORY_STEPS.indexOf(fn.memorySize ?? 0);
  if (at < 0 || fn.gpuConfig) return undefined;
  const up = at === 0 || (at < MEMORY_STEPS.length - 1 && rng.chance(0.7));
  const memorySize = MEMORY_STEPS[up ? at + 1 : at - 1];
  if (memorySize === undefined) return undefined;
  const gb = memorySize / 1024;
  const cpu = fn.cpu ?? gb;
  const fitted = Math.min(16, Math.max(0.05, Math.round(Math.min(gb, Math.max(gb / 4, cpu)) * 20) / 20));
  return fitted === cpu ? { memorySize } : { memorySize, cpu: fitted };
}

/** The runtime's successor (nodejs16 to nodejs18, python3.9 to python3.10). */
export function upgradeRuntime(_: EditContext, fn: FcFunction): Patch {
  const next = fn.runtime ? RUNTIME_UPGRADES[fn.runtime] : undefined;
  return next ? { runtime: next } : undefined;
}

/** Another timeout from the usual ones. */
export function changeTimeout({ rng }: EditContext, fn: FcFunction): Patch {
  return { timeout: rng.weighted(TIMEOUTS.filter(([t]) => t !== fn.timeout)) };
}

/** A release: the container image's tag moves on (v1.4.2 to v1.4.3, or a new build tag) and its digest with it. */
export function bumpImage({ rng, nowMs }: EditContext, fn: FcFunction): Patch {
  const config = fn.customContainerConfig;
  const image = config?.image;
  if (!config || !image) return undefined;
  const colon = image.lastIndexOf(':');
  const repo = colon > image.lastIndexOf('/') ? image.slice(0, colon) : image;
  const semver = /^v(\d+)\.(\d+)\.(\d+)$/.exec(image.slice(repo.length + 1));
  const tag = semver
    ? rng.chance(0.8)
      ? `v${semver[1]}.${semver[2]}.${Number(semver[3]) + 1}`
      : `v${semver[1]}.${Number(semver[2]) + 1}.0`
    : `${new Date(nowMs).toISOString().slice(0, 10).replaceAll('-', '')}-${rng.hex(7)}`;
  const digest = `@sha256:${rng.hex(64)}`;
  return {
    customContainerConfig: {
      ...config,
      image: `${repo}:${tag}`,
      resolvedImageUri: `${(config.resolvedImageUri ?? repo).replace(/@sha256:[0-9a-f]+$/, '')}${digest}`,
    },
  };
}

/** Into a VPC, or onto other vSwitches or another security group of the one it is in. */
export function moveNetwork({ rng, region }: EditContext, fn: FcFunction): Patch {
  const current = region.infra.vpcs.find((v) => v.vpcId === fn.vpcConfig?.vpcId);
  const vpc = current ?? rng.pick(region.infra.vpcs);
  const switches = vpc.vSwitchIds.filter(() => rng.chance(0.5));
  const vpcConfig = {
    vpcId: vpc.vpcId,
    vSwitchIds: switches.length > 0 ? switches : [rng.pick(vpc.vSwitchIds)],
    securityGroupId: rng.pick(vpc.securityGroupIds),
  };
  const before = fn.vpcConfig;
  const same =
    before?.vpcId === vpcConfig.vpcId &&
    before.securityGroupId === vpcConfig.securityGroupId &&
    JSON.stringify(before.vSwitchIds) === JSON.stringify(vpcConfig.vSwitchIds);
  return same ? undefined : { vpcConfig };
}

/** One layer to its next version, or a first layer for a function with none (not custom runtimes). */
export function bumpLayer({ rng, region }: EditContext, fn: FcFunction): Patch {
  const layers = fn.layers ?? [];
  if (layers.length === 0) {
    if (fn.runtime?.startsWith('custom')) return undefined;
    return { layers: [rng.pick(region.infra.layers)] };
  }
  const at = rng.int(0, layers.length - 1);
  const arn = layers[at]?.arn;
  const version = arn ? /\/versions\/(\d+)$/.exec(arn) : null;
  if (!arn || !version) return undefined;
  const bumped = {
    arn: arn.replace(/\d+$/, String(Number(version[1]) + 1)),
    size: rng.int(200_000, 240_000_000),
  };
  return { layers: layers.map((layer, i) => (i === at ? bumped : layer)) };
}

/** A team hand-over or a promotion: the `team` or `env` tag changes, or is added. */
export function retag({ rng }: EditContext, fn: FcFunction): Patch {
  const tags = fn.tags ?? [];
  const key = rng.pick(['team', 'env'] as const);
  const old = tags.find((t) => t.Key === key)?.Value;
  const value =
    key === 'team'
      ? rng.pick(TEAMS.filter((t) => t !== old))
      : rng.weighted(ENVIRONMENTS.filter(([e]) => e !== old));
  const rest = tags.filter((t) => t.Key !== key);
  return { tags: [...rest, { Key: key, Value: value }] };
}
