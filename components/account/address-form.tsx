'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { saveAddressAction } from '@/actions/addresses';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import type { Address } from '@/db/schema';
import { saveAddressSchema, type SaveAddressInput } from '@/lib/addresses/address-schema';

const blank: SaveAddressInput = {
  id: null,
  recipient: '',
  phone: '',
  province: '',
  city: '',
  district: '',
  detail: '',
  isDefault: false,
};

/** Adds an address to the book or edits one; the same schema as the action checks it. */
export function AddressForm({
  address,
  onSaved,
  onCancel,
}: {
  address?: Address;
  onSaved: (addressId: number) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('addressBook');
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SaveAddressInput>({
    resolver: zodResolver(saveAddressSchema),
    defaultValues: address
      ? {
          id: address.id,
          recipient: address.recipient,
          phone: address.phone,
          province: address.province,
          city: address.city,
          district: address.district,
          detail: address.detail,
          isDefault: address.isDefault,
        }
      : blank,
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await saveAddressAction(values);
    if (result.ok) return onSaved(result.data.id);
    applyFieldErrors(setError, result.fieldErrors);
    setFormError(result.fieldErrors._form?.[0] ?? result.error);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4" noValidate>
      <FormAlert message={formError} />
      <div className="grid grid-cols-2 gap-3">
        <FormField
          label={t('recipient')}
          maxLength={50}
          autoComplete="name"
          error={errors.recipient?.message}
          {...register('recipient')}
        />
        <FormField
          label={t('phone')}
          type="tel"
          inputMode="numeric"
          maxLength={20}
          autoComplete="tel"
          error={errors.phone?.message}
          {...register('phone')}
        />
        <FormField label={t('province')} maxLength={30} error={errors.province?.message} {...register('province')} />
        <FormField label={t('city')} maxLength={30} error={errors.city?.message} {...register('city')} />
      </div>
      <FormField label={t('district')} maxLength={30} error={errors.district?.message} {...register('district')} />
      <FormField
        label={t('detail')}
        maxLength={200}
        autoComplete="street-address"
        error={errors.detail?.message}
        {...register('detail')}
      />
      <label className="flex min-h-11 items-center gap-2 text-sm text-stone-700">
        <input type="checkbox" className="size-5 accent-brand-700" {...register('isDefault')} />
        {t('isDefault')}
      </label>
      <div className="flex gap-2">
        <Button type="submit" className="flex-1" pending={isSubmitting}>
          {t('save')}
        </Button>
        <Button type="button" variant="secondary" className="flex-1" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
