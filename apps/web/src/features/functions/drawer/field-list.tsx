import type { ReactNode } from 'react';

/** A readable list of label/value pairs; empty values show a dash rather than vanishing. */
export function FieldList({ fields }: { fields: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[13rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
      {fields.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0 break-words">
            {value === undefined || value === null || value === '' ? (
              <span className="text-slate-400 dark:text-slate-500">—</span>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What an empty section says: "No VPC configured", never nothing. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
      {children}
    </p>
  );
}

/** A titled block inside a tab. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** Monospace text for ids, paths and commands. */
export function Mono({ children }: { children: ReactNode }) {
  return <code className="font-mono text-[13px] break-all">{children}</code>;
}

/** Yes/no. */
export const yesNo = (value: boolean | null | undefined): string =>
  value === undefined || value === null ? '' : value ? 'yes' : 'no';
