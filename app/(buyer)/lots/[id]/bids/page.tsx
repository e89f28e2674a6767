import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AccountPageTitle } from '@/components/account/page-title';
import { BidList } from '@/components/lots/bid-list';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { idParamSchema } from '@/lib/api/v1/schemas';
import { listLotBids } from '@/lib/lots/list-lot-bids';
import { pageRequest } from '@/lib/pagination';

const PAGE_SIZE = 30;

/** A lot's whole bid history, a page at a time; the lot page shows only the latest. */
export default async function LotBidsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [found, t] = await Promise.all([
    listLotBids({ db: db(), lotId: id.data, page: pageRequest((await searchParams).page, PAGE_SIZE) }),
    getTranslations('lotPage'),
  ]);
  if (!found) notFound();
  const history = found.bids;
  return (
    <div className="mx-auto max-w-xl">
      <AccountPageTitle
        title={t('historyOf', { title: found.title })}
        back={t('backToLot')}
        backHref={`/lots/${id.data}`}
      />
      {history.total === 0 ? (
        <EmptyState title={t('noBids')} body={t('noBidsBody')} />
      ) : (
        <>
          <p className="mb-3 text-sm text-stone-500">{t('historyCount', { count: history.total })}</p>
          {history.items.length > 0 && (
            <div className="rounded-2xl border border-stone-200 bg-white px-4 py-2">
              <BidList bids={history.items} withDate />
            </div>
          )}
        </>
      )}
      <Pagination page={history.page} pages={history.pages} basePath={`/lots/${id.data}/bids`} />
    </div>
  );
}
