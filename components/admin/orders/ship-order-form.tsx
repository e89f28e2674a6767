'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { shipOrderAction } from '@/actions/admin-orders';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { shipOrderSchema, type ShipOrderInput } from '@/lib/admin/order-schemas';

/** 发货: carrier and tracking number, checked by the same schema the action parses. */
export function ShipOrderForm({ orderId }: { orderId: number }) {
  const t = useTranslations('adminOrders');
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ShipOrderInput>({
    resolver: zodResolver(shipOrderSchema),
    defaultValues: { orderId, carrier: '', trackingNo: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setMessage(undefined);
    const result = await shipOrderAction(values);
    if (!result.ok) {
      applyFieldErrors(setError, result.fieldErrors);
      return setMessage(result.error);
    }
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormAlert message={message} />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          label={t('carrier')}
          placeholder={t('carrierPlaceholder')}
          maxLength={40}
          error={errors.carrier?.message}
          {...register('carrier')}
        />
        <FormField
          label={t('trackingNo')}
          maxLength={60}
          error={errors.trackingNo?.message}
          {...register('trackingNo')}
        />
      </div>
      <Button type="submit" pending={isSubmitting}>
        {t('ship')}
      </Button>
    </form>
  );
}
