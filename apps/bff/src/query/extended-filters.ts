import type { HasValue } from '@fc-fleet/fleet-contract';

/** Filters the cloud's ListFunctions lacks; the index answers them like every other filter. */
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
