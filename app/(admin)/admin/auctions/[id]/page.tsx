import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuditTrail } from '@/components/admin/audit-trail';
import { AuctionHeader } from '@/components/admin/auction-detail/auction-header';
import { DepositsTable } from '@/components/admin/auction-detail/deposits-table';
import { EventTimeline } from '@/components/admin/auction-detail/event-timeline';
import { FailedRefunds } from '@/components/admin/auction-detail/failed-refunds';
import { LotsTable } from '@/components/admin/auction-detail/lots-table';
import { Section } from '@/components/admin/auction-detail/section';
import { SettlementSummary } from '@/components/admin/auction-detail/settlement-summary';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { listAuctionDeposits } from '@/lib/admin/auction-deposits';
import { getAuctionDetailForAdmin } from '@/lib/admin/auction-detail';
import { listAuctionLots } from '@/lib/admin/auction-lots';
import { listAuctionTimeline } from '@/lib/admin/auction-timeline';
import { listAuditEntries } from '@/lib/admin/audit-entries';
import { listFailedRefunds } from '@/lib/admin/failed-refunds';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { pageRequest } from '@/lib/pagination';
import { engineRules } from '@/lib/server/engine';
import { recordIdText } from '@/lib/validation/record-id';

const LOTS_PER_PAGE = 50;
const EVENTS_PER_PAGE = 20;
const DEPOSITS_PER_PAGE = 20;
const AUDIT_PER_PAGE = 10;
const PAGE_PARAMS = ['lotsPage', 'eventsPage', 'depositsPage', 'auditPage'] as const;

export default async function AdminAuctionDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardAdminPage();
  const id = recordIdText.safeParse((await params).id);
  if (!id.success) notFound();
  const search = await searchParams;
  const t = await getTranslations('adminAuctionDetail');
  const database = db();
  const at = now();
  const rules = engineRules();
  const auction = await getAuctionDetailForAdmin({ db: database, auctionId: id.data, now: at, rules });
  if (!auction) notFound();
  const auctionId = auction.id;
  const [lots, events, deposits, failed, audit] = await Promise.all([
    listAuctionLots({ db: database, auctionId, page: pageRequest(search.lotsPage, LOTS_PER_PAGE), now: at, rules }),
    listAuctionTimeline({ db: database, auctionId, page: pageRequest(search.eventsPage, EVENTS_PER_PAGE) }),
    listAuctionDeposits({ db: database, auctionId, page: pageRequest(search.depositsPage, DEPOSITS_PER_PAGE) }),
    listFailedRefunds({ db: database, auctionId }),
    listAuditEntries({ db: database, scope: { auctionId }, page: pageRequest(search.auditPage, AUDIT_PER_PAGE) }),
  ]);
  // Each list pages on its own parameter; its links keep the others' pages.
  const query = Object.fromEntries(
    PAGE_PARAMS.flatMap((name) => (typeof search[name] === 'string' ? [[name, search[name] as string]] : [])),
  );
  const basePath = `/admin/auctions/${auctionId}`;
  return (
    <div className="space-y-6">
      <AuctionHeader auction={auction} />
      <Section title={t('settlement')}>
        <SettlementSummary summary={auction.summary} />
      </Section>
      <Section id="lots" title={t('lots')}>
        {lots.total === 0 ? (
          <EmptyState title={t('noLotsTitle')} body={t('noLotsBody')} />
        ) : (
          <LotsTable auctionId={auctionId} lots={lots.items} />
        )}
        <Pagination
          page={lots.page}
          pages={lots.pages}
          basePath={basePath}
          query={query}
          pageParam="lotsPage"
          anchor="lots"
        />
      </Section>
      <Section id="failed-refunds" title={t('failedRefunds', { count: failed.total })}>
        <FailedRefunds refunds={failed.items} total={failed.total} />
      </Section>
      <Section id="deposits" title={t('deposits', { count: deposits.total })}>
        {deposits.total === 0 ? (
          <p className="text-sm text-stone-500">{t('noDeposits')}</p>
        ) : (
          <DepositsTable deposits={deposits.items} />
        )}
        <Pagination
          page={deposits.page}
          pages={deposits.pages}
          basePath={basePath}
          query={query}
          pageParam="depositsPage"
          anchor="deposits"
        />
      </Section>
      <div className="grid gap-6 xl:grid-cols-2">
        <Section id="events" title={t('timeline')}>
          <EventTimeline entries={events.items} />
          <Pagination
            page={events.page}
            pages={events.pages}
            basePath={basePath}
            query={query}
            pageParam="eventsPage"
            anchor="events"
          />
        </Section>
        <Section id="audit" title={t('audit')}>
          <AuditTrail entries={audit} basePath={basePath} query={query} pageParam="auditPage" anchor="audit" />
        </Section>
      </div>
    </div>
  );
}
