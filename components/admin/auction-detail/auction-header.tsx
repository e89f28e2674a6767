import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AdminAuctionDetail } from '@/lib/admin/auction-detail';

export function AuctionHeader({ auction }: { auction: AdminAuctionDetail }) {
  const t = useTranslations('adminAuctionDetail');
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const times = [
    [t('previewStartsAt'), auction.previewStartsAt],
    [t('previewEndsAt'), auction.previewEndsAt],
    [t('startsAt'), auction.startsAt],
    [t('endsAt'), auction.endsAt],
  ] as const;
  return (
    <header className="space-y-4">
      <Link href="/admin/auctions" className="text-sm text-brand-700 hover:underline">
        ← {t('backToList')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="font-serif text-2xl font-bold break-words text-stone-900">{auction.title}</h1>
          <div className="mt-2 flex items-center gap-2">
            <StatusBadge status={auction.status} />
            <span className="text-sm text-stone-500">{t('lotCount', { count: auction.lotCount })}</span>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/admin/auctions/${auction.id}/edit`} className={buttonClass('secondary')}>
            {t('edit')}
          </Link>
          <Link href={`/admin/auctions/${auction.id}/relist`} className={buttonClass('secondary')}>
            {t('relist')}
          </Link>
          <a href={`/api/admin/auctions/${auction.id}/bids.csv`} className={buttonClass('secondary')} download>
            {t('exportBids')}
          </a>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 rounded-xl border border-stone-200 bg-white p-4 text-sm shadow-sm md:grid-cols-4">
        {times.map(([label, date]) => (
          <div key={label}>
            <dt className="text-xs text-stone-500">{label}</dt>
            <dd className="mt-1 font-medium text-stone-800">{when(date)}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
