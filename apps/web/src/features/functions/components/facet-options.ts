import type { SelectOption } from '../../../components/ui/select.tsx';
import { formatCount } from '../../../lib/format.ts';
import type { FacetName, FacetsAnswer } from '../api/types.ts';

/** How many functions of the view have each value of one facet; `undefined` while counts load. */
export type FacetCounts = ReadonlyMap<string, number> | undefined;

/** The counts of one facet by value (`true`/`false` as text; functions without a value left out). */
export function countsOf(facets: FacetsAnswer | undefined, name: FacetName): FacetCounts {
  if (!facets) return undefined;
  const counts = new Map<string, number>();
  for (const { value, count } of facets.facets[name])
    if (value !== null) counts.set(String(value), (counts.get(String(value)) ?? 0) + count);
  return counts;
}

/** `nodejs18 (203)`; just the label while counts load. */
export function withCount(label: string, count: number | undefined): string {
  return count === undefined ? label : `${label} (${formatCount(count)})`;
}

/**
 * Options of a facet's select, each with its count: the known values (in their order), then any
 * value counted in the view that is not known, then the chosen value if it is neither. A value
 * no function of the view has is disabled, unless it is the one chosen.
 * @example facetOptions(['nodejs18', 'go1'], counts, 'go1') // [{ value: 'nodejs18', label: 'nodejs18 (203)' }, …]
 */
export function facetOptions(
  known: readonly string[],
  counts: FacetCounts,
  selected: string | undefined,
  label: (value: string) => string = (value) => value,
): SelectOption[] {
  const values = [...known];
  for (const value of [...(counts?.keys() ?? []), ...(selected ? [selected] : [])])
    if (!values.includes(value)) values.push(value);
  return values.map((value) => {
    const count = counts ? (counts.get(value) ?? 0) : undefined;
    return {
      value,
      label: withCount(label(value), count),
      disabled: count === 0 && value !== selected,
    };
  });
}
