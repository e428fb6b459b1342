import { Button } from '../../../components/ui/button.tsx';
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
};

interface Chip {
  key: string;
  label: string;
  remove: (v: ViewState) => ViewState;
}

function chipsOf(view: ViewState): Chip[] {
  const chips: Chip[] = [];
  for (const name of TEXT_FILTERS) {
    const value = view.text[name];
    if (value)
      chips.push({
        key: name,
        label: `${NAMES[name]}: ${value}`,
        remove: (v) => ({ ...v, text: { ...v.text, [name]: undefined } }),
      });
  }
  for (const facet of view.has)
    chips.push({
      key: `has-${facet}`,
      label: `has ${facet}`,
      remove: (v) => ({ ...v, has: v.has.filter((h) => h !== facet) }),
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
