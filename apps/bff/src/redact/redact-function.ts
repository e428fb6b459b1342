import type { FcFunction } from '@fc-fleet/fc-api';

/** What every secret value becomes. Fixed, so a masked value says nothing about the original. */
export const SECRET_MASK = '******';

/** A function as the BFF hands it out: the same shape, with every secret replaced by the mask. */
export type RedactedFunction = FcFunction;

/**
 * Replaces the values that are secrets in an FC function: environment variable values (keys are
 * kept), the registry password, JuiceFS mount tokens and the JuiceFS envs. Returns a new object;
 * the input is left untouched. Unknown fields pass through, so a new secret field the cloud adds
 * later would pass too: the leak test scans responses for planted values to catch that.
 * @example redactFunction(fn).environmentVariables // { DB_PASSWORD: '******' }
 */
export function redactFunction(fn: FcFunction): RedactedFunction {
  const out: FcFunction = { ...fn };
  if (fn.environmentVariables) {
    out.environmentVariables = Object.fromEntries(
      Object.keys(fn.environmentVariables).map((key) => [key, SECRET_MASK]),
    );
  }
  const registry = fn.customContainerConfig?.registryConfig;
  if (fn.customContainerConfig && registry?.authConfig) {
    const { password, ...authConfig } = registry.authConfig;
    out.customContainerConfig = {
      ...fn.customContainerConfig,
      registryConfig: {
        ...registry,
        authConfig: { ...authConfig, ...(password ? { password: SECRET_MASK } : {}) },
      },
    };
  }
  if (fn.juiceFsConfig) {
    out.juiceFsConfig = {
      ...fn.juiceFsConfig,
      envs: fn.juiceFsConfig.envs
        ? Object.fromEntries(Object.keys(fn.juiceFsConfig.envs).map((k) => [k, SECRET_MASK]))
        : fn.juiceFsConfig.envs,
      mountPoints: fn.juiceFsConfig.mountPoints?.map((mp) => ({
        ...mp,
        ...(mp.token ? { token: SECRET_MASK } : {}),
      })),
    };
  }
  return out;
}
