import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AdminAuctionRow } from '@/lib/admin/list-auctions';
import { formatFen } from '@/lib/money';

export function AuctionTable({ rows }: { rows: AdminAuctionRow[] }) {
  const t = useTranslations('admin');
  const format = useFormatter();
  const locale = useLocale();
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="border-b border-stone-200 bg-stone-50 text-xs text-stone-500">
          <tr>
            <th className="px-4 py-3 font-medium">{t('colTitle')}</th>
            <th className="px-4 py-3 font-medium">{t('colStatus')}</th>
            <th className="px-4 py-3 font-medium">{t('colStartsAt')}</th>
            <th className="px-4 py-3 text-right font-medium">{t('colLots')}</th>
            <th className="px-4 py-3 text-right font-medium">{t('colTurnover')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-stone-50">
              <td className="max-w-64 truncate px-4 py-3 font-medium text-stone-900">{row.title}</td>
              <td className="px-4 py-3">
                <StatusBadge status={row.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-stone-600">
                {format.dateTime(row.startsAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{row.lotCount}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatFen(row.totalPrice, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
