import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AdminAuctionRow } from '@/lib/admin/list-auctions';
import { formatFen } from '@/lib/money';

/** Auctions with their status at now, schedule and figures; each opens its detail page, or its edit page. */
export function AuctionTable({ rows }: { rows: AdminAuctionRow[] }) {
  const t = useTranslations('admin');
  const ta = useTranslations('adminAuctions');
  const format = useFormatter();
  const locale = useLocale();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    // relative: the header's sr-only label is absolutely positioned, and must scroll inside this
    // box instead of widening the whole page on a phone.
    <div className="relative overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <thead className="border-b border-stone-200 bg-stone-50 text-xs text-stone-500">
          <tr>
            <th className="px-4 py-3 font-medium">{t('colTitle')}</th>
            <th className="px-4 py-3 font-medium">{t('colStatus')}</th>
            <th className="px-4 py-3 font-medium">{ta('colSchedule')}</th>
            <th className="px-4 py-3 text-right font-medium">{t('colLots')}</th>
            <th className="px-4 py-3 text-right font-medium">{ta('colBids')}</th>
            <th className="px-4 py-3 text-right font-medium">{ta('colViews')}</th>
            <th className="px-4 py-3 text-right font-medium">{t('colTurnover')}</th>
            <th className="px-4 py-3 font-medium">
              <span className="sr-only">{ta('colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-stone-50" data-testid="auction-row">
              <td className="max-w-64 px-4 py-3">
                <Link
                  href={`/admin/auctions/${row.id}`}
                  className="block truncate font-medium text-stone-900 hover:text-brand-700 hover:underline"
                >
                  {row.title}
                </Link>
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={row.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-xs leading-5 text-stone-600">
                <div>{ta('scheduleStarts', { at: when(row.startsAt) })}</div>
                <div>{ta('scheduleEnds', { at: when(row.endsAt) })}</div>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{row.lotCount}</td>
              <td className="px-4 py-3 text-right tabular-nums">{row.bidCount}</td>
              <td className="px-4 py-3 text-right tabular-nums">{row.viewCount}</td>
              <td className="px-4 py-3 text-right tabular-nums" data-column="turnover">
                {formatFen(row.totalPrice, locale)}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-right">
                <Link
                  href={`/admin/auctions/${row.id}/edit`}
                  className="rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {ta('edit')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
