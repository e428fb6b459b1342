import { createHash } from 'node:crypto';
import type { FunctionView } from '@fc-fleet/fleet-contract';

/** One function as the index stores it: the columns it filters and sorts by, and the projection. */
export interface FunctionRow {
  account: string;
  region: string;
  name: string;
  fc_version: string | null;
  runtime: string | null;
  memory_size: number | null;
  cpu: number | null;
  timeout: number | null;
  code_size: number | null;
  created_time: string | null;
  last_modified_time: string | null;
  gpu_type: string | null;
  gpu_memory_size: number | null;
  vpc_id: string | null;
  vswitch_ids: string[];
  security_group_id: string | null;
  internet_access: boolean | null;
  role: string | null;
  resource_group_id: string | null;
  image: string | null;
  /** A container image's acceleration (see accelerationOf); null without an image. */
  acceleration: string | null;
  /** Image and resolved image URI, lower case, for substring search. */
  image_search: string;
  /** The function's role and its VPC role, lower case, for substring search. */
  role_search: string;
  nas_servers: string[];
  oss_buckets: string[];
  layer_arns: string[];
  features: string[];
  tags: Record<string, string>;
  tag_env: string | null;
  tag_team: string | null;
  search: string;
  description_search: string;
  content_hash: string;
  /** Keyed prints of the environment values, by name (see envPrints), or null when not made. */
  env_prints: Record<string, string> | null;
  view: FunctionView;
}

const orNull = <T>(value: T | undefined | ''): T | null =>
  value === undefined || value === '' ? null : value;
const distinct = (values: (string | undefined)[]) => [
  ...new Set(values.filter((v): v is string => Boolean(v))),
];
// A time the cloud sends that is not a time would fail the whole page's insert; keep it out instead.
const time = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? value : null);

/**
 * The feature facets (`has=`), in the order of their bits in `fleet_facet.features`; a feature
 * is only ever added at the end, since stored masks keep their meaning.
 */
export const FEATURES = ['vpc', 'nas', 'oss', 'gpu', 'container', 'layers', 'tracing', 'logs'] as const;

/** A feature facet's name. */
export type Feature = (typeof FEATURES)[number];

/**
 * The feature facets of a function (`has=`), derived the same way for filters and counts.
 * @example featuresOf({ functionName: 'f', vpcConfig: { vpcId: 'vpc-1' } }); // ['vpc']
 */
export function featuresOf(view: FunctionView): Feature[] {
  const on: Record<Feature, boolean> = {
    vpc: Boolean(view.vpcConfig?.vpcId),
    nas: Boolean(view.nasConfig?.mountPoints?.length),
    oss: Boolean(view.ossMountConfig?.mountPoints?.length),
    gpu: Boolean(view.gpuConfig?.gpuType),
    container: Boolean(view.customContainerConfig?.image),
    layers: Boolean(view.layers?.length),
    tracing: Boolean(view.tracingConfig?.type),
    logs: Boolean(view.logConfig?.project && view.logConfig.logstore),
  };
  return FEATURES.filter((name) => on[name]);
}

/**
 * The bit mask of a set of features, as `fleet_facet.features` stores it; undefined when a name
 * is not a feature (no function has it).
 * @example featureMask(['vpc', 'gpu']); // 9
 */
export function featureMask(names: readonly string[]): number | undefined {
  let mask = 0;
  for (const name of names) {
    const bit = FEATURES.indexOf(name as Feature);
    if (bit < 0) return undefined;
    mask |= 1 << bit;
  }
  return mask;
}

/**
 * A container image's acceleration as the index keeps it: null without an image, `None` when
 * turned off, else the state FC reports (`Unknown` when it reports none). The same rule as
 * migration v5's.
 * @example accelerationOf({ functionName: 'f', customContainerConfig: { image: 'i', accelerationType: 'Default', accelerationInfo: { status: 'Ready' } } }); // 'Ready'
 */
export function accelerationOf(view: FunctionView): string | null {
  const container = view.customContainerConfig;
  if (!container?.image) return null;
  if (container.accelerationType === 'None') return 'None';
  return container.accelerationInfo?.status || 'Unknown';
}

/**
 * Turns a projected function into its index row. `content_hash` covers the projection and the FC
 * version, so a pass that sees the same function again writes nothing.
 * @example functionRow('prod', 'cn-hangzhou', 'v3', view).memory_size // 1024
 */
export function functionRow(
  account: string,
  region: string,
  fcVersion: string | null,
  view: FunctionView,
  envPrints: Record<string, string> | null = null,
): FunctionRow {
  const tags = Object.fromEntries((view.tags ?? []).map((t) => [t.Key, t.Value ?? '']));
  const json = JSON.stringify(view);
  return {
    account,
    region,
    name: view.functionName,
    fc_version: fcVersion,
    runtime: orNull(view.runtime),
    memory_size: orNull(view.memorySize),
    cpu: orNull(view.cpu),
    timeout: orNull(view.timeout),
    code_size: orNull(view.codeSize),
    created_time: time(view.createdTime),
    last_modified_time: time(view.lastModifiedTime),
    gpu_type: orNull(view.gpuConfig?.gpuType),
    gpu_memory_size: orNull(view.gpuConfig?.gpuMemorySize),
    vpc_id: orNull(view.vpcConfig?.vpcId),
    vswitch_ids: distinct(view.vpcConfig?.vSwitchIds ?? []),
    security_group_id: orNull(view.vpcConfig?.securityGroupId),
    internet_access: view.internetAccess ?? null,
    role: orNull(view.role),
    resource_group_id: orNull(view.resourceGroupId),
    image: orNull(view.customContainerConfig?.image),
    acceleration: accelerationOf(view),
    image_search: [
      view.customContainerConfig?.image ?? '',
      view.customContainerConfig?.resolvedImageUri ?? '',
    ]
      .join('\n')
      .toLowerCase(),
    role_search: [view.role ?? '', view.vpcConfig?.role ?? ''].join('\n').toLowerCase(),
    // The whole `host:/path` and the host alone, so either finds the function.
    nas_servers: distinct(
      (view.nasConfig?.mountPoints ?? []).flatMap((m) => [m.serverAddr, m.serverAddr?.split(':')[0]]),
    ),
    oss_buckets: distinct((view.ossMountConfig?.mountPoints ?? []).map((m) => m.bucketName)),
    layer_arns: distinct((view.layers ?? []).map((l) => l.arn)),
    features: featuresOf(view),
    tags,
    tag_env: orNull(tags.env),
    tag_team: orNull(tags.team),
    search: [view.functionName, view.description ?? '', view.functionArn ?? ''].join('\n').toLowerCase(),
    description_search: (view.description ?? '').toLowerCase(),
    content_hash: createHash('sha1')
      .update(`${fcVersion ?? ''}\n${json}`)
      .digest('base64url'),
    env_prints: envPrints,
    view,
  };
}
