import { PLANTED_SECRET } from '@fc-fleet/fc-emulator';
import { functionsIn, type RawFunction, REGIONS } from './fleet.ts';

/** The AccessKey secret the demo's in-process emulator accepts (its documented default). */
export const EMULATOR_KEY_SECRET = 'fc-emulator-key-secret';

/** Shorter values ("info", "10", "dev") are ordinary words that cannot identify a leak. */
const MIN_LENGTH = 8;

/**
 * Every value the emulator holds as a secret in one function, in clear: the named secret fields,
 * and the secrets it plants in free-form strings (commands, args, URLs, tracing endpoints, an OSS
 * mount's credential field, an unknown block), found by their shape wherever they are.
 */
export function secretValuesOf(fn: RawFunction): string[] {
  const jfs = fn.juiceFsConfig;
  return [
    ...(JSON.stringify(fn).match(PLANTED_SECRET) ?? []),
    ...Object.values(fn.environmentVariables ?? {}),
    fn.customContainerConfig?.registryConfig?.authConfig?.password ?? '',
    ...(jfs?.mountPoints ?? []).map((mount) => mount.token ?? ''),
    ...Object.values(jfs?.envs ?? {}),
  ].filter((value): value is string => typeof value === 'string' && value.length >= MIN_LENGTH);
}

/** The function as anyone may see it: the same object with every secret field removed. */
function withoutSecrets(fn: RawFunction): string {
  const copy = structuredClone(fn);
  delete copy.environmentVariables;
  delete copy.customContainerConfig?.registryConfig?.authConfig?.password;
  if (copy.juiceFsConfig) {
    delete copy.juiceFsConfig.envs;
    for (const mount of copy.juiceFsConfig.mountPoints ?? []) delete mount.token;
  }
  return JSON.stringify(copy).replace(PLANTED_SECRET, '');
}

/**
 * Finds which of many needles occur in a text in one pass: needles are indexed by their first
 * MIN_LENGTH characters, so the cost is one map lookup per character, not one search per needle.
 * @example createFinder(['pw-abcdefgh'])('x pw-abcdefgh y') // ['pw-abcdefgh']
 */
export function createFinder(needles: Iterable<string>): (text: string) => string[] {
  const byHead = new Map<string, string[]>();
  for (const needle of new Set(needles)) {
    if (needle.length < MIN_LENGTH) throw new Error(`needle too short to search for: ${needle}`);
    const head = needle.slice(0, MIN_LENGTH);
    byHead.set(head, [...(byHead.get(head) ?? []), needle]);
  }
  return (text) => {
    const found = new Set<string>();
    for (let i = 0; i + MIN_LENGTH <= text.length; i++) {
      const candidates = byHead.get(text.slice(i, i + MIN_LENGTH));
      for (const needle of candidates ?? []) if (text.startsWith(needle, i)) found.add(needle);
    }
    return [...found];
  };
}

/**
 * The secret values of the whole demo fleet (three regions) and the emulator's key secret, minus
 * any value the fleet also shows in a field that is not secret (such as an env var holding the
 * region name): seeing those proves nothing. What remains can only reach the browser by a leak.
 */
export function plantedSecrets(): string[] {
  const functions = REGIONS.flatMap((region) => functionsIn(region));
  const candidates = new Set([EMULATOR_KEY_SECRET, ...functions.flatMap(secretValuesOf)]);
  const alsoPublic = new Set(createFinder(candidates)(functions.map(withoutSecrets).join('\n')));
  return [...candidates].filter((value) => !alsoPublic.has(value));
}
