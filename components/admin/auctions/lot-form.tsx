'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { createLotAction, updateLotAction } from '@/actions/admin-lots';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import { FormField, TextAreaField } from '@/components/auth/form-field';
import { ImageGalleryField } from '@/components/uploads/image-gallery-field';
import { MediaField } from '@/components/uploads/media-field';
import type { UploadStore } from '@/components/uploads/media-upload';
import { Button } from '@/components/ui/button';
import { lotFieldsSchema, type LotFieldsData, type LotFieldsInput } from '@/lib/lots/lot-form-schema';
import type { NEW_LOT_VALUES } from '@/lib/lots/lot-form-defaults';
import { FieldMessage } from './field-message';
import { FormSection } from './form-section';
import { LotPriceFields } from './lot-price-fields';

type Scope = 'everything' | 'media' | 'nothing';

/**
 * Add or edit a lot. From preview on only its text and images change: the price fields say
 * so, and a save that changes one is refused as FIELD_LOCKED under that field.
 * An edit carries the lot's version (STALE_WRITE when someone saved it first).
 */
export function LotForm({
  auctionId,
  store,
  initial,
  edit,
  scope,
}: {
  auctionId: number;
  store: UploadStore;
  initial: typeof NEW_LOT_VALUES;
  edit?: { lotId: number; version: number };
  scope: Scope;
}) {
  const t = useTranslations('adminAuctions');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  // The version this form was loaded with, moved on by each save of its own.
  const [version, setVersion] = useState(edit?.version ?? 0);
  const form = useForm<LotFieldsInput, unknown, LotFieldsData>({
    resolver: zodResolver(lotFieldsSchema),
    defaultValues: initial,
  });
  const onSubmit = form.handleSubmit(async () => {
    const values = form.getValues();
    setFormError(undefined);
    setSaved(false);
    const result = edit
      ? await updateLotAction({ ...values, lotId: edit.lotId, version })
      : await createLotAction({ ...values, auctionId });
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.code === 'STALE_WRITE' ? t('staleWrite') : result.error);
      return;
    }
    if ('lotId' in result.data) {
      router.push(`/admin/auctions/${auctionId}/edit`);
      return;
    }
    setVersion(result.data.version);
    form.reset(values);
    setSaved(true);
    router.refresh();
  });
  const mediaLocked = scope === 'nothing';
  const errors = form.formState.errors;

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="lot-form">
        <FormAlert message={formError} />
        {saved && (
          <p
            className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2.5 text-sm text-brand-800"
            role="status"
          >
            {t('saved')}
          </p>
        )}
        <FormSection title={t('section.lot')}>
          <FormField
            className="sm:col-span-2"
            label={t('field.title')}
            maxLength={120}
            disabled={mediaLocked}
            error={errors.title?.message}
            {...form.register('title')}
          />
          <TextAreaField
            className="sm:col-span-2"
            label={t('field.description')}
            maxLength={5000}
            disabled={mediaLocked}
            error={errors.description?.message}
            {...form.register('description')}
          />
          <Controller
            control={form.control}
            name="coverUrl"
            render={({ field }) => (
              <MediaField
                kind="image"
                store={store}
                label={t('field.coverUrl')}
                value={field.value}
                onChange={field.onChange}
                disabled={mediaLocked}
                error={errors.coverUrl?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="images"
            render={({ field }) => (
              <div>
                <ImageGalleryField
                  store={store}
                  label={t('field.images')}
                  value={field.value}
                  onChange={field.onChange}
                  max={12}
                  disabled={mediaLocked}
                />
                <FieldMessage message={errors.images?.message} />
              </div>
            )}
          />
        </FormSection>
        <FormSection title={t('section.prices')} hint={scope === 'everything' ? undefined : t('pricesLocked')}>
          <LotPriceFields locked={scope === 'nothing'} />
        </FormSection>
        {scope !== 'nothing' && (
          <div className="flex justify-end">
            <Button type="submit" pending={form.formState.isSubmitting}>
              {edit ? t('saveLot') : t('createLot')}
            </Button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
