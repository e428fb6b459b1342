import { Select } from '../../../components/ui/select.tsx';
import { absentTags, tagValue, withTag } from '../../../lib/tag-filter.ts';
import type { ViewState } from '../../../lib/view-state.ts';
import type { FacetsAnswer } from '../api/types.ts';
import { countsOf, facetOptions, withCount } from './facet-options.ts';

const TAG_KEYS = ['env', 'team'] as const;
// The value of a tag select that asks for functions without the tag (`tags=!env`).
const NO_TAG = '!';

/**
 * A select per counted tag key (`env`, `team`): any, none (`!env`), or one of the view's values,
 * each with how many functions of the view have it. It edits its own pair of the tags filter.
 */
export function TagSelects({
  view,
  facets,
  setView,
}: {
  view: ViewState;
  facets?: FacetsAnswer;
  setView: (update: (v: ViewState) => ViewState) => void;
}) {
  return TAG_KEYS.map((key) => {
    const chosen = absentTags(view.text.tags).includes(key) ? NO_TAG : tagValue(view.text.tags, key);
    const none = facets ? (facets.facets[key].find((c) => c.value === null)?.count ?? 0) : undefined;
    return (
      <Select
        key={key}
        label={`Tag ${key}`}
        className="w-32"
        value={chosen ?? ''}
        onChange={(e) => {
          // Read now: the updater may run after React has put the controlled value back.
          const raw = e.target.value;
          const value = raw === NO_TAG ? null : raw || undefined;
          setView((v) => ({ ...v, text: { ...v.text, tags: withTag(v.text.tags, key, value) } }));
        }}
        options={[
          { value: '', label: `${key}: any` },
          {
            value: NO_TAG,
            label: withCount(`${key}: none`, none),
            disabled: none === 0 && chosen !== NO_TAG,
          },
          ...facetOptions(
            [],
            countsOf(facets, key),
            chosen === NO_TAG ? undefined : chosen,
            (v) => `${key}: ${v}`,
          ),
        ]}
      />
    );
  });
}
