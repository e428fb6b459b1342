import type { ChangeKind } from '@fc-fleet/fleet-contract';
import { cva } from 'class-variance-authority';

const kindVariants = cva(
  'inline-flex min-w-[5.75rem] shrink-0 items-center justify-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide',
  {
    variants: {
      kind: {
        created: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
        modified: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
        deleted: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
      },
    },
  },
);

const SIGN: Record<ChangeKind, string> = { created: '+', modified: '~', deleted: '−' };

/** The kind of a change as a coloured label with a sign, so it reads without colour too. */
export function KindBadge({ kind }: { kind: ChangeKind }) {
  return (
    <span className={kindVariants({ kind })} data-kind={kind}>
      <span aria-hidden="true">{SIGN[kind]}</span>
      {kind}
    </span>
  );
}
