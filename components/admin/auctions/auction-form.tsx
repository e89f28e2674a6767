'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { createAuctionAction, updateAuctionAction } from '@/actions/admin-auctions';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import type { UploadStore } from '@/components/uploads/media-upload';
import { Button } from '@/components/ui/button';
import {
  auctionFormSchema,
  updateAuctionSchema,
  type AuctionFormInput,
  type UpdateAuctionData,
  type UpdateAuctionInput,
} from '@/lib/auctions/auction-form-schema';
import { AuctionFields } from './auction-fields';

type Scope = 'everything' | 'media' | 'nothing';

/**
 * Create or edit an auction. An edit carries the version it was loaded at: a save after
 * someone else's is refused (STALE_WRITE) and says so instead of overwriting them.
 */
export function AuctionForm({
  timeZone,
  store,
  initial,
  edit,
  scope = 'everything',
}: {
  timeZone: string;
  store: UploadStore;
  initial: AuctionFormInput;
  edit?: { auctionId: number; version: number };
  scope?: Scope;
}) {
  const t = useTranslations('adminAuctions');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const schema = useMemo(() => (edit ? updateAuctionSchema(timeZone) : auctionFormSchema(timeZone)), [edit, timeZone]);
  // One schema type for both modes; the create schema is the edit one without its two ids.
  const form = useForm<UpdateAuctionInput, unknown, UpdateAuctionData>({
    resolver: zodResolver(schema as ReturnType<typeof updateAuctionSchema>),
    defaultValues: edit ? { ...initial, ...edit } : (initial as UpdateAuctionInput),
  });

  // The action parses the same text again, so it gets what was typed, not the parsed values.
  const onSubmit = form.handleSubmit(async () => {
    const values = form.getValues();
    setFormError(undefined);
    setSaved(false);
    const result = edit ? await updateAuctionAction(values) : await createAuctionAction(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.code === 'STALE_WRITE' ? t('staleWrite') : result.error);
      return;
    }
    if ('auctionId' in result.data) {
      router.push(`/admin/auctions/${result.data.auctionId}/edit`);
      return;
    }
    form.reset({ ...form.getValues(), version: result.data.version });
    setSaved(true);
    router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="auction-form">
        <FormAlert message={formError} />
        {saved && (
          <p
            className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2.5 text-sm text-brand-800"
            role="status"
          >
            {t('saved')}
          </p>
        )}
        <AuctionFields scope={scope} store={store} timeZone={timeZone} />
        {scope !== 'nothing' && (
          <div className="flex justify-end">
            <Button type="submit" pending={form.formState.isSubmitting}>
              {edit ? t('save') : t('create')}
            </Button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
