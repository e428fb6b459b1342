import { CopyButton } from '../../../components/ui/copy-button.tsx';
import type { FcFunction } from '../api/types.ts';

/** The whole object as the server sent it (secrets already masked), with a copy button. */
export function JsonTab({ fn }: { fn: FcFunction }) {
  const text = JSON.stringify(fn, null, 2);
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Secrets (environment values, registry password, mount tokens) are masked by the server.
        </p>
        <CopyButton value={text} label="Copy JSON" />
      </div>
      <pre
        className="overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs dark:bg-slate-900"
        tabIndex={0}
      >
        {text}
      </pre>
    </div>
  );
}
