'use client';

import { useTranslations } from 'next-intl';
import { forwardRef, useId } from 'react';
import { cn } from '@/components/ui/cn';

type Props = React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string };

/** FormField's multi-line twin; `error` is a message key or a translated text. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, Props>(function TextAreaField(
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
      <textarea
        ref={ref}
        id={id}
        rows={4}
        aria-invalid={Boolean(message)}
        className={cn(
          'block w-full rounded-lg border bg-white px-3 py-2 text-base text-stone-900 shadow-sm outline-none focus:ring-2 disabled:bg-stone-100 sm:text-sm',
          message
            ? 'border-red-400 focus:ring-red-200'
            : 'border-stone-300 focus:border-brand-500 focus:ring-brand-100',
        )}
        {...props}
      />
      {message && (
        <p className="mt-1.5 text-sm text-red-600" role="alert">
          {message}
        </p>
      )}
    </div>
  );
});
