import { CopyButton } from '../../../components/ui/copy-button.tsx';
import type { FunctionView } from '../api/types.ts';

/** The function as the server projected it (not the cloud's object), with a copy button. */
export function JsonTab({ fn }: { fn: FunctionView }) {
  const text = JSON.stringify(fn, null, 2);
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <p className="text-xs text-slate-500 dark:text-slate-400">
          FC Fleet's projection of this function, not the cloud's raw object: fields FC Fleet does not know
          are left out, and secrets (environment values, registry password, mount tokens, and the values in
          commands, arguments, URL queries and tracing endpoints) are masked by the server.
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
