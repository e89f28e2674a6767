import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { BrowseEmptyState } from '@/components/account/browse-empty-state';
import { AccountPageTitle } from '@/components/account/page-title';
import { cn } from '@/components/ui/cn';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import type { DepositStatus } from '@/db/schema';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';
import { listMyDeposits } from '@/lib/deposits/list-my-deposits';
import { formatFen } from '@/lib/money';
import { pageRequest } from '@/lib/pagination';

const tones: Record<DepositStatus, string> = {
  pending: 'bg-stone-100 text-stone-600 ring-stone-200',
  held: 'bg-brand-50 text-brand-700 ring-brand-200',
  frozen: 'bg-sky-50 text-sky-700 ring-sky-200',
  refunded: 'bg-stone-100 text-stone-600 ring-stone-200',
  forfeited: 'bg-red-50 text-red-700 ring-red-200',
};

export default async function MyDepositsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const user = await guardBuyerPage('/me/deposits');
  const request = pageRequest((await searchParams).page, 10);
  const deposits = await listMyDeposits({ db: db(), userId: user.id, page: request });
  const [t, tAccount, format, locale] = await Promise.all([
    getTranslations('accountDeposits'),
    getTranslations('account'),
    getFormatter(),
    getLocale(),
  ]);
  const money = (fen: number) => formatFen(fen, locale);
  const statusName = (status: string) => (t.has(`status.${status}`) ? t(`status.${status}`) : status);
  return (
    <div className="mx-auto max-w-xl">
      <AccountPageTitle title={t('title')} back={tAccount('back')} />
      {deposits.total === 0 ? (
        <BrowseEmptyState title={t('empty')} body={t('emptyBody')} browse={t('browse')} />
      ) : (
        <ul className="space-y-3">
          {deposits.items.map((deposit) => (
            <li
              key={deposit.id}
              className="rounded-2xl border border-stone-200 bg-white p-4"
              data-testid="deposit-card"
            >
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <Link href={`/auctions/${deposit.auctionId}`} className="block truncate font-medium text-stone-900">
                    {deposit.auctionTitle}
                  </Link>
                  <p className="truncate text-xs text-stone-500">
                    {deposit.lotTitle ? t('lot', { title: deposit.lotTitle }) : t('session')}
                  </p>
                </div>
                <span
                  data-testid="deposit-status"
                  className={cn(
                    'inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
                    tones[deposit.status],
                  )}
                >
                  {t(`status.${deposit.status}`)}
                </span>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
                {(
                  [
                    ['amount', deposit.amount],
                    ['balance', deposit.balance],
                    ['refunded', deposit.refundedAmount],
                    ['forfeited', deposit.forfeitedAmount],
                  ] as const
                ).map(([key, value]) => (
                  <div key={key} className="rounded-lg bg-stone-50 px-3 py-2">
                    <dt className="text-xs text-stone-500">{t(key)}</dt>
                    <dd className="font-semibold text-stone-800" data-testid={`deposit-${key}`}>
                      {money(value)}
                    </dd>
                  </div>
                ))}
              </dl>
              {deposit.history.length > 0 && (
                <details className="mt-3 text-sm">
                  <summary className="min-h-11 cursor-pointer py-2 text-brand-700">{t('history')}</summary>
                  <ol className="space-y-1 border-l border-stone-200 pl-3">
                    {deposit.history.map((entry, index) => (
                      <li key={index} className="flex justify-between gap-3">
                        <span className="text-stone-700">
                          {entry.kind === 'payment'
                            ? `${t('paymentLine', { amount: money(entry.amount) })} · ${t(`paymentStatus.${entry.status as 'pending'}`)}`
                            : entry.kind === 'refund'
                              ? `${t('refundLine', { amount: money(entry.amount) })} · ${t(`refundStatus.${entry.status as 'pending'}`)}`
                              : t('statusLine', { from: statusName(entry.from), to: statusName(entry.to) })}
                        </span>
                        <time className="shrink-0 text-xs text-stone-400" dateTime={entry.at.toISOString()}>
                          {format.dateTime(entry.at, {
                            month: 'numeric',
                            day: 'numeric',
                            hour: '2-digit',
                            minute: '2-digit',
                          })}
                        </time>
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={deposits.page} pages={deposits.pages} basePath="/me/deposits" />
    </div>
  );
}
