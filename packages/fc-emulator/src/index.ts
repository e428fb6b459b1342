export * from './app.ts';
export type { EmulatorAccessKey } from './auth/credential-store.ts';
export * from './faults/fault-options.ts';
export { type ChurnEvent, type ChurnOptions, createChurn } from './fleet/churn.ts';
export {
  createDemoChurn,
  DEMO_EDITS,
  type DemoChange,
  type DemoChangeKind,
  type DemoChurn,
  type DemoChurnOptions,
} from './fleet/demo-churn.ts';
export { createFleet, DEFAULT_FLEET_EPOCH, type Fleet, type FleetOptions } from './fleet/generate-fleet.ts';
export { PLANTED_SECRET, plantFreeFormSecrets } from './fleet/plant-secrets.ts';
export { createRng, type Rng } from './fleet/prng.ts';
export type { FunctionStatus, StoredFunction } from './fleet/region-fleet.ts';
