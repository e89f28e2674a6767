'use client';

import { useTranslations } from 'next-intl';
import { forwardRef, useId } from 'react';
import { cn } from '@/components/ui/cn';

type Labelled = { label: string; error?: string };

/** The label, the error below and the ids tying them to the control, for every kind of field. */
function useField(error: string | undefined) {
  const t = useTranslations();
  const id = useId();
  const message = error && (t.has(error) ? t(error) : error);
  const controlProps = {
    id,
    'aria-invalid': Boolean(message),
    'aria-describedby': message ? `${id}-error` : undefined,
  };
  const border = message
    ? 'border-red-400 focus:ring-red-200'
    : 'border-stone-300 focus:border-brand-500 focus:ring-brand-100';
  return { id, message, controlProps, border };
}

function FieldFrame({
  id,
  label,
  message,
  className,
  children,
}: {
  id: string;
  label: string;
  message: string | undefined;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      {children}
      {message && (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-600" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

/** A labelled input; `error` is a message key from the shared schema or a translated text. */
export const FormField = forwardRef<HTMLInputElement, React.InputHTMLAttributes<HTMLInputElement> & Labelled>(
  function FormField({ label, error, className, ...props }, ref) {
    const { id, message, controlProps, border } = useField(error);
    return (
      <FieldFrame id={id} label={label} message={message} className={className}>
        <input
          ref={ref}
          {...controlProps}
          className={cn(
            'block h-11 w-full rounded-lg border bg-white px-3 text-base text-stone-900 shadow-sm outline-none transition placeholder:text-stone-400 focus:ring-2 sm:text-sm',
            border,
          )}
          {...props}
        />
      </FieldFrame>
    );
  },
);

/** FormField's multi-line twin. */
export const TextAreaField = forwardRef<
  HTMLTextAreaElement,
  React.TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled
>(function TextAreaField({ label, error, className, ...props }, ref) {
  const { id, message, controlProps, border } = useField(error);
  return (
    <FieldFrame id={id} label={label} message={message} className={className}>
      <textarea
        ref={ref}
        rows={4}
        {...controlProps}
        className={cn(
          'block w-full rounded-lg border bg-white px-3 py-2 text-base text-stone-900 shadow-sm outline-none focus:ring-2 disabled:bg-stone-100 sm:text-sm',
          border,
        )}
        {...props}
      />
    </FieldFrame>
  );
});
