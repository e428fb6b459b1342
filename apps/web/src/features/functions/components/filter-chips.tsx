import { LIFECYCLE_LABELS } from '@fc-fleet/fleet-contract';
import { Button } from '../../../components/ui/button.tsx';
import { absentTags, presentTags, withTag } from '../../../lib/tag-filter.ts';
import { DEFAULT_VIEW, TEXT_FILTERS, type TextFilter, type ViewState } from '../../../lib/view-state.ts';

const NAMES: Record<TextFilter, string> = {
  prefix: 'prefix',
  q: 'search',
  runtime: 'runtime',
  gpuType: 'GPU',
  description: 'description',
  tags: 'tags',
  resourceGroupId: 'resource group',
  vpcId: 'VPC',
  vSwitchId: 'vSwitch',
  securityGroupId: 'security group',
  nasServer: 'NAS',
  ossBucket: 'OSS bucket',
  image: 'image',
  layer: 'layer',
  role: 'role',
  acceleration: 'acceleration',
};

// "Deprecated by FC" reads "lifecycle: deprecated by FC" after the filter's name.
const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/** The tags filter with only its `!key` pairs left, or undefined. */
const absentOnly = (tags: string | undefined) =>
  absentTags(tags).reduce<string | undefined>((out, key) => withTag(out, key, null), undefined);

export interface Chip {
  key: string;
  label: string;
  remove: (v: ViewState) => ViewState;
}

/** The view's filters as chips, each with how to remove it. */
export function chipsOf(view: ViewState): Chip[] {
  const chips: Chip[] = [];
  for (const name of TEXT_FILTERS) {
    // A tag asked to be absent (`!env`) is a chip of its own: "no env tag".
    const value = name === 'tags' ? presentTags(view.text.tags) : view.text[name];
    if (value)
      chips.push({
        key: name,
        label: `${NAMES[name]}: ${value}`,
        remove: (v) => ({
          ...v,
          text: { ...v.text, [name]: name === 'tags' ? absentOnly(v.text.tags) : undefined },
        }),
      });
  }
  for (const key of absentTags(view.text.tags))
    chips.push({
      key: `no-tag-${key}`,
      label: `no ${key} tag`,
      remove: (v) => ({ ...v, text: { ...v.text, tags: withTag(v.text.tags, key, undefined) } }),
    });
  for (const facet of view.has)
    chips.push({
      key: `has-${facet}`,
      label: `has ${facet}`,
      remove: (v) => ({ ...v, has: v.has.filter((h) => h !== facet) }),
    });
  for (const facet of view.lacks)
    chips.push({
      key: `lacks-${facet}`,
      label: `no ${facet}`,
      remove: (v) => ({ ...v, lacks: v.lacks.filter((h) => h !== facet) }),
    });
  const { lifecycle } = view;
  if (lifecycle)
    chips.push({
      key: 'lifecycle',
      label: `lifecycle: ${lowerFirst(LIFECYCLE_LABELS[lifecycle])}`,
      remove: (v) => ({ ...v, lifecycle: undefined }),
    });
  if (view.fcVersion)
    chips.push({
      key: 'fcVersion',
      label: `FC ${view.fcVersion === 'v2' ? '2.0' : '3.0'}`,
      remove: (v) => ({ ...v, fcVersion: undefined }),
    });
  if (view.internetAccess !== undefined)
    chips.push({
      key: 'internet',
      label: `internet: ${view.internetAccess ? 'yes' : 'no'}`,
      remove: (v) => ({ ...v, internetAccess: undefined }),
    });
  if (view.changed)
    chips.push({
      key: 'changed',
      label: `changed in the last ${view.changed}`,
      remove: (v) => ({ ...v, changed: undefined }),
    });
  if (view.memoryMin !== undefined)
    chips.push({
      key: 'memMin',
      label: `memory ≥ ${view.memoryMin} MB`,
      remove: (v) => ({ ...v, memoryMin: undefined }),
    });
  if (view.memoryMax !== undefined)
    chips.push({
      key: 'memMax',
      label: `memory ≤ ${view.memoryMax} MB`,
      remove: (v) => ({ ...v, memoryMax: undefined }),
    });
  return chips;
}

/** Active filters as removable chips, with "Clear all". */
export function FilterChips({
  view,
  setView,
}: {
  view: ViewState;
  setView: (update: (v: ViewState) => ViewState) => void;
}) {
  const chips = chipsOf(view);
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label="Active filters">
      {chips.map((chip) => (
        <li
          key={chip.key}
          className="inline-flex items-center gap-1 rounded-full bg-orange-100 py-0.5 pr-1 pl-2.5 text-xs text-orange-900 dark:bg-orange-950 dark:text-orange-100"
        >
          <span className="max-w-72 truncate">{chip.label}</span>
          <button
            type="button"
            onClick={() => setView(chip.remove)}
            aria-label={`Remove filter ${chip.label}`}
            className="rounded-full px-1 hover:bg-orange-200 dark:hover:bg-orange-900"
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <Button
          variant="link"
          size="sm"
          onClick={() =>
            setView((v) => ({
              ...DEFAULT_VIEW,
              page: v.page,
              account: v.account,
              regions: v.regions,
              sort: v.sort,
              embed: v.embed,
              theme: v.theme,
            }))
          }
        >
          Clear all
        </Button>
      </li>
    </ul>
  );
}
