import type { SelectHTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';
import { inputClass } from './debounced-input.tsx';

/** One choice of a `Select`; a `disabled` one is shown but cannot be picked. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A labelled native select: accessible, keyboard-friendly and small. */
export function Select({
  label,
  options,
  className,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; options: SelectOption[] }) {
  return (
    <select
      aria-label={label}
      title={label}
      className={cn(inputClass, 'max-w-48 pr-7', className)}
      {...props}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
