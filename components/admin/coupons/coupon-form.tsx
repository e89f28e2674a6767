'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { createCouponAction, updateCouponAction } from '@/actions/admin-coupons';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { couponFormSchema, type CouponFormData, type CouponFormInput } from '@/lib/coupons/create-coupon-schema';
import type { FieldErrors } from '@/lib/errors';

type Props = {
  timeZone: string;
  auctions: { id: number; title: string }[];
  defaults: CouponFormInput;
  /** Editing: the coupon and how many were issued (its terms are fixed once any was). */
  existing?: { couponId: number; issuedCount: number };
};

/** The edit action nests the form under `coupon`; its field errors name the form's own fields. */
const unnested = (fieldErrors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(fieldErrors).map(([key, messages]) => [key.replace(/^coupon\./, ''), messages]));

export function CouponForm({ timeZone, auctions, defaults, existing }: Props) {
  const t = useTranslations('adminCoupons');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const schema = useMemo(() => couponFormSchema(timeZone), [timeZone]);
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CouponFormInput, unknown, CouponFormData>({ resolver: zodResolver(schema), defaultValues: defaults });
  const termsLocked = (existing?.issuedCount ?? 0) > 0;

  // The server parses the raw input with the same schema, so send what was typed.
  const onSubmit = handleSubmit(async () => {
    setFormError(undefined);
    setSaved(false);
    if (existing) {
      const result = await updateCouponAction({ couponId: existing.couponId, coupon: getValues() });
      if (result.ok) {
        setSaved(true);
        router.refresh();
        return;
      }
      applyFieldErrors(setError, unnested(result.fieldErrors));
      setFormError(result.error);
      return;
    }
    const result = await createCouponAction(getValues());
    if (result.ok) return router.push(`/admin/coupons/${result.data.couponId}`);
    applyFieldErrors(setError, result.fieldErrors);
    setFormError(result.error);
  });

  const lockedHint = termsLocked ? t('lockedHint') : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="coupon-form">
      <FormAlert message={formError} />
      {saved && (
        <p className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2.5 text-sm text-brand-700" role="status">
          {t('saved')}
        </p>
      )}
      {termsLocked && <p className="text-sm text-amber-700">{t('termsLocked', { issued: existing!.issuedCount })}</p>}
      <FormField label={t('fieldTitle')} maxLength={60} error={errors.title?.message} {...register('title')} />
      {/* Fields fixed once issued read as such. */}
      <div className="grid gap-4 sm:grid-cols-2 [&_input:read-only]:bg-stone-100 [&_input:read-only]:text-stone-500">
        <FormField
          label={t('fieldThreshold')}
          inputMode="decimal"
          maxLength={24}
          readOnly={termsLocked}
          title={lockedHint}
          error={errors.threshold?.message}
          {...register('threshold')}
        />
        <FormField
          label={t('fieldDiscount')}
          inputMode="decimal"
          maxLength={24}
          readOnly={termsLocked}
          title={lockedHint}
          error={errors.discount?.message}
          {...register('discount')}
        />
        <FormField
          label={t('fieldValidFrom', { zone: timeZone })}
          type="datetime-local"
          readOnly={termsLocked}
          title={lockedHint}
          error={errors.validFrom?.message}
          {...register('validFrom')}
        />
        <FormField
          label={t('fieldValidUntil', { zone: timeZone })}
          type="datetime-local"
          error={errors.validUntil?.message}
          {...register('validUntil')}
        />
        <FormField
          label={t('fieldTotalQuantity')}
          type="number"
          min={1}
          error={errors.totalQuantity?.message}
          {...register('totalQuantity', { valueAsNumber: true })}
        />
        <FormField
          label={t('fieldPerUserLimit')}
          type="number"
          min={1}
          error={errors.perUserLimit?.message}
          {...register('perUserLimit', { valueAsNumber: true })}
        />
      </div>
      {termsLocked ? (
        // Fixed once issued: shown, not registered, so the form sends the value it was given.
        <ScopeSelect
          label={t('fieldScope')}
          anyLabel={t('scopeAll')}
          auctions={auctions}
          disabled
          title={lockedHint}
          defaultValue={defaults.auctionId ?? ''}
        />
      ) : (
        <ScopeSelect
          label={t('fieldScope')}
          anyLabel={t('scopeAll')}
          auctions={auctions}
          error={errors.auctionId?.message}
          {...register('auctionId', { setValueAs: (value) => (value === '' || value === null ? null : Number(value)) })}
        />
      )}
      <Button type="submit" pending={isSubmitting} data-testid="coupon-save">
        {existing ? t('save') : t('create')}
      </Button>
    </form>
  );
}

function ScopeSelect({
  label,
  anyLabel,
  auctions,
  error,
  ...field
}: React.SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  anyLabel: string;
  auctions: { id: number; title: string }[];
  error?: string;
}) {
  const t = useTranslations();
  const message = error && (t.has(error) ? t(error) : error);
  return (
    <div>
      <label className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
        <select
          className="mt-1.5 block h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base text-stone-900 shadow-sm disabled:bg-stone-100 disabled:text-stone-500 sm:text-sm"
          aria-invalid={Boolean(message)}
          {...field}
        >
          <option value="">{anyLabel}</option>
          {auctions.map((auction) => (
            <option key={auction.id} value={auction.id}>
              {auction.title}
            </option>
          ))}
        </select>
      </label>
      {message && (
        <p className="mt-1.5 text-sm text-red-600" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
