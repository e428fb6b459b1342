/** The fewest different characters a token or session secret must have. */
export const MIN_DISTINCT_CHARACTERS = 10;
/** The least estimated entropy, in bits, of a token or session secret. */
export const MIN_ENTROPY_BITS = 64;

/**
 * Estimated entropy in bits: the length times the Shannon entropy of the value's own character
 * frequencies. It rates `aaaa…` at 0 and a random hex string at about 3.7 bits a character; it
 * cannot see patterns, hence the check for one sequence repeated in `secretProblem`.
 * @example estimatedBits('a'.repeat(24)); // 0
 */
export function estimatedBits(value: string): number {
  const chars = [...value];
  const counts = new Map<string, number>();
  for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const count of counts.values()) {
    const p = count / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}

/**
 * Why a shared token or secret is too easy to guess, as a rule the operator can follow, or
 * undefined when it is fine. The value itself never appears in the answer.
 * @example secretProblem(' '.repeat(24), 24); // 'must be at least 24 printable characters without spaces, …'
 */
export function secretProblem(value: string, minLength: number): string | undefined {
  const distinct = new Set(value).size;
  const weak =
    value.length < minLength ||
    !/^[\x21-\x7e]+$/.test(value) ||
    distinct < MIN_DISTINCT_CHARACTERS ||
    estimatedBits(value) < MIN_ENTROPY_BITS ||
    /^(.+?)\1+$/.test(value);
  if (!weak) return undefined;
  return (
    `must be at least ${minLength} printable characters without spaces, with at least ` +
    `${MIN_DISTINCT_CHARACTERS} different characters, about ${MIN_ENTROPY_BITS} bits of estimated entropy ` +
    'and no sequence simply repeated; generate one with `openssl rand -hex 32`'
  );
}
