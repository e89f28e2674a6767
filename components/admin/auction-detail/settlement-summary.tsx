import { useLocale, useTranslations } from 'next-intl';
import { StatCard } from '@/components/admin/stat-card';
import type { SettlementSummary as Summary } from '@/lib/admin/auction-detail';
import { formatFen } from '@/lib/money';

/** 结算: what the auction sold and where its deposits' money is now. */
export function SettlementSummary({ summary }: { summary: Summary }) {
  const t = useTranslations('adminAuctionDetail');
  const locale = useLocale();
  const money = (part: { count: number; amount: number }) => ({
    value: formatFen(part.amount, locale),
    hint: t('depositCount', { count: part.count }),
  });
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <StatCard label={t('turnover')} value={formatFen(summary.turnover, locale)} />
      <StatCard
        label={t('soldUnsold')}
        value={`${summary.sold} / ${summary.unsold}`}
        hint={t('overdueOpen', { overdue: summary.overdue, cancelled: summary.cancelled, open: summary.open })}
      />
      <StatCard label={t('depositsHeld')} {...money(summary.held)} />
      <StatCard label={t('depositsRefunded')} {...money(summary.refunded)} />
      <StatCard label={t('depositsForfeited')} {...money(summary.forfeited)} />
    </div>
  );
}
