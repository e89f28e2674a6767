import { getTranslations } from 'next-intl/server';
import { AuctionTable } from '@/components/admin/auction-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
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
  const t = await getTranslations('admin');
  const page = await listAuctionsForAdmin({
    db: db(),
    page: pageRequest((await searchParams).page, AUCTIONS_PER_PAGE),
    now: now(),
  });
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold text-stone-900">{t('auctions')}</h1>
      {page.items.length === 0 ? (
        <EmptyState title={t('auctions')} body={t('emptyAuctions')} />
      ) : (
        <AuctionTable rows={page.items} />
      )}
      <Pagination page={page.page} pages={page.pages} basePath="/admin/auctions" />
    </div>
  );
}
