'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { manualRefundAction } from '@/actions/admin-refunds';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import { FormField } from '@/components/auth/form-field';
import { ConfirmPanel } from '@/components/admin/orders/confirm-panel';
import { Button } from '@/components/ui/button';
import { manualRefundSchema, type ManualRefundInput } from '@/lib/admin/refund-schemas';
import { formatFen } from '@/lib/money';

/** 手动退款: reason first, then a confirmation naming the buyer and the amount. */
export function ManualRefundForm({
  depositId,
  buyerName,
  balance,
}: {
  depositId: number;
  buyerName: string;
  balance: number;
}) {
  const t = useTranslations('adminRefunds');
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ManualRefundInput>({
    resolver: zodResolver(manualRefundSchema),
    defaultValues: { depositId, reason: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    if (!confirming) return setConfirming(true);
    setMessage(undefined);
    const result = await manualRefundAction(values);
    setConfirming(false);
    if (!result.ok) {
      applyFieldErrors(setError, result.fieldErrors);
      return setMessage(result.error);
    }
    setOpen(false);
    router.refresh();
  });

  if (!open) {
    return (
      <Button type="button" variant="secondary" className="h-9" onClick={() => setOpen(true)}>
        {t('refund')}
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate>
      <FormAlert message={message} />
      <FormField label={t('reason')} maxLength={200} error={errors.reason?.message} {...register('reason')} />
      {confirming ? (
        <ConfirmPanel
          lines={[t('confirmRefund', { name: buyerName, amount: formatFen(balance, locale) })]}
          pending={isSubmitting}
          onBack={() => setConfirming(false)}
          confirmLabel={t('confirmRefundButton')}
        />
      ) : (
        <div className="flex gap-2">
          <Button type="submit" className="h-9">
            {t('refund')}
          </Button>
          <Button type="button" variant="ghost" className="h-9" onClick={() => setOpen(false)}>
            {t('back')}
          </Button>
        </div>
      )}
    </form>
  );
}
