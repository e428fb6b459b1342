import type { FunctionView } from '@fc-fleet/fleet-contract';
import { HAS_VALUES, type HasValue } from '@fc-fleet/fleet-contract';

export { HAS_VALUES, type HasValue };

/** Filters the cloud lacks; the BFF applies them while it pages. */
export interface ExtendedFilters {
  q?: string;
  vpcId?: string;
  vSwitchId?: string;
  securityGroupId?: string;
  nasServer?: string;
  ossBucket?: string;
  image?: string;
  layer?: string;
  has?: HasValue[];
  internetAccess?: boolean;
  memoryMin?: number;
  memoryMax?: number;
  role?: string;
}

const HAS: Record<HasValue, (fn: FunctionView) => boolean> = {
  vpc: (fn) => Boolean(fn.vpcConfig?.vpcId),
  nas: (fn) => Boolean(fn.nasConfig?.mountPoints?.length),
  oss: (fn) => Boolean(fn.ossMountConfig?.mountPoints?.length),
  gpu: (fn) => Boolean(fn.gpuConfig?.gpuType),
  container: (fn) => Boolean(fn.customContainerConfig?.image),
  layers: (fn) => Boolean(fn.layers?.length),
  tracing: (fn) => Boolean(fn.tracingConfig?.type),
  logs: (fn) => Boolean(fn.logConfig?.project && fn.logConfig.logstore),
};

const includesFold = (haystack: string | null | undefined, needle: string) =>
  (haystack ?? '').toLowerCase().includes(needle);

/** The host part of a NAS `serverAddr` (`host:/path`). */
const nasHost = (addr: string | null | undefined) => (addr ?? '').split(':')[0] ?? '';

/**
 * Builds the predicate of the extended filters; every filter given must match. Ids match exactly;
 * `q`, `image`, `layer` and `role` match a case-insensitive substring; `nasServer` matches the
 * host or the whole `serverAddr`.
 * @example extendedPredicate({ has: ['gpu'], memoryMin: 4096 })(fn)
 */
export function extendedPredicate(f: ExtendedFilters): ((fn: FunctionView) => boolean) | undefined {
  const tests: ((fn: FunctionView) => boolean)[] = [];
  if (f.q) {
    const q = f.q.toLowerCase();
    tests.push(
      (fn) =>
        includesFold(fn.functionName, q) ||
        includesFold(fn.description, q) ||
        includesFold(fn.functionArn, q),
    );
  }
  if (f.vpcId) tests.push((fn) => fn.vpcConfig?.vpcId === f.vpcId);
  if (f.vSwitchId) tests.push((fn) => fn.vpcConfig?.vSwitchIds?.includes(f.vSwitchId ?? '') ?? false);
  if (f.securityGroupId) tests.push((fn) => fn.vpcConfig?.securityGroupId === f.securityGroupId);
  if (f.nasServer) {
    const server = f.nasServer;
    tests.push((fn) =>
      (fn.nasConfig?.mountPoints ?? []).some(
        (mp) => mp.serverAddr === server || nasHost(mp.serverAddr) === server,
      ),
    );
  }
  if (f.ossBucket)
    tests.push((fn) => (fn.ossMountConfig?.mountPoints ?? []).some((mp) => mp.bucketName === f.ossBucket));
  if (f.image) {
    const image = f.image.toLowerCase();
    tests.push(
      (fn) =>
        includesFold(fn.customContainerConfig?.image, image) ||
        includesFold(fn.customContainerConfig?.resolvedImageUri, image),
    );
  }
  if (f.layer) {
    const layer = f.layer.toLowerCase();
    tests.push((fn) => (fn.layers ?? []).some((l) => includesFold(l.arn, layer)));
  }
  for (const facet of f.has ?? []) tests.push(HAS[facet]);
  if (f.internetAccess !== undefined) tests.push((fn) => (fn.internetAccess ?? true) === f.internetAccess);
  if (f.memoryMin !== undefined) tests.push((fn) => (fn.memorySize ?? 0) >= (f.memoryMin ?? 0));
  if (f.memoryMax !== undefined)
    tests.push((fn) => (fn.memorySize ?? 0) <= (f.memoryMax ?? Number.POSITIVE_INFINITY));
  if (f.role) {
    const role = f.role.toLowerCase();
    tests.push((fn) => includesFold(fn.role, role) || includesFold(fn.vpcConfig?.role, role));
  }
  if (tests.length === 0) return undefined;
  return (fn) => tests.every((test) => test(fn));
}
