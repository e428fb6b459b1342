import type { FcFunction } from '@fc-fleet/fc-api';
import {
  containerConfig,
  customRuntimeConfig,
  environmentVariables,
  gpuConfig,
  networkConfigs,
  ossConfig,
} from './generate-configs.ts';
import { observabilityConfigs } from './generate-observability.ts';
import { plantFreeFormSecrets } from './plant-secrets.ts';
import type { Rng } from './prng.ts';
import type { SharedInfra } from './shared-infra.ts';
import { DESCRIPTIONS, HANDLERS, MEMORY_SIZES, ODD_DESCRIPTIONS, RUNTIMES, TIMEOUTS } from './vocabulary.ts';

/** Who a function belongs to, decided by its name. */
export interface FunctionIdentity {
  name: string;
  team: string;
  service: string;
  component: string;
  env: string;
  odd: boolean;
}

/** Everything the fleet needs about one region to make its functions. */
export interface RegionContext {
  region: string;
  accountId: string;
  infra: SharedInfra;
  /** Newest timestamp the fleet uses; fixed so that a seed always gives the same dates. */
  epochMs: number;
}

const DAY = 86_400_000;

function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function sizing(rng: Rng, gpu: boolean): Pick<FcFunction, 'memorySize' | 'cpu' | 'diskSize'> {
  const memorySize = gpu ? rng.pick([16_384, 32_768, 65_536]) : rng.weighted(MEMORY_SIZES);
  // FC 3.0 needs vCPU:GB between 1:1 and 1:4, in steps of 0.05 vCPU.
  const gb = memorySize / 1024;
  const cpu = Math.max(0.05, Math.round((gb / rng.pick([1, 1, 2, 4])) * 20) / 20);
  return { memorySize, cpu: Math.min(cpu, 16), diskSize: rng.chance(0.85) ? 512 : 10_240 };
}

/** Generates the wire object of one function; deterministic given the RNG's state. */
export function generateFunction(rng: Rng, id: FunctionIdentity, ctx: RegionContext): FcFunction {
  const runtime = rng.weighted(RUNTIMES);
  const isContainer = runtime === 'custom-container';
  const isCustom = isContainer || runtime.startsWith('custom');
  const gpu = isContainer ? rng.chance(0.3) : false;
  const family = runtime.replace(/[0-9.]+$/, '');
  const created = ctx.epochMs - rng.int(1, 4 * 365) * DAY - rng.int(0, DAY);
  const modified = Math.min(
    ctx.epochMs,
    created + rng.int(0, Math.floor((ctx.epochMs - created) / DAY)) * DAY + rng.int(0, DAY),
  );
  const description = id.odd
    ? rng.pick(ODD_DESCRIPTIONS)
    : rng.pick(DESCRIPTIONS).replace('%s', id.component).replace('%s', `${id.team}-${id.service}`);
  const fn: FcFunction = {
    functionName: id.name,
    functionId: uuid(rng),
    functionArn: `acs:fc:${ctx.region}:${ctx.accountId}:functions/${id.name}`,
    description,
    runtime,
    handler: isCustom ? 'index.handler' : (HANDLERS[family] ?? 'index.handler'),
    ...sizing(rng, gpu),
    timeout: rng.weighted(TIMEOUTS),
    instanceConcurrency: rng.weighted([
      [1, 70],
      [10, 12],
      [20, 8],
      [50, 5],
      [100, 3],
      [200, 2],
    ]),
    instanceIsolationMode: rng.weighted([
      ['SHARE', 95],
      ['SESSION_EXCLUSIVE', 5],
    ]),
    codeChecksum: String(rng.int(1e8, 9e8)) + String(rng.int(1e9, 9e9)),
    codeSize: isContainer ? 0 : rng.int(300, 104_857_600),
    createdTime: new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    lastModifiedTime: new Date(modified).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(rng.chance(0.6) ? { role: `acs:ram::${ctx.accountId}:role/${id.team}-fc-${id.env}` } : {}),
    ...(rng.chance(0.75) ? { resourceGroupId: rng.pick(ctx.infra.resourceGroups) } : {}),
    disableOndemand: rng.chance(0.02),
    ...networkConfigs(rng, ctx.infra, id.team),
    ...ossConfig(rng, ctx.infra, ctx.region),
    ...(isContainer ? containerConfig(rng, ctx.infra) : {}),
    ...(isCustom && !isContainer ? customRuntimeConfig(rng) : {}),
    ...(gpu ? gpuConfig(rng) : {}),
    ...environmentVariables(rng, id.env, ctx.region),
    ...observabilityConfigs(rng, ctx.infra, id.team, id.service, ctx.region, isCustom),
  };
  if (rng.chance(0.7)) {
    fn.tags = [
      { Key: 'env', Value: id.env },
      { Key: 'team', Value: id.team },
      ...(rng.chance(0.5) ? [{ Key: 'cost-center', Value: `cc-${rng.int(1000, 1020)}` }] : []),
      ...(rng.chance(0.2)
        ? [{ Key: 'owner', Value: `${rng.pick(['li.wei', 'zhang.min', 'a.smith', 'k.tanaka'])}` }]
        : []),
    ];
  }
  if (id.odd) applyOddities(rng, fn);
  plantFreeFormSecrets(fn, ctx.region);
  return fn;
}

// Real fleets have functions that were created by old tools or edited by hand: empty blocks,
// nulls where objects were expected, and missing optional fields.
function applyOddities(rng: Rng, fn: FcFunction): void {
  const kind = rng.int(0, 3);
  if (kind === 0) {
    fn.vpcConfig = { vpcId: '', vSwitchIds: [], securityGroupId: '' };
    fn.nasConfig = { userId: -1, groupId: -1, mountPoints: [] };
  } else if (kind === 1) {
    fn.layers = [];
    fn.ossMountConfig = { mountPoints: [] };
    fn.customDNS = null;
  } else if (kind === 2) {
    fn.environmentVariables = {};
    fn.tags = [];
    fn.logConfig = { project: '', logstore: '' };
  } else {
    delete fn.description;
    delete fn.role;
    fn.tracingConfig = {};
  }
}
