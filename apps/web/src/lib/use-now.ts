import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `everyMs`: for text such as "synced 40 s ago" that must age on
 * screen without anything else changing.
 * @example const now = useNow(5_000); formatAge(now - Date.parse(syncedAt));
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
