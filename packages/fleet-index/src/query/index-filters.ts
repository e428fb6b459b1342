import { CHANGED_WITHIN, type ChangedWithin, type Lifecycle, runtimesIn } from '@fc-fleet/fleet-contract';
import type { SqlValue } from '../db/sql-client.ts';

/** Every filter the index answers; all given must match. The BFF parses them from the URL. */
export interface IndexFilters {
  accounts?: readonly string[];
  regions?: readonly string[];
  /** Name starts with. */
  prefix?: string;
  fcVersion?: 'v2' | 'v3';
  runtime?: string;
  gpuType?: string;
  /** Case-insensitive substring of the description. */
  description?: string;
  /** Every pair must be on the function; a pair without a value matches the key alone, `Absent` a function without a value for it. */
  tags?: readonly { Key: string; Value?: string; Absent?: true }[];
  resourceGroupId?: string;
  /** Case-insensitive substring of the name, description or ARN. */
  q?: string;
  vpcId?: string;
  vSwitchId?: string;
  securityGroupId?: string;
  /** A NAS host, or a whole `host:/path`. */
  nasServer?: string;
  ossBucket?: string;
  /** Case-insensitive substring of the image or the resolved image URI. */
  image?: string;
  /** Case-insensitive substring of a layer ARN. */
  layer?: string;
  has?: readonly string[];
  /** Features the function must not have. */
  lacks?: readonly string[];
  /** The runtime's lifecycle status on the day of the query (the contract's catalogue). */
  lifecycle?: Lifecycle;
  /** A container image's acceleration state (`None`: turned off). */
  acceleration?: string;
  /** A function that does not say is taken to have internet access, as the cloud's default. */
  internetAccess?: boolean;
  memoryMin?: number;
  memoryMax?: number;
  /** Case-insensitive substring of the role or the VPC role. */
  role?: string;
  /** A pass saw the function change within the last hour, day or week. */
  changed?: ChangedWithin;
}

/** A list of SQL conditions and their parameters, numbered from `$1`. */
export interface Where {
  clauses: string[];
  params: SqlValue[];
}

/** Escapes LIKE's wildcards, so a user's `%` or `_` matches itself. */
const likeText = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Adds a parameter to the statement being built and returns its placeholder (`$3`). */
export type Param = (value: SqlValue) => string;

/**
 * Builds the WHERE of a filter set. `omit` leaves one filter out: a facet's counts are taken
 * under every filter but its own, so the other values of that facet stay visible with their counts.
 * @example const w = buildWhere({ runtime: 'nodejs18', has: ['vpc'] }); // clauses: ['runtime = $1', 'features @> $2']
 */
export function buildWhere(f: IndexFilters, omit?: keyof IndexFilters): Where {
  const params: SqlValue[] = [];
  const clauses = whereClauses(f, omit, (value) => {
    params.push(value);
    return `$${params.length}`;
  });
  return { clauses, params };
}

/**
 * The clauses of {@link buildWhere}, numbering parameters through `p`, so they can join a
 * statement that has parameters of its own.
 * @example const params: SqlValue[] = []; whereClauses({ q: 'pay' }, undefined, (v) => `$${params.push(v)}`);
 */
export function whereClauses(f: IndexFilters, omit: keyof IndexFilters | undefined, p: Param): string[] {
  const clauses: string[] = [];
  const add = (clause: (p: Param) => string) => clauses.push(clause(p));
  const use = (key: keyof IndexFilters) => key !== omit && f[key] !== undefined;
  if (use('accounts') && f.accounts) add((p) => `account = any(${p(f.accounts ?? [])}::text[])`);
  if (use('regions') && f.regions) add((p) => `region = any(${p(f.regions ?? [])}::text[])`);
  if (use('prefix') && f.prefix) {
    const prefix = f.prefix;
    // A range, not LIKE: it uses the name index and needs no escaping.
    add((p) => `name >= ${p(prefix)} and name < ${p(`${prefix}\uffff`)}`);
  }
  for (const [key, column] of [
    ['fcVersion', 'fc_version'],
    ['runtime', 'runtime'],
    ['gpuType', 'gpu_type'],
    ['resourceGroupId', 'resource_group_id'],
    ['vpcId', 'vpc_id'],
    ['securityGroupId', 'security_group_id'],
  ] as const) {
    const value = f[key];
    if (use(key) && value) add((p) => `${column} = ${p(value)}`);
  }
  if (use('description') && f.description) {
    const text = f.description;
    add((p) => `description_search like ${p(likeText(text))}`);
  }
  if (use('q') && f.q) add((p) => `search like ${p(likeText(f.q ?? ''))}`);
  if (use('image') && f.image) add((p) => `image_search like ${p(likeText(f.image ?? ''))}`);
  if (use('role') && f.role) add((p) => `role_search like ${p(likeText(f.role ?? ''))}`);
  if (use('layer') && f.layer)
    add(
      (p) =>
        `exists (select 1 from unnest(layer_arns) as arn where lower(arn) like ${p(likeText(f.layer ?? ''))})`,
    );
  if (use('vSwitchId') && f.vSwitchId) add((p) => `vswitch_ids @> array[${p(f.vSwitchId ?? '')}]::text[]`);
  if (use('nasServer') && f.nasServer) add((p) => `nas_servers @> array[${p(f.nasServer ?? '')}]::text[]`);
  if (use('ossBucket') && f.ossBucket) add((p) => `oss_buckets @> array[${p(f.ossBucket ?? '')}]::text[]`);
  if (use('has') && f.has?.length) add((p) => `features @> ${p(f.has ?? [])}::text[]`);
  if (use('lacks') && f.lacks?.length) add((p) => `not (features && ${p(f.lacks ?? [])}::text[])`);
  if (use('lifecycle') && f.lifecycle) {
    const runtimes = runtimesIn(f.lifecycle, new Date());
    add((p) =>
      'in' in runtimes
        ? `runtime = any(${p(runtimes.in)}::text[])`
        : `not coalesce(runtime = any(${p(runtimes.not)}::text[]), false)`,
    );
  }
  if (use('acceleration') && f.acceleration) add((p) => `acceleration = ${p(f.acceleration ?? '')}`);
  if (use('internetAccess') && f.internetAccess !== undefined)
    add((p) => `coalesce(internet_access, true) = ${p(f.internetAccess ?? true)}`);
  // A function without a memory size counts as 0. Written so the memory index can be used.
  if (use('memoryMin') && f.memoryMin !== undefined) {
    const min = f.memoryMin;
    add((p) => (min > 0 ? `memory_size >= ${p(min)}` : `(memory_size >= ${p(min)} or memory_size is null)`));
  }
  if (use('memoryMax') && f.memoryMax !== undefined) {
    const max = f.memoryMax;
    add((p) => (max >= 0 ? `(memory_size <= ${p(max)} or memory_size is null)` : `memory_size <= ${p(max)}`));
  }
  if (use('changed') && f.changed) {
    const seconds = CHANGED_WITHIN[f.changed];
    add((p) => `last_changed_at >= now() - make_interval(secs => ${p(seconds)})`);
  }
  if (use('tags'))
    for (const tag of f.tags ?? []) {
      // No tag of the key, or one without a value: as tag_env and tag_team keep them (null).
      if (tag.Absent) add((p) => `coalesce(tags ->> ${p(tag.Key)}, '') = ''`);
      else if (tag.Value === undefined) add((p) => `tags ? ${p(tag.Key)}`);
      else add((p) => `tags @> ${p(JSON.stringify({ [tag.Key]: tag.Value }))}::jsonb`);
    }
  return clauses;
}
