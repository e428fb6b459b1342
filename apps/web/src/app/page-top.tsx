import { type ReactNode, useCallback } from 'react';
import { useMetaQuery } from '../features/functions/api/meta-query.ts';
import { FilterChips } from '../features/functions/components/filter-chips.tsx';
import { useViewState } from '../lib/use-view-state.ts';
import type { ViewState } from '../lib/view-state.ts';
import { AppHeader, DemoBadge } from './app-header.tsx';
import { useEmbedBridge } from './embed-bridge.ts';
import { Notices } from './notices.tsx';
import { EmbeddedTitle, PageSwitch } from './page-switch.tsx';
import { useLinkRepair } from './use-link-repair.ts';
import { useNotices } from './use-notices.ts';
import { useTheme } from './use-theme.ts';

/**
 * What a page besides the table starts with: the view from the URL (repaired, with notices), the
 * theme, the embed bridge, `set` for a filter change (`replace` while typing) and `go` to a view.
 * @example const page = usePageView(); <PageTop page={page}>{controls}</PageTop>
 */
export function usePageView() {
  const { view, problems, search, setView } = useViewState();
  const meta = useMetaQuery();
  const { notices, addNotice, dismiss } = useNotices();
  useLinkRepair(view, problems, meta.data, addNotice);
  useTheme(view.theme);
  useEmbedBridge(meta.data?.embed.frameAncestors, search);
  const set = useCallback(
    (update: (v: ViewState) => ViewState, replace?: boolean) => setView(update, { replace }),
    [setView],
  );
  const go = useCallback((next: ViewState) => setView(next), [setView]);
  return { view, setView, set, go, meta: meta.data, notices, dismiss };
}

/** The header (none in embed mode, where the page switch joins the controls) and the filters: the page's controls, chips and notices. */
export function PageTop({ page, children }: { page: ReturnType<typeof usePageView>; children: ReactNode }) {
  const { view, setView, set, go, meta, notices, dismiss } = page;
  return (
    <>
      {view.embed ? (
        <EmbeddedTitle page={view.page} />
      ) : (
        <AppHeader meta={meta} view={view} go={go} setTheme={(theme) => setView((v) => ({ ...v, theme }))} />
      )}
      <section
        aria-label="Filters"
        className="space-y-2 border-b border-slate-200 px-4 py-2.5 dark:border-slate-800"
      >
        <div className="flex flex-wrap items-center gap-2">
          {view.embed ? <PageSwitch view={view} go={go} compact /> : null}
          {children}
          {meta?.demo && view.embed ? <DemoBadge /> : null}
        </div>
        <FilterChips view={view} setView={set} />
        <Notices notices={notices} dismiss={dismiss} />
      </section>
    </>
  );
}
