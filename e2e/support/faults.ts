import type { FaultOptionsInput } from '@fc-fleet/fc-emulator';
import { CONTROL_PORT } from '../playwright.config.ts';

/**
 * Replaces the faults of the BFF's in-process emulator (demo mode's control port). Faults are
 * global to the shared server: a test that sets them must clear them in `finally`/`afterEach`.
 */
export async function setFaults(faults: FaultOptionsInput): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${CONTROL_PORT}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`setting faults failed: ${response.status} ${await response.text()}`);
}

/** Back to a healthy upstream. */
export const clearFaults = (): Promise<void> => setFaults({});
