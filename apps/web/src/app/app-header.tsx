import { useState } from 'react';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Select } from '../components/ui/select.tsx';
import type { Meta } from '../features/functions/api/types.ts';
import { apiUrl } from '../lib/api-client.ts';
import { ALL_ACCOUNTS, type ViewState } from '../lib/view-state.ts';
import { PageSwitch } from './page-switch.tsx';

/**
 * Ends the token-mode session: `POST logout` (relative to the document base, so it works under any
 * base path) clears the cookie, then the reload shows the sign-in prompt. A POST, since the BFF
 * never signs out on a GET.
 */
function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      await fetch(apiUrl('logout'), { method: 'POST', credentials: 'same-origin' });
    } finally {
      window.location.reload();
    }
  };
  return (
    <Button size="sm" variant="ghost" disabled={busy} onClick={() => void signOut()}>
      Sign out
    </Button>
  );
}

/** Title, pages, account, demo badge, theme and, in token mode, "Sign out"; hidden in embed mode. */
export function AppHeader({
  meta,
  view,
  setTheme,
  go,
}: {
  meta?: Meta;
  view: ViewState;
  setTheme: (theme: ViewState['theme']) => void;
  go: (view: ViewState) => void;
}) {
  const all = view.account === ALL_ACCOUNTS && (meta?.accounts.length ?? 0) > 1;
  const account = meta?.accounts.find((a) => a.alias === view.account) ?? meta?.accounts[0];
  return (
    <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2.5 dark:border-slate-800">
      <img src="./favicon.svg" alt="" className="h-7 w-7" />
      <h1 className="text-lg font-semibold whitespace-nowrap">FC Fleet</h1>
      <span className="hidden text-sm whitespace-nowrap text-slate-500 lg:inline dark:text-slate-400">
        Function Compute 3.0
      </span>
      <PageSwitch view={view} go={go} />
      {all ? (
        <span className="text-sm text-slate-600 dark:text-slate-300">· All accounts</span>
      ) : account ? (
        <span className="min-w-0 truncate text-sm text-slate-600 dark:text-slate-300">
          · {account.alias}
          {account.accountId ? ` (${account.accountId})` : ''}
        </span>
      ) : null}
      {meta?.demo ? <DemoBadge /> : null}
      <span className="flex-1" />
      {meta ? <span className="text-xs text-slate-500 dark:text-slate-400">v{meta.version}</span> : null}
      <Select
        label="Theme"
        value={view.theme}
        onChange={(e) =>
          setTheme(e.target.value === 'light' || e.target.value === 'dark' ? e.target.value : 'system')
        }
        options={[
          { value: 'system', label: 'Theme: system' },
          { value: 'light', label: 'Theme: light' },
          { value: 'dark', label: 'Theme: dark' },
        ]}
      />
      {meta?.auth === 'token' ? <SignOutButton /> : null}
    </header>
  );
}

/** "Demo data": in the header, and beside the controls when embedded (no header there). */
export function DemoBadge() {
  return (
    <Badge tone="demo" title="No cloud credentials: this is the built-in emulator's generated fleet">
      Demo data
    </Badge>
  );
}
