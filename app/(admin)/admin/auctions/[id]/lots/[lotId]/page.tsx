import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BidHistory, ProxyMaxima } from '@/components/admin/auction-detail/bid-history';
import { LotOverview } from '@/components/admin/auction-detail/lot-overview';
import { Section } from '@/components/admin/auction-detail/section';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { getLotDetailForAdmin } from '@/lib/admin/lot-detail';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { pageRequest } from '@/lib/pagination';
import { engineRules } from '@/lib/server/engine';
import { recordIdText } from '@/lib/validation/record-id';

const BIDS_PER_PAGE = 20;

export default async function AdminLotDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; lotId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardAdminPage();
  const raw = await params;
  const auctionId = recordIdText.safeParse(raw.id);
  const lotId = recordIdText.safeParse(raw.lotId);
  if (!auctionId.success || !lotId.success) notFound();
  const t = await getTranslations('adminLotDetail');
  const detail = await getLotDetailForAdmin({
    db: db(),
    auctionId: auctionId.data,
    lotId: lotId.data,
    bidsPage: pageRequest((await searchParams).bidsPage, BIDS_PER_PAGE),
    now: now(),
    rules: engineRules(),
  });
  if (!detail) notFound();
  const { lot, bids, proxies } = detail;
  return (
    <div className="space-y-6">
      <Link href={`/admin/auctions/${lot.auctionId}`} className="text-sm text-brand-700 hover:underline">
        ← {t('backToAuction')}
      </Link>
      <h1 className="font-serif text-2xl font-bold break-words text-stone-900">
        <span className="mr-2 text-stone-400">#{lot.position + 1}</span>
        {lot.title}
      </h1>
      <LotOverview lot={lot} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Section id="bids" title={t('bidHistory', { count: bids.total })}>
            <BidHistory bids={bids.items} />
            <Pagination
              page={bids.page}
              pages={bids.pages}
              basePath={`/admin/auctions/${lot.auctionId}/lots/${lot.id}`}
              pageParam="bidsPage"
              anchor="bids"
            />
          </Section>
        </div>
        <Section title={t('proxies')}>
          <ProxyMaxima proxies={proxies} />
        </Section>
      </div>
    </div>
  );
}
