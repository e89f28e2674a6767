'use client';

import { useTranslations } from 'next-intl';
import { useFormContext, type FieldValues, type Path } from 'react-hook-form';
import { FormField } from '@/components/auth/form-field';

const PRICE_FIELDS = ['startPrice', 'reservePrice', 'depositAmount', 'estimateLow', 'estimateHigh'] as const;

/** A lot's prices, in the lot form and once per lot in the relist form (under `prefix`). */
export function LotPriceFields({ prefix = '', locked }: { prefix?: string; locked: boolean }) {
  const t = useTranslations('adminAuctions');
  const { register, getFieldState, formState } = useFormContext<FieldValues>();
  return (
    <>
      {PRICE_FIELDS.map((key) => (
        <FormField
          key={key}
          label={t(`lotField.${key}`)}
          inputMode="decimal"
          placeholder={key === 'startPrice' || key === 'depositAmount' ? undefined : t('optional')}
          disabled={locked}
          error={getFieldState(`${prefix}${key}` as Path<FieldValues>, formState).error?.message}
          {...register(`${prefix}${key}` as Path<FieldValues>)}
        />
      ))}
    </>
  );
}
