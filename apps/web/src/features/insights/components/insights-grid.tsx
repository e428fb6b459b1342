import type { InsightPick, InsightsAnswer } from '@fc-fleet/fleet-contract';
import { useCallback } from 'react';
import type { ViewState } from '../../../lib/view-state.ts';
import { BarCard } from './bar-card.tsx';
import { ChangesCard } from './changes-card.tsx';
import { GpuCard } from './gpu-card.tsx';
import {
  accelerationData,
  accountData,
  linkable,
  networkData,
  regionData,
  runtimeData,
  tagData,
} from './insight-data.ts';
import { pickTarget } from './insight-link.tsx';
import { LifecycleCard } from './lifecycle-card.tsx';
import { MemoryCard } from './memory-card.tsx';
import { TotalsCard } from './totals-card.tsx';

/**
 * Cards as wide as fit, at least 26 rem (one column on a narrow screen); the tall runtime list
 * takes two rows, the GPU table and the days whole rows, and smaller cards fill the gaps.
 */
export const GRID_CLASS =
  'grid grid-flow-row-dense gap-4 p-4 [grid-template-columns:repeat(auto-fill,minmax(min(100%,26rem),1fr))]';

/**
 * Every card of the insights for one answer. `tableSearch` is the view's query string on the table:
 * each number links to it narrowed to the functions it counts.
 */
export function InsightsGrid({
  answer,
  view,
  tableSearch,
  showAccounts,
}: {
  answer: InsightsAnswer;
  view: ViewState;
  tableSearch: string;
  showAccounts: boolean;
}) {
  const to = useCallback((pick: InsightPick) => pickTarget(tableSearch, pick), [tableSearch]);
  return (
    <div className={GRID_CLASS}>
      <TotalsCard answer={answer} to={to} />
      <BarCard
        title="Runtimes"
        file="runtimes"
        labelHeader="Runtime"
        data={linkable(runtimeData(answer))}
        to={to}
        className="row-span-2"
      />
      <LifecycleCard answer={answer} to={to} />
      <BarCard
        title="Regions"
        file="regions"
        labelHeader="Region"
        data={linkable(regionData(answer))}
        to={to}
      />
      {showAccounts ? (
        <BarCard
          title="Accounts"
          file="accounts"
          labelHeader="Account"
          data={linkable(accountData(answer))}
          to={to}
        />
      ) : null}
      <BarCard
        title="Tag env"
        file="tag-env"
        labelHeader="env"
        data={linkable(tagData(answer, 'env'))}
        to={to}
      />
      <BarCard
        title="Tag team"
        file="tag-team"
        labelHeader="team"
        data={linkable(tagData(answer, 'team'))}
        to={to}
      />
      <MemoryCard answer={answer} to={to} />
      <BarCard
        title="Network and storage"
        file="network-storage"
        labelHeader="Property"
        data={linkable(networkData(answer))}
        to={to}
      />
      <BarCard
        title="Image acceleration"
        file="acceleration"
        labelHeader="State"
        data={linkable(accelerationData(answer))}
        to={to}
        note="Container functions by the acceleration state of their image."
      />
      <GpuCard answer={answer} to={to} className="col-span-full" />
      <ChangesCard answer={answer} view={view} className="col-span-full" />
    </div>
  );
}
