import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { BrowseEmptyState } from '@/components/account/browse-empty-state';
import { AccountPageTitle } from '@/components/account/page-title';
import { cn } from '@/components/ui/cn';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';
import { listMyBids, type MyBidState } from '@/lib/bidding/list-my-bids';
import { now } from '@/lib/clock';
import { formatFen } from '@/lib/money';
import { pageRequest } from '@/lib/pagination';

const tones: Record<MyBidState, string> = {
  leading: 'bg-brand-700 text-white ring-brand-800',
  outbid: 'bg-amber-50 text-amber-800 ring-amber-200',
  won: 'bg-seal-500 text-white ring-seal-600',
  lost: 'bg-stone-100 text-stone-500 ring-stone-200',
};

export default async function MyBidsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await guardBuyerPage('/me/bids');
  const request = pageRequest((await searchParams).page, 10);
  const lots = await listMyBids({ db: db(), userId: user.id, now: now(), page: request });
  const [t, tAccount, format, locale] = await Promise.all([
    getTranslations('accountBids'),
    getTranslations('account'),
    getFormatter(),
    getLocale(),
  ]);
  const money = (fen: number) => formatFen(fen, locale);
  return (
    <div className="mx-auto max-w-xl">
      <AccountPageTitle title={t('title')} back={tAccount('back')} />
      {lots.total === 0 ? (
        <BrowseEmptyState title={t('empty')} body={t('emptyBody')} browse={t('browse')} />
      ) : (
        <ul className="space-y-3">
          {lots.items.map((entry) => (
            <li key={entry.lot.id} className="rounded-2xl border border-stone-200 bg-white p-4" data-testid="bid-card">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <Link href={`/lots/${entry.lot.id}`} className="block truncate font-medium text-stone-900">
                    {entry.lot.title}
                  </Link>
                  <p className="truncate text-xs text-stone-500">{entry.lot.auctionTitle}</p>
                </div>
                <span
                  data-testid="bid-state"
                  className={cn(
                    'inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
                    tones[entry.state],
                  )}
                >
                  {t(`state.${entry.state}`)}
                </span>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
                <div className="rounded-lg bg-stone-50 px-3 py-2">
                  <dt className="text-xs text-stone-500">{t('myHighest')}</dt>
                  <dd className="font-semibold text-stone-800">{money(entry.myHighest)}</dd>
                </div>
                <div className="rounded-lg bg-stone-50 px-3 py-2">
                  <dt className="text-xs text-stone-500">{t('current')}</dt>
                  <dd className="font-semibold text-stone-800">
                    {entry.currentPrice === null ? '—' : money(entry.currentPrice)}
                  </dd>
                </div>
              </dl>
              <p className="mt-2 flex justify-between text-xs text-stone-500">
                <span>{t('count', { count: entry.myBidCount })}</span>
                <span>
                  {t('endsAt', {
                    time: format.dateTime(entry.lot.endsAt, {
                      month: 'numeric',
                      day: 'numeric',
                      hour: '2-digit',
                      minute: '2-digit',
                    }),
                  })}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={lots.page} pages={lots.pages} basePath="/me/bids" />
    </div>
  );
}
