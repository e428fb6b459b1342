import type { FcFunction } from '@fc-fleet/fc-api';

/** What GetFunction adds to a function: its state and the status of its last update. */
export interface FunctionStatus {
  state: 'Active' | 'Pending' | 'Inactive' | 'Failed';
  stateReason?: string;
  stateReasonCode?: string;
  lastUpdateStatus: 'Successful' | 'InProgress' | 'Failed';
  lastUpdateStatusReason?: string;
  lastUpdateStatusReasonCode?: string;
}

/** A function as the emulator keeps it: the wire object plus what the wire shows elsewhere. */
export interface StoredFunction {
  fn: FcFunction;
  fcVersion: 'v3' | 'v2';
  status: FunctionStatus;
}

function lowerBound(names: readonly string[], target: string): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((names[mid] as string) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The functions of one region, kept in name order. Listing continues from a name, not an offset,
 * so functions created or deleted between pages never shift the ones a client has yet to see.
 */
export class RegionFleet {
  private readonly names: string[] = [];
  private readonly byName = new Map<string, StoredFunction>();

  constructor(
    readonly region: string,
    initial: Iterable<StoredFunction> = [],
  ) {
    for (const stored of initial) this.byName.set(stored.fn.functionName, stored);
    this.names.push(...this.byName.keys());
    this.names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get size(): number {
    return this.names.length;
  }

  get(name: string): StoredFunction | undefined {
    return this.byName.get(name);
  }

  /** Creates or replaces a function. */
  put(stored: StoredFunction): void {
    const name = stored.fn.functionName;
    if (!this.byName.has(name)) this.names.splice(lowerBound(this.names, name), 0, name);
    this.byName.set(name, stored);
  }

  /** Deletes a function; false when there was none. */
  delete(name: string): boolean {
    if (!this.byName.delete(name)) return false;
    this.names.splice(lowerBound(this.names, name), 1);
    return true;
  }

  /** Functions with names after `after` (exclusive) that start with `prefix`, in name order. */
  *scan(after: string | undefined, prefix = ''): Generator<StoredFunction> {
    let i = lowerBound(this.names, after !== undefined && after >= prefix ? after : prefix);
    if (after !== undefined && this.names[i] === after) i++;
    for (; i < this.names.length; i++) {
      const name = this.names[i] as string;
      if (!name.startsWith(prefix)) return;
      const stored = this.byName.get(name);
      if (stored) yield stored;
    }
  }

  /** Every name, in order (a copy). */
  allNames(): string[] {
    return [...this.names];
  }
}
