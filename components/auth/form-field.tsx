'use client';

import { useTranslations } from 'next-intl';
import { forwardRef, useId } from 'react';
import { cn } from '@/components/ui/cn';

type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string };

/** A labelled input; `error` is a message key from the shared schema or a translated text. */
export const FormField = forwardRef<HTMLInputElement, FieldProps>(function FormField(
  { label, error, className, ...props },
  ref,
) {
  const t = useTranslations();
  const id = useId();
  const message = error && (t.has(error) ? t(error) : error);
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        aria-invalid={Boolean(message)}
        aria-describedby={message ? `${id}-error` : undefined}
        className={cn(
          'block h-11 w-full rounded-lg border bg-white px-3 text-base text-stone-900 shadow-sm outline-none transition placeholder:text-stone-400 focus:ring-2 sm:text-sm',
          message
            ? 'border-red-400 focus:ring-red-200'
            : 'border-stone-300 focus:border-brand-500 focus:ring-brand-100',
        )}
        {...props}
      />
      {message && (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-600" role="alert">
          {message}
        </p>
      )}
    </div>
  );
});
