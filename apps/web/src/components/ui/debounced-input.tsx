import { forwardRef, type InputHTMLAttributes, useEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn.ts';

/** Input styles shared by the toolbar's fields. */
export const inputClass =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 placeholder:text-slate-500 focus:border-orange-500 focus:outline-none focus:ring-1 focus:ring-orange-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onValue: (value: string) => void;
  delayMs?: number;
};

/** A text input that reports its value after the user pauses typing (or at once on Enter). */
export const DebouncedInput = forwardRef<HTMLInputElement, Props>(function DebouncedInput(
  { value, onValue, delayMs = 300, className, ...props },
  ref,
) {
  const [text, setText] = useState(value);
  const last = useRef(value);
  useEffect(() => {
    // The URL changed under us (back button, chip removed): show it.
    if (value !== last.current) {
      last.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === last.current) return;
    const timer = setTimeout(() => {
      last.current = text;
      onValue(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs, onValue]);
  return (
    <input
      ref={ref}
      {...props}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && text !== last.current) {
          last.current = text;
          onValue(text);
        }
        props.onKeyDown?.(e);
      }}
      className={cn(inputClass, className)}
    />
  );
});
