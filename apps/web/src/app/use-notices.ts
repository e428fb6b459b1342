import { useCallback, useState } from 'react';

/** Notices the page shows until dismissed; the same text is shown once. */
export function useNotices() {
  const [notices, setNotices] = useState<string[]>([]);
  const addNotice = useCallback(
    (notice: string) => setNotices((old) => (old.includes(notice) ? old : [...old, notice])),
    [],
  );
  const dismiss = useCallback((index: number) => setNotices((old) => old.filter((_, j) => j !== index)), []);
  return { notices, addNotice, dismiss };
}
