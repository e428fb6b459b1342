import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * The width of an element, followed as it resizes (a chart draws to its card's width). Until it
 * is measured, and where there is no ResizeObserver (jsdom), it is `fallback`.
 * @example const [ref, width] = useWidth<HTMLDivElement>(480); <div ref={ref}>…</div>
 */
export function useWidth<E extends HTMLElement>(fallback: number): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
