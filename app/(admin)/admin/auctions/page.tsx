import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuctionTable } from '@/components/admin/auction-table';
import { AuctionListFilters } from '@/components/admin/auctions/auction-list-filters';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { auctionListFilter } from '@/lib/admin/auction-list-filter';
import { listAuctionsForAdmin } from '@/lib/admin/list-auctions';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { pageRequest } from '@/lib/pagination';

const AUCTIONS_PER_PAGE = 20;

export default async function AdminAuctionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardAdminPage();
  const t = await getTranslations('adminAuctions');
  const params = await searchParams;
  const filter = auctionListFilter(params);
  const page = await listAuctionsForAdmin({
    db: db(),
    page: pageRequest(params.page, AUCTIONS_PER_PAGE),
    now: now(),
    filter,
  });
  const filtered = Boolean(filter.q || filter.status);
  const query = Object.fromEntries(
    Object.entries({ q: filter.q, status: filter.status, sort: filter.sort }).filter(([, value]) => value),
  ) as Record<string, string>;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold text-stone-900">{t('title')}</h1>
        <Link href="/admin/auctions/new" className={buttonClass()}>
          {t('new')}
        </Link>
      </div>
      <AuctionListFilters filter={filter} />
      {page.total === 0 ? (
        <EmptyState
          title={filtered ? t('noMatch') : t('empty')}
          body={filtered ? t('noMatchBody') : t('emptyBody')}
          action={
            filtered ? (
              <Link href="/admin/auctions" className={buttonClass('secondary')}>
                {t('clearFilters')}
              </Link>
            ) : (
              <Link href="/admin/auctions/new" className={buttonClass()}>
                {t('new')}
              </Link>
            )
          }
        />
      ) : (
        <AuctionTable rows={page.items} />
      )}
      <Pagination page={page.page} pages={page.pages} basePath="/admin/auctions" query={query} />
    </div>
  );
}
