import type { FieldChange } from '@fc-fleet/fleet-contract';
import { DiffValueText } from './diff-value.tsx';

const dim = 'text-slate-600 dark:text-slate-300';

/**
 * One line of a diff: the field's path, then `before → after`, `added: value` or `removed (was
 * value)`. An environment variable says only added, removed or changed: its value is never sent.
 */
export function FieldDiff({ change }: { change: FieldChange }) {
  const { path } = change;
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 font-mono text-xs" data-path={path}>
      <span className="font-semibold text-slate-800 dark:text-slate-100">{path}</span>
      {change.field === 'environmentVariables' ? (
        <span className={dim}>{change.change}</span>
      ) : change.change === 'changed' ? (
        <>
          <DiffValueText value={change.before} label={`old ${path}`} />
          <span className={dim} role="img" aria-label="changed to">
            →
          </span>
          <DiffValueText value={change.after} label={`new ${path}`} />
        </>
      ) : change.change === 'added' ? (
        <>
          <span className={dim}>added</span>
          {change.after === undefined ? null : <DiffValueText value={change.after} label={`new ${path}`} />}
        </>
      ) : (
        <>
          <span className={dim}>removed</span>
          {change.before === undefined ? null : (
            <>
              <span className={dim}>was</span>
              <DiffValueText value={change.before} label={`old ${path}`} />
            </>
          )}
        </>
      )}
    </li>
  );
}
