'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { cancelAuctionAction, extendAuctionEndAction, publishAuctionAction } from '@/actions/admin-auctions';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import type { AuctionStatus } from '@/db/schema/auctions';
import { extendAuctionEndSchema, type ExtendAuctionEndInput } from '@/lib/auctions/auction-form-schema';
import { formatFen } from '@/lib/money';
import { ConfirmButton } from '@/components/ui/confirm-button';

/**
 * Publish, cancel and extend the end, by the auction's status: publish a draft; cancel
 * before live (the confirmation counts the deposits and money refunded); extend a live end.
 */
export function AuctionControls({
  auctionId,
  status,
  version,
  endsAt,
  lotCount,
  refundable,
  timeZone,
}: {
  auctionId: number;
  status: AuctionStatus;
  version: number;
  endsAt: string;
  lotCount: number;
  refundable: { count: number; amount: number };
  timeZone: string;
}) {
  const t = useTranslations('adminAuctions');
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<{ ok: boolean; code?: string; error?: string }>, refused?: string) => {
    setError(undefined);
    const result = await action();
    if (result.ok) router.refresh();
    else setError(result.code === 'WRONG_STATE' && refused ? refused : result.error);
  };
  const cancellable = status === 'draft' || status === 'scheduled' || status === 'preview';

  return (
    <section
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="auction-controls"
    >
      <h2 className="text-sm font-semibold text-stone-900">{t('controls')}</h2>
      <FormAlert message={error} />
      <div className="flex flex-wrap items-start gap-3">
        {status === 'draft' && (
          <div>
            <Button
              type="button"
              disabled={lotCount === 0}
              onClick={() => run(() => publishAuctionAction({ auctionId }), t('publishRefused'))}
            >
              {t('publish')}
            </Button>
            <p className="mt-1 text-xs text-stone-500">{lotCount === 0 ? t('publishNeedsLot') : t('publishHint')}</p>
          </div>
        )}
        {cancellable && (
          <ConfirmButton
            label={t('cancelAuction')}
            question={t('cancelQuestion', { count: refundable.count, amount: formatFen(refundable.amount, locale) })}
            confirmLabel={t('cancelConfirm')}
            onConfirm={() => run(() => cancelAuctionAction({ auctionId }))}
          />
        )}
      </div>
      {status === 'live' && (
        <ExtendEndForm key={version} auctionId={auctionId} version={version} endsAt={endsAt} timeZone={timeZone} />
      )}
    </section>
  );
}

function ExtendEndForm({
  auctionId,
  version,
  endsAt,
  timeZone,
}: {
  auctionId: number;
  version: number;
  endsAt: string;
  timeZone: string;
}) {
  const t = useTranslations('adminAuctions');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const schema = useMemo(() => extendAuctionEndSchema(timeZone), [timeZone]);
  const form = useForm<ExtendAuctionEndInput, unknown, unknown>({
    resolver: zodResolver(schema),
    defaultValues: { auctionId, version, endsAt },
  });
  const onSubmit = form.handleSubmit(async () => {
    setFormError(undefined);
    const result = await extendAuctionEndAction(form.getValues());
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.code === 'STALE_WRITE' ? t('staleWrite') : result.error);
      return;
    }
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-stone-100 pt-3" noValidate>
      <p className="text-sm text-stone-600">{t('extendHint')}</p>
      <FormAlert message={formError} />
      <div className="flex flex-wrap items-end gap-3">
        <FormField
          label={t('field.endsAt')}
          type="datetime-local"
          error={form.formState.errors.endsAt?.message}
          {...form.register('endsAt')}
        />
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting}>
          {t('extendEnd')}
        </Button>
      </div>
    </form>
  );
}
