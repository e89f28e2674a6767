import { now } from '@/lib/clock';
import { getTranslations } from 'next-intl/server';
import { AuctionCard } from '@/components/auctions/auction-card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { listPublicAuctions } from '@/lib/auctions/list-public-auctions';
import { pageRequest } from '@/lib/pagination';

const AUCTIONS_PER_PAGE = 12;

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations('home');
  const page = await listPublicAuctions({
    db: db(),
    page: pageRequest((await searchParams).page, AUCTIONS_PER_PAGE),
    now: now(),
  });
  return (
    <>
      <section className="mb-6">
        <h1 className="font-serif text-2xl font-bold text-stone-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-stone-500">{t('subtitle')}</p>
      </section>
      {page.items.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {page.items.map((auction) => (
            <AuctionCard key={auction.id} auction={auction} />
          ))}
        </div>
      )}
      <Pagination page={page.page} pages={page.pages} basePath="/" />
    </>
  );
}
