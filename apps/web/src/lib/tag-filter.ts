/** The `key=value` pairs of a tags filter such as `env=prod,team=data`, in order, empty ones dropped. */
function pairs(tags: string | undefined): { key: string; raw: string }[] {
  return (tags ?? '')
    .split(',')
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) => ({ key: (raw.includes('=') ? raw.slice(0, raw.indexOf('=')) : raw).trim(), raw }));
}

/**
 * The value a tags filter asks of one key; `undefined` when it does not name the key, or names it
 * without a value (`env` alone means "has an env tag").
 * @example tagValue('env=prod,team=data', 'team') // 'data'
 */
export function tagValue(tags: string | undefined, key: string): string | undefined {
  const pair = pairs(tags).find((p) => p.key === key);
  if (!pair?.raw.includes('=')) return undefined;
  return pair.raw.slice(pair.raw.indexOf('=') + 1);
}

/**
 * The tags filter with `key` set to `value` (in the place of what it asked of that key before, or
 * at the end), or without `key` when `value` is undefined. Empty means no tags filter.
 * @example withTag('team=data', 'env', 'prod') // 'team=data,env=prod'
 */
export function withTag(
  tags: string | undefined,
  key: string,
  value: string | undefined,
): string | undefined {
  const all = pairs(tags);
  const at = all.findIndex((p) => p.key === key);
  const others = all.filter((p) => p.key !== key).map((p) => p.raw);
  if (value !== undefined) others.splice(at < 0 ? others.length : at, 0, `${key}=${value}`);
  return others.length ? others.join(',') : undefined;
}
