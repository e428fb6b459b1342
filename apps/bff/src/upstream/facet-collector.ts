import type { FunctionView } from '@fc-fleet/fleet-contract';

const MAX_VALUES = 500;

/** Values seen in upstream pages, offered to the UI as filter choices. Bounded in size. */
export function createFacetCollector() {
  const runtimes = new Set<string>();
  const gpuTypes = new Set<string>();
  const vpcIds = new Set<string>();
  const add = (set: Set<string>, value: string | null | undefined) => {
    if (value && set.size < MAX_VALUES) set.add(value);
  };
  return {
    add(functions: readonly FunctionView[]): void {
      for (const fn of functions) {
        add(runtimes, fn.runtime);
        add(gpuTypes, fn.gpuConfig?.gpuType);
        add(vpcIds, fn.vpcConfig?.vpcId);
      }
    },
    snapshot: () => ({
      runtimes: [...runtimes].sort(),
      gpuTypes: [...gpuTypes].sort(),
      vpcIds: [...vpcIds].sort(),
    }),
  };
}

/** A collector made by `createFacetCollector`. */
export type FacetCollector = ReturnType<typeof createFacetCollector>;
