import { createDemoChurn, type Emulator } from '@fc-fleet/fc-emulator';
import type { Logger } from '../observability/logger.ts';

/** A running demo churn; `stop` clears its timer (on shutdown). */
export interface DemoChurnTimer {
  stop(): void;
}

/**
 * Changes the demo fleet a few functions at a time every `everySeconds` (FC_DEMO_CHURN_SECONDS),
 * so the history a new user opens is alive. Nothing runs unless the accounts are the demo's own
 * emulator, nor when `everySeconds` is 0: a cloud account is never touched.
 * @example const churn = startDemoChurn(resolved, env.FC_DEMO_CHURN_SECONDS, logger); churn?.stop();
 */
export function startDemoChurn(
  resolved: { demo: boolean; emulator?: Emulator },
  everySeconds: number,
  logger: Logger,
): DemoChurnTimer | undefined {
  if (!resolved.demo || !resolved.emulator || everySeconds <= 0) return undefined;
  const churn = createDemoChurn(resolved.emulator.fleet, { seed: 'demo' });
  const timer = setInterval(() => {
    const made = churn.tick();
    logger.debug('demo fleet changed', { changes: made.length, kinds: made.map((c) => c.kind) });
  }, everySeconds * 1000);
  // The timer alone never keeps the process up; shutdown clears it all the same.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
