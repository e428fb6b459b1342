import { Button } from '../components/ui/button.tsx';

/** Dismissible explanations of what a link asked for that could not be honoured. */
export function Notices({ notices, dismiss }: { notices: string[]; dismiss: (index: number) => void }) {
  if (notices.length === 0) return null;
  return (
    <ul className="space-y-1" aria-label="Notices">
      {notices.map((notice, index) => (
        <li
          key={notice}
          role="status"
          className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <span className="flex-1">{notice}</span>
          <Button variant="ghost" size="sm" onClick={() => dismiss(index)} aria-label={`Dismiss: ${notice}`}>
            Dismiss
          </Button>
        </li>
      ))}
    </ul>
  );
}
