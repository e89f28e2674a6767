import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuctionCard } from '@/components/auctions/auction-card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { AUCTION_GROUP_NAMES } from '@/lib/api/v1/groups';
import { listAuctionGroup, type AuctionGroup } from '@/lib/auctions/list-auction-group';
import { now } from '@/lib/clock';
import { pageRequest } from '@/lib/pagination';

/** On the overview each group shows this many, with a link to the rest. */
const OVERVIEW_SIZE = 6;
const GROUP_PAGE_SIZE = 12;

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const only = AUCTION_GROUP_NAMES.find((group) => group === query.group);
  const [t, tHome] = await Promise.all([getTranslations('buyerHome'), getTranslations('home')]);
  const at = now();
  const groups = await Promise.all(
    (only ? [only] : AUCTION_GROUP_NAMES).map(async (group: AuctionGroup) => ({
      group,
      page: await listAuctionGroup({
        db: db(),
        group,
        page: pageRequest(only ? query.page : 1, only ? GROUP_PAGE_SIZE : OVERVIEW_SIZE),
        now: at,
      }),
    })),
  );
  const shown = groups.filter(({ page }) => page.total > 0);
  return (
    <>
      <section className="mb-6">
        <h1 className="font-serif text-2xl font-bold text-stone-900">{only ? t(`group.${only}`) : tHome('title')}</h1>
        <p className="mt-1 text-sm text-stone-500">{only ? t(`groupHint.${only}`) : tHome('subtitle')}</p>
        {only && (
          <Link href="/" className="mt-2 inline-block text-sm text-brand-700 underline">
            {t('allGroups')}
          </Link>
        )}
      </section>
      {shown.length === 0 && <EmptyState title={tHome('emptyTitle')} body={tHome('emptyBody')} />}
      <div className="space-y-8">
        {shown.map(({ group, page }) => (
          <section key={group} aria-labelledby={`group-${group}`} data-testid={`group-${group}`}>
            {!only && (
              <div className="mb-3 flex items-baseline justify-between gap-3">
                <h2 id={`group-${group}`} className="font-serif text-lg font-semibold text-stone-900">
                  {t(`group.${group}`)}
                  <span className="ml-2 text-sm font-normal text-stone-500">{page.total}</span>
                </h2>
                {page.total > OVERVIEW_SIZE && (
                  <Link href={`/?group=${group}`} className="text-sm text-brand-700 underline">
                    {t('more')}
                  </Link>
                )}
              </div>
            )}
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {page.items.map((auction) => (
                <AuctionCard key={auction.id} auction={auction} serverNow={at.toISOString()} />
              ))}
            </div>
            {only && <Pagination page={page.page} pages={page.pages} basePath="/" query={{ group }} />}
          </section>
        ))}
      </div>
    </>
  );
}
