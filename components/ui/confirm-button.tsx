'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';

/**
 * A button for anything destructive: it first says what will happen (`question`: how many
 * deposits, how much money) and asks again; `onConfirm` runs once per confirmation (the button
 * is busy meanwhile), so a double click is one request.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  variant = 'secondary',
  disabled,
  testId,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: ButtonVariant;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useTranslations('common');
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();
  if (!asking)
    return (
      <Button
        type="button"
        variant={variant}
        className="h-9"
        disabled={disabled}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </Button>
    );
  return (
    <div role="alertdialog" aria-label={label} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="text-amber-900">{question}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          type="button"
          className="h-9 bg-red-700 hover:bg-red-800"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              await onConfirm();
              setAsking(false);
            })
          }
        >
          {confirmLabel}
        </Button>
        <Button type="button" variant="ghost" className="h-9" onClick={() => setAsking(false)} disabled={pending}>
          {t('notNow')}
        </Button>
      </div>
    </div>
  );
}
