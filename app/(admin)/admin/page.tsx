import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuctionTable } from '@/components/admin/auction-table';
import { BarChartCard } from '@/components/admin/dashboard/bar-chart-card';
import { StatCard } from '@/components/admin/stat-card';
import { EmptyState } from '@/components/ui/empty-state';
import { db } from '@/db';
import { dashboardCharts } from '@/lib/admin/dashboard-charts';
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
  const at = now();
  const rules = engineRules();
  const [t, td, locale, stats, charts, recent] = await Promise.all([
    getTranslations('admin'),
    getTranslations('adminDashboard'),
    getLocale(),
    dashboardStats({ db: db(), now: at, rules }),
    dashboardCharts({ db: db(), now: at, timeZone: rules.timeZone }),
    listAuctionsForAdmin({ db: db(), page: pageRequest(1, RECENT_AUCTIONS), now: at }),
  ]);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const { overdue, due } = stats.overdue;
  const figures = [
    { key: 'live', label: t('statsLive'), value: String(stats.live) },
    { key: 'bidsToday', label: td('bidsToday'), value: String(stats.bidsToday) },
    { key: 'turnoverMonth', label: td('turnoverThisMonth'), value: formatFen(stats.turnoverThisMonth, locale) },
    { key: 'deposits', label: t('statsDepositsHeld'), value: formatFen(stats.depositsHeld, locale) },
    {
      key: 'overdueRate',
      label: td('overdueRate'),
      value: due === 0 ? '—' : percent.format(overdue / due),
      hint: td('overdueOf', { overdue, due }),
    },
    { key: 'pending', label: t('statsPendingOrders'), value: String(stats.pendingOrders) },
    { key: 'turnover', label: t('statsTurnover'), value: formatFen(stats.turnover, locale) },
    { key: 'buyers', label: t('statsBuyers'), value: String(stats.buyers) },
  ];
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-2xl font-bold text-stone-900">{t('dashboard')}</h1>
      <section className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="dashboard-stats">
        {figures.map((figure) => (
          <div key={figure.key} data-testid={`kpi-${figure.key}`}>
            <StatCard label={figure.label} value={figure.value} hint={figure.hint} />
          </div>
        ))}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <BarChartCard
          title={td('turnoverByAuction')}
          kind="money"
          points={charts.turnoverByAuction.map((row) => ({ label: row.title, value: row.turnover }))}
          empty={td('turnoverEmpty')}
          testId="chart-turnover"
        />
        <BarChartCard
          title={td('bidsByHour', { zone: rules.timeZone })}
          kind="count"
          points={charts.bidsByHour.map((row) => ({ label: row.hour, value: row.bids }))}
          empty={td('bidsEmpty')}
          testId="chart-bids"
        />
      </div>
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
