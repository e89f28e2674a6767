import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { WatchedLotCard } from '@/components/activity/watched-lot-card';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';
import { now } from '@/lib/clock';
import { pageRequest } from '@/lib/pagination';
import { listWatchlist } from '@/lib/watchlist/list-watchlist';

const LOTS_PER_PAGE = 12;

export async function generateMetadata() {
  return { title: (await getTranslations('watchlist'))('title') };
}

export default async function WatchlistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardBuyerPage('/me/watchlist');
  const at = now();
  const [t, page] = await Promise.all([
    getTranslations('watchlist'),
    listWatchlist({
      db: db(),
      userId: user.id,
      page: pageRequest((await searchParams).page, LOTS_PER_PAGE),
      now: at,
    }),
  ]);
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold text-stone-900">{t('title')}</h1>
      {page.total === 0 ? (
        <EmptyState
          title={t('emptyTitle')}
          body={t('emptyBody')}
          action={
            <Link href="/" className={buttonClass('primary')}>
              {t('emptyAction')}
            </Link>
          }
        />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {page.items.map((lot) => (
            <li key={lot.lotId}>
              <WatchedLotCard lot={lot} serverNow={at.toISOString()} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page.page} pages={page.pages} basePath="/me/watchlist" />
    </>
  );
}
