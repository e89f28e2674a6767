'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { payDepositAction } from '@/actions/deposits';
import { handOffToCheckout } from '@/components/payments/checkout-handoff';
import { Button, type ButtonVariant } from '@/components/ui/button';

/**
 * 缴纳保证金: opens the charge on the server (a double tap reuses the open one) and hands it
 * to the checkout, which brings the buyer back to this lot or auction once paid.
 */
export function PayDepositButton({
  auctionId,
  lotId,
  label,
  variant = 'primary',
}: {
  auctionId: number;
  lotId?: number;
  label: string;
  variant?: ButtonVariant;
}) {
  const t = useTranslations('lotPage');
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const pay = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await payDepositAction({ auctionId, lotId });
      if (result.ok) handOffToCheckout(result.data);
      else setError(result.error);
    });
  return (
    <div className="space-y-1">
      <Button type="button" variant={variant} className="w-full" pending={pending} onClick={pay}>
        {pending ? t('opening') : label}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
