/** The pairs of a tags filter such as `env=prod,!team`, in order, empty ones dropped; `!team` has key `team`. */
function pairs(tags: string | undefined): { key: string; raw: string; absent: boolean }[] {
  return (tags ?? '')
    .split(',')
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) => {
      const absent = raw.startsWith('!');
      const key = (raw.includes('=') ? raw.slice(0, raw.indexOf('=')) : raw).slice(absent ? 1 : 0).trim();
      return { key, raw, absent };
    });
}

/**
 * The value a tags filter asks of one key; `undefined` when it does not name the key, names it
 * without a value (`env` alone means "has an env tag"), or asks for its absence (`!env`).
 * @example tagValue('env=prod,team=data', 'team') // 'data'
 */
export function tagValue(tags: string | undefined, key: string): string | undefined {
  const pair = pairs(tags).find((p) => p.key === key);
  if (!pair?.raw.includes('=') || pair.absent) return undefined;
  return pair.raw.slice(pair.raw.indexOf('=') + 1);
}

/**
 * The keys a tags filter asks functions not to have (`!env`: "has no env tag"), in order.
 * @example absentTags('!env,team=data') // ['env']
 */
export function absentTags(tags: string | undefined): string[] {
  return pairs(tags)
    .filter((p) => p.absent)
    .map((p) => p.key);
}

/**
 * The tags filter without its `!key` pairs (what it asks of tags that are there), or undefined.
 * @example presentTags('!env,team=data') // 'team=data'
 */
export function presentTags(tags: string | undefined): string | undefined {
  const rest = pairs(tags).filter((p) => !p.absent);
  return rest.length ? rest.map((p) => p.raw).join(',') : undefined;
}

/**
 * The tags filter with `key` set to `value` (in the place of what it asked of that key before, or
 * at the end), to "no such tag" (`!key`) when `value` is null, or without `key` when `value` is
 * undefined. Empty means no tags filter.
 * @example withTag('team=data', 'env', 'prod') // 'team=data,env=prod'
 * @example withTag('env=prod', 'env', null) // '!env'
 */
export function withTag(
  tags: string | undefined,
  key: string,
  value: string | null | undefined,
): string | undefined {
  const all = pairs(tags);
  const at = all.findIndex((p) => p.key === key);
  const others = all.filter((p) => p.key !== key).map((p) => p.raw);
  if (value !== undefined)
    others.splice(at < 0 ? others.length : at, 0, value === null ? `!${key}` : `${key}=${value}`);
  return others.length ? others.join(',') : undefined;
}
