import { count, expectRecord, listOf, oneOf, text } from '../../../lib/parse-fields.ts';
import { parseRegionSyncs } from '../../../lib/parse-region-sync.ts';
import type { Meta } from './types.ts';

const texts = (value: unknown, what: string) => listOf(value, what, text);

function parseAccount(value: unknown, what: string): Meta['accounts'][number] {
  const r = expectRecord(value, what);
  return {
    alias: text(r.alias, `${what}.alias`),
    accountId: typeof r.accountId === 'string' ? r.accountId : undefined,
    regions: texts(r.regions, `${what}.regions`),
  };
}

function parseGpu(value: unknown, what: string): Meta['gpuCatalog'][number] {
  const r = expectRecord(value, what);
  return {
    type: text(r.type, `${what}.type`),
    card: text(r.card, `${what}.card`),
    memoryGb: typeof r.memoryGb === 'number' ? r.memoryGb : 0,
  };
}

/** Parses `/api/meta`: who and where we list, the pickers' values, and how fresh the index is. */
export function parseMeta(body: unknown): Meta {
  const meta = expectRecord(body, 'meta');
  const facets = expectRecord(meta.facets, 'facets');
  const embed = expectRecord(meta.embed ?? {}, 'embed');
  const interval = count(meta.syncIntervalSeconds, 'syncIntervalSeconds');
  if (interval === 0) throw new Error('syncIntervalSeconds is zero');
  return {
    version: text(meta.version, 'version'),
    demo: meta.demo === true,
    auth: meta.auth === 'token' || meta.auth === 'trusted-header' ? meta.auth : 'none',
    basePath: typeof meta.basePath === 'string' ? meta.basePath : '/',
    accounts: listOf(meta.accounts, 'accounts', parseAccount),
    embed: {
      frameAncestors:
        embed.frameAncestors === undefined ? [] : texts(embed.frameAncestors, 'embed.frameAncestors'),
    },
    facets: {
      runtimes: texts(facets.runtimes, 'facets.runtimes'),
      gpuTypes: texts(facets.gpuTypes, 'facets.gpuTypes'),
      vpcIds: texts(facets.vpcIds, 'facets.vpcIds'),
    },
    gpuCatalog: listOf(meta.gpuCatalog ?? [], 'gpuCatalog', parseGpu),
    store: oneOf(meta.store, ['embedded', 'postgres'] as const, 'store'),
    syncIntervalSeconds: interval,
    sync: parseRegionSyncs(meta.sync, 'sync'),
  };
}
