'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';

/**
 * A button that asks first: the question says what will happen; only "confirm" runs
 * `onConfirm`. Used for every destructive admin action.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  variant = 'secondary',
  disabled,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  variant?: ButtonVariant;
  disabled?: boolean;
}) {
  const t = useTranslations('adminAuctions');
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  if (!asking) {
    return (
      <Button type="button" variant={variant} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="alertdialog">
      <p>{question}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          type="button"
          className="bg-red-700 hover:bg-red-800"
          pending={pending}
          onClick={async () => {
            setPending(true);
            try {
              await onConfirm();
            } finally {
              setPending(false);
              setAsking(false);
            }
          }}
        >
          {confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          {t('keep')}
        </Button>
      </div>
    </div>
  );
}
