import type { FcFunction } from '@fc-fleet/fc-api';
import { createRng } from './prng.ts';

/**
 * The shape of every secret the generator plants outside the named secret fields: a prefix that
 * says where it was planted and 20 alphanumerics. Leak scans look for this shape anywhere in what
 * the BFF sends, without having to know which field hides it.
 */
export const PLANTED_SECRET = /fleetsecret-[a-z]+-[A-Za-z0-9]{20}/g;

/**
 * Puts secrets where real fleets hide them in free-form strings: container commands and
 * entrypoints, health-check URLs, tracing endpoints, hook commands, custom-runtime and JuiceFS
 * args, a credential field in an OSS mount, and a block the schema does not know yet. Draws from
 * its own generator (seeded by the region and the name), so the rest of the fleet does not shift.
 * @example plantFreeFormSecrets(fn, 'cn-hangzhou'); // fn.customContainerConfig.command may end in a token
 */
export function plantFreeFormSecrets(fn: FcFunction, region: string): void {
  const rng = createRng(`free-form-secrets/${region}/${fn.functionName}`);
  const secret = (where: string) => `fleetsecret-${where}-${rng.alnum(20)}`;
  const container = fn.customContainerConfig;
  if (container && rng.chance(0.3)) {
    container.command = [...(container.command ?? []), '--hf-token', secret('command')];
    if (rng.chance(0.5))
      container.entrypoint = [
        '/bin/sh',
        '-c',
        `export API_TOKEN=${secret('entrypoint')} && exec /app/entrypoint.sh`,
      ];
    if (container.healthCheckConfig && rng.chance(0.5))
      container.healthCheckConfig.httpGetUrl = `/ready?key=${secret('healthcheck')}`;
  }
  const runtime = fn.customRuntimeConfig;
  if (runtime && rng.chance(0.3))
    runtime.args = [...(runtime.args ?? []), `--secret=${secret('runtimearg')}`];
  const params = fn.tracingConfig?.params;
  if (params?.endpoint)
    params.endpoint = params.endpoint.replace(/adapt_[A-Za-z0-9]+/, `adapt_${secret('tracing')}`);
  const initializer = fn.instanceLifecycleConfig?.initializer;
  if (initializer?.command && rng.chance(0.5))
    initializer.command = [...initializer.command, '--db-password', secret('hook')];
  for (const mount of fn.juiceFsConfig?.mountPoints ?? [])
    mount.args = [...(mount.args ?? []), `--access-key=${secret('jfsarg')}`];
  const oss = fn.ossMountConfig?.mountPoints?.[0];
  if (oss && rng.chance(0.3)) Object.assign(oss, { accessKeySecret: secret('osscredential') });
  if (rng.chance(0.02))
    Object.assign(fn, {
      aiSidecarConfig: { endpoint: 'https://sidecar.internal', apiToken: secret('unknownfield') },
    });
}
