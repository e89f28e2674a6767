'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { relistAuctionAction } from '@/actions/admin-auctions';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import type { UploadStore } from '@/components/uploads/media-upload';
import { Button } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import { relistAuctionSchema, type RelistAuctionData, type RelistAuctionInput } from '@/lib/auctions/relist-schema';
import { AuctionFields } from './auction-fields';
import { FieldMessage } from './field-message';
import { LotPriceFields } from './lot-price-fields';
import type { RelistCandidate } from '@/lib/auctions/relist-candidates';

/**
 * 一拍 → 二拍: the new auction's form, prefilled from the ended one, and new prices for each
 * unsold or overdue lot (remove a lot to leave it out). One action creates it all.
 */
export function RelistForm({
  timeZone,
  store,
  initial,
  lots,
}: {
  timeZone: string;
  store: UploadStore;
  initial: RelistAuctionInput;
  lots: { id: number; title: string; status: RelistCandidate['status'] }[];
}) {
  const t = useTranslations('adminAuctions');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const schema = useMemo(() => relistAuctionSchema(timeZone), [timeZone]);
  const form = useForm<RelistAuctionInput, unknown, RelistAuctionData>({
    resolver: zodResolver(schema),
    defaultValues: initial,
  });
  const chosen = useFieldArray({ control: form.control, name: 'lots' });
  const lotById = new Map(lots.map((lot) => [lot.id, lot]));
  const onSubmit = form.handleSubmit(async () => {
    setFormError(undefined);
    const result = await relistAuctionAction(form.getValues());
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    router.push(`/admin/auctions/${result.data.auctionId}/edit`);
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="relist-form">
        <FormAlert message={formError} />
        <AuctionFields prefix="auction." scope="everything" store={store} timeZone={timeZone} />
        <section className="space-y-3">
          <h2 className="text-lg font-semibold text-stone-900">{t('relistLots', { count: chosen.fields.length })}</h2>
          <FieldMessage message={form.formState.errors.lots?.message ?? form.formState.errors.lots?.root?.message} />
          {chosen.fields.map((field, index) => {
            const lot = lotById.get(field.lotId);
            return (
              <fieldset
                key={field.id}
                className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
                data-testid="relist-lot"
              >
                <legend className="flex items-center gap-2 px-1 text-sm font-semibold text-stone-900">
                  {lot?.title}
                  {lot && <StatusBadge status={lot.status} />}
                </legend>
                <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                  <LotPriceFields prefix={`lots.${index}.`} locked={false} />
                </div>
                <FieldMessage message={form.formState.errors.lots?.[index]?.lotId?.message} />
                <button
                  type="button"
                  className="mt-3 text-sm text-red-700 hover:underline"
                  onClick={() => chosen.remove(index)}
                >
                  {t('leaveOut')}
                </button>
              </fieldset>
            );
          })}
        </section>
        <div className="flex justify-end">
          <Button type="submit" pending={form.formState.isSubmitting} disabled={chosen.fields.length === 0}>
            {t('relistSubmit')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
