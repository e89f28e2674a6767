'use client';

import { useTranslations } from 'next-intl';
import { Controller, useFieldArray, useFormContext, type FieldValues, type Path } from 'react-hook-form';
import { FormField, TextAreaField } from '@/components/auth/form-field';
import { MediaField } from '@/components/uploads/media-field';
import type { UploadStore } from '@/components/uploads/media-upload';
import { Button } from '@/components/ui/button';
import type { AuctionFormInput } from '@/lib/auctions/auction-form-schema';
import { FieldMessage } from './field-message';
import { FormSection } from './form-section';

type Scope = 'everything' | 'media' | 'nothing';

/**
 * The auction's fields, for the create/edit form and the relist form (where they sit under
 * `auction.`). Fields the status locks are disabled, the same ones the verbs refuse.
 */
export function AuctionFields({
  prefix = '',
  scope,
  store,
  timeZone,
}: {
  prefix?: '' | 'auction.';
  scope: Scope;
  store: UploadStore;
  timeZone: string;
}) {
  const t = useTranslations('adminAuctions');
  const { register, control, getFieldState, formState } = useFormContext<FieldValues>();
  const name = (field: string) => `${prefix}${field}` as Path<FieldValues>;
  const error = (field: string) => getFieldState(name(field), formState).error?.message;
  // In preview the contract fields stay open to read and type; the server names any it refuses.
  const contractLocked = scope === 'nothing';
  const mediaLocked = scope === 'nothing';
  const ladder = useFieldArray({ control, name: name('ladder') as 'ladder' });
  const field = (
    key: keyof AuctionFormInput,
    locked: boolean,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => <FormField label={t(`field.${key}`)} error={error(key)} disabled={locked} {...extra} {...register(name(key))} />;
  const media = (key: 'coverUrl' | 'videoUrl', kind: 'image' | 'video') => (
    <Controller
      control={control}
      name={name(key)}
      render={({ field: { value, onChange } }) => (
        <MediaField
          kind={kind}
          store={store}
          label={t(`field.${key}`)}
          value={value as string | null}
          onChange={onChange}
          disabled={mediaLocked}
          error={error(key)}
        />
      )}
    />
  );

  return (
    <div className="space-y-5">
      <FormSection title={t('section.basics')}>
        {field('title', mediaLocked, { className: 'sm:col-span-2', maxLength: 120 })}
        <TextAreaField
          label={t('field.description')}
          className="sm:col-span-2"
          maxLength={5000}
          disabled={mediaLocked}
          error={error('description')}
          {...register(name('description'))}
        />
        {media('coverUrl', 'image')}
        {media('videoUrl', 'video')}
      </FormSection>
      <FormSection
        title={t('section.schedule')}
        hint={scope === 'media' ? t('contractLocked') : t('timeZoneHint', { timeZone })}
      >
        {field('previewStartsAt', contractLocked, { type: 'datetime-local' })}
        {field('previewEndsAt', contractLocked, { type: 'datetime-local' })}
        {field('startsAt', contractLocked, { type: 'datetime-local' })}
        {field('endsAt', contractLocked, { type: 'datetime-local' })}
      </FormSection>
      <FormSection title={t('section.rules')} hint={scope === 'media' ? t('contractLocked') : undefined}>
        {field('depositAmount', contractLocked, { inputMode: 'decimal' })}
        {field('buyerPremiumPercent', contractLocked, { inputMode: 'decimal' })}
        {field('antiSnipingMinutes', contractLocked, { inputMode: 'numeric' })}
        {field('antiSnipingExtensionMinutes', contractLocked, { inputMode: 'numeric' })}
        {field('antiSnipingCapMinutes', contractLocked, { inputMode: 'numeric', placeholder: t('noCap') })}
        {field('closingIntervalSeconds', contractLocked, { inputMode: 'numeric' })}
      </FormSection>
      <FormSection title={t('section.ladder')} hint={scope === 'media' ? t('contractLocked') : t('ladderHint')}>
        <div className="space-y-3 sm:col-span-2">
          {ladder.fields.map((band, index) => (
            <div key={band.id} className="flex items-start gap-2" data-testid="ladder-band">
              <FormField
                className="flex-1"
                label={t('field.ladderFrom')}
                inputMode="decimal"
                disabled={contractLocked}
                error={error(`ladder.${index}.minPrice`)}
                {...register(name(`ladder.${index}.minPrice`))}
              />
              <FormField
                className="flex-1"
                label={t('field.ladderIncrement')}
                inputMode="decimal"
                disabled={contractLocked}
                error={error(`ladder.${index}.increment`)}
                {...register(name(`ladder.${index}.increment`))}
              />
              {!contractLocked && ladder.fields.length > 1 && (
                <button
                  type="button"
                  className="mt-8 h-9 rounded-md px-2 text-sm text-red-700 hover:bg-red-50"
                  onClick={() => ladder.remove(index)}
                  aria-label={t('removeBand')}
                >
                  ✕
                </button>
              )}
            </div>
          ))}
          <FieldMessage message={error('ladder')} />
          {!contractLocked && ladder.fields.length < 20 && (
            <Button type="button" variant="secondary" onClick={() => ladder.append({ minPrice: '', increment: '' })}>
              {t('addBand')}
            </Button>
          )}
        </div>
      </FormSection>
    </div>
  );
}
