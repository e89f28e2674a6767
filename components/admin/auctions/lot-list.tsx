'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { removeLotAction, reorderLotsAction } from '@/actions/admin-lots';
import { FormAlert } from '@/components/auth/form-alert';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AuctionForEdit } from '@/lib/admin/auction-for-edit';
import { formatFen } from '@/lib/money';
import { ConfirmButton } from '@/components/ui/confirm-button';

/**
 * The auction's lots in closing order. Before preview they can be moved and removed; the
 * edit link stays (text and images may change in preview).
 */
export function LotList({
  auctionId,
  lots,
  mayChange,
}: {
  auctionId: number;
  lots: AuctionForEdit['lots'];
  mayChange: boolean;
}) {
  const t = useTranslations('adminAuctions');
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const base = `/admin/auctions/${auctionId}/edit/lots`;

  async function move(index: number, by: -1 | 1) {
    const ids = lots.map((lot) => lot.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    setError(undefined);
    const result = await reorderLotsAction({ auctionId, lotIds: ids });
    if (result.ok) router.refresh();
    else setError(result.error);
  }

  return (
    <section className="space-y-3" data-testid="lot-list">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-stone-900">{t('lots', { count: lots.length })}</h2>
        {mayChange && (
          <Link href={`${base}/new`} className={buttonClass('secondary')}>
            {t('addLot')}
          </Link>
        )}
      </div>
      <FormAlert message={error} />
      {lots.length === 0 ? (
        <EmptyState title={t('noLots')} body={mayChange ? t('noLotsBody') : t('noLotsLocked')} />
      ) : (
        <ol className="divide-y divide-stone-100 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm">
          {lots.map((lot, index) => (
            <li key={lot.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="lot-row">
              <span className="w-6 text-right text-sm tabular-nums text-stone-400">{index + 1}</span>
              {lot.coverUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- uploads are served as they are
                <img src={lot.coverUrl} alt="" className="size-12 rounded-md object-cover" />
              ) : (
                <span className="size-12 rounded-md bg-stone-100" aria-hidden />
              )}
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-stone-900">{lot.title}</p>
                <p className="text-xs text-stone-500">
                  {t('lotSummary', {
                    start: formatFen(lot.startPrice, locale),
                    deposit: formatFen(lot.depositAmount, locale),
                    images: lot.imageCount,
                  })}
                </p>
              </div>
              <StatusBadge status={lot.status} />
              <div className="flex items-center gap-1">
                {mayChange && (
                  <>
                    <button
                      type="button"
                      className="size-9 rounded-md text-stone-600 hover:bg-stone-100 disabled:opacity-30"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t('moveUp')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="size-9 rounded-md text-stone-600 hover:bg-stone-100 disabled:opacity-30"
                      disabled={index === lots.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t('moveDown')}
                    >
                      ↓
                    </button>
                  </>
                )}
                <Link
                  href={`${base}/${lot.id}`}
                  className="rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t('editLot')}
                </Link>
              </div>
              {mayChange && (
                <div className="basis-full sm:basis-auto">
                  <ConfirmButton
                    label={t('removeLot')}
                    question={t('removeLotQuestion', { title: lot.title })}
                    confirmLabel={t('removeLotConfirm')}
                    onConfirm={async () => {
                      const result = await removeLotAction({ lotId: lot.id });
                      if (result.ok) router.refresh();
                      else setError(result.error);
                    }}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
