import { Button } from '../../../components/ui/button.tsx';
import type { RegionError } from '../api/types.ts';

/** Regions that failed while the others answered: the list says it is missing them. */
export function RegionErrors({ errors, retry }: { errors: RegionError[]; retry: () => void }) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <ul className="flex-1 space-y-0.5">
        {errors.map((e) => (
          <li key={`${e.account}/${e.region}`}>
            <strong>{e.region}</strong> is missing from this list: <span className="font-mono">{e.code}</span>{' '}
            — {e.message}
          </li>
        ))}
      </ul>
      <Button size="sm" onClick={retry}>
        Retry
      </Button>
    </div>
  );
}
