import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { AdminCouponRow } from '@/lib/coupons/list-coupons';
import { formatFen } from '@/lib/money';
import { CouponStateBadge } from './coupon-state-badge';

export function CouponTable({ rows }: { rows: AdminCouponRow[] }) {
  const t = useTranslations('adminCoupons');
  const format = useFormatter();
  const locale = useLocale();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="coupon-table">
        <thead className="whitespace-nowrap border-b border-stone-200 bg-stone-50 text-xs text-stone-500">
          <tr>
            <th className="px-4 py-3 font-medium">{t('colTitle')}</th>
            <th className="px-4 py-3 font-medium">{t('colStatus')}</th>
            <th className="px-4 py-3 font-medium">{t('colTerms')}</th>
            <th className="px-4 py-3 font-medium">{t('colValidity')}</th>
            <th className="px-4 py-3 text-right font-medium">{t('colIssued')}</th>
            <th className="px-4 py-3 text-right font-medium">{t('colUsed')}</th>
            <th className="px-4 py-3 font-medium">{t('colScope')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-stone-50">
              <td className="max-w-56 truncate px-4 py-3 font-medium">
                <Link href={`/admin/coupons/${row.id}`} className="text-brand-700 hover:underline">
                  {row.title}
                </Link>
              </td>
              <td className="px-4 py-3">
                <CouponStateBadge state={row.state} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 tabular-nums text-stone-700">
                {t('terms', { threshold: formatFen(row.threshold, locale), discount: formatFen(row.discount, locale) })}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-stone-600">
                {when(row.validFrom)} – {when(row.validUntil)}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                {row.issuedCount} / {row.totalQuantity}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{row.usedCount}</td>
              <td className="max-w-48 truncate px-4 py-3 text-stone-600">{row.auctionTitle ?? t('scopeAll')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
