import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuctionTable } from '@/components/admin/auction-table';
import { StatCard } from '@/components/admin/stat-card';
import { EmptyState } from '@/components/ui/empty-state';
import { db } from '@/db';
import { dashboardStats } from '@/lib/admin/dashboard-stats';
import { listAuctionsForAdmin } from '@/lib/admin/list-auctions';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { formatFen } from '@/lib/money';
import { pageRequest } from '@/lib/pagination';
import { engineRules } from '@/lib/server/engine';

const RECENT_AUCTIONS = 5;

export default async function AdminDashboardPage() {
  await guardAdminPage();
  const [t, locale, stats, recent] = await Promise.all([
    getTranslations('admin'),
    getLocale(),
    dashboardStats({ db: db(), now: now(), rules: engineRules() }),
    listAuctionsForAdmin({ db: db(), page: pageRequest(1, RECENT_AUCTIONS), now: now() }),
  ]);
  const figures = [
    { label: t('statsLive'), value: String(stats.live) },
    { label: t('statsUpcoming'), value: String(stats.upcoming) },
    { label: t('statsAuctions'), value: String(stats.auctions) },
    { label: t('statsBuyers'), value: String(stats.buyers) },
    { label: t('statsDepositsHeld'), value: formatFen(stats.depositsHeld, locale) },
    { label: t('statsTurnover'), value: formatFen(stats.turnover, locale) },
    { label: t('statsPendingOrders'), value: String(stats.pendingOrders) },
    { label: t('statsBids'), value: String(stats.bids) },
  ];
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-2xl font-bold text-stone-900">{t('dashboard')}</h1>
      <section className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="dashboard-stats">
        {figures.map((figure) => (
          <StatCard key={figure.label} label={figure.label} value={figure.value} />
        ))}
      </section>
      <section>
        <div className="mb-3 flex items-center justify-between">
          <h2 className="text-lg font-semibold text-stone-900">{t('recentAuctions')}</h2>
          <Link href="/admin/auctions" className="text-sm font-medium text-brand-700 hover:underline">
            {t('auctions')} →
          </Link>
        </div>
        {recent.items.length === 0 ? (
          <EmptyState title={t('auctions')} body={t('emptyAuctions')} />
        ) : (
          <AuctionTable rows={recent.items} />
        )}
      </section>
    </div>
  );
}
