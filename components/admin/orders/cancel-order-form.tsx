'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { cancelOrderAction } from '@/actions/admin-orders';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { cancelOrderSchema, type CancelOrderInput } from '@/lib/admin/order-schemas';
import type { AdminOrderDetail } from '@/lib/admin/order-detail';
import { formatFen } from '@/lib/money';
import { ConfirmPanel } from './confirm-panel';

/** 取消订单: a reason, then a confirmation saying what happens to the charge, the coupon and each deposit. */
export function CancelOrderForm({ orderId, effects }: { orderId: number; effects: AdminOrderDetail['cancelEffects'] }) {
  const t = useTranslations('adminOrders');
  const locale = useLocale();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CancelOrderInput>({ resolver: zodResolver(cancelOrderSchema), defaultValues: { orderId, reason: '' } });

  const lines = [
    t('cancelEffects.order'),
    ...(effects.openCharges > 0 ? [t('cancelEffects.charge', { count: effects.openCharges })] : []),
    ...(effects.couponReleased ? [t('cancelEffects.coupon')] : []),
    ...(effects.lotDepositRefund > 0
      ? [t('cancelEffects.lotDeposit', { amount: formatFen(effects.lotDepositRefund, locale) })]
      : []),
    ...(effects.sessionDepositRefund > 0
      ? [t('cancelEffects.sessionDeposit', { amount: formatFen(effects.sessionDepositRefund, locale) })]
      : []),
    ...(effects.sessionDepositKept ? [t('cancelEffects.sessionKept')] : []),
    t('cancelEffects.noStrike'),
  ];

  const onSubmit = handleSubmit(async (values) => {
    if (!confirming) return setConfirming(true);
    setMessage(undefined);
    const result = await cancelOrderAction(values);
    setConfirming(false);
    if (!result.ok) {
      applyFieldErrors(setError, result.fieldErrors);
      return setMessage(result.error);
    }
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormAlert message={message} />
      <FormField label={t('cancelReason')} maxLength={200} error={errors.reason?.message} {...register('reason')} />
      {confirming ? (
        <ConfirmPanel
          lines={lines}
          pending={isSubmitting}
          onBack={() => setConfirming(false)}
          confirmLabel={t('confirmCancel')}
        />
      ) : (
        <Button type="submit" variant="secondary" className="text-red-700">
          {t('cancel')}
        </Button>
      )}
    </form>
  );
}
