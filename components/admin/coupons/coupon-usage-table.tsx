import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { CouponHolding } from '@/lib/coupons/coupon-usage';

const tones: Record<CouponHolding['status'], string> = {
  available: 'bg-brand-50 text-brand-700 ring-brand-200',
  locked: 'bg-amber-50 text-amber-700 ring-amber-200',
  used: 'bg-stone-100 text-stone-600 ring-stone-200',
};

export function CouponUsageTable({ rows }: { rows: CouponHolding[] }) {
  const t = useTranslations('adminCoupons');
  const format = useFormatter();
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="coupon-usage">
        <thead className="whitespace-nowrap border-b border-stone-200 bg-stone-50 text-xs text-stone-500">
          <tr>
            <th className="px-4 py-3 font-medium">{t('colHolder')}</th>
            <th className="px-4 py-3 font-medium">{t('colHolding')}</th>
            <th className="px-4 py-3 font-medium">{t('colSource')}</th>
            <th className="px-4 py-3 font-medium">{t('colOrder')}</th>
            <th className="px-4 py-3 font-medium">{t('colIssuedAt')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-3">
                <span className="font-medium text-stone-900">{row.userName}</span>
                <span className="ml-2 text-stone-500">{row.phone ?? row.email}</span>
              </td>
              <td className="px-4 py-3">
                <span
                  className={cn(
                    'inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
                    tones[row.status],
                  )}
                >
                  {t(`holding.${row.status}`)}
                </span>
              </td>
              <td className="px-4 py-3 text-stone-600">{t(`source.${row.source}`)}</td>
              <td className="px-4 py-3 tabular-nums text-stone-700">
                {row.orderId && row.orderNo ? (
                  <Link href={`/admin/orders/${row.orderId}`} className="text-brand-700 hover:underline">
                    {row.orderNo}
                  </Link>
                ) : (
                  '—'
                )}
                {row.usedAt && (
                  <span className="ml-2 text-xs text-stone-500">
                    {format.dateTime(row.usedAt, { dateStyle: 'short', timeStyle: 'short' })}
                  </span>
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-stone-600">
                {format.dateTime(row.issuedAt, { dateStyle: 'short', timeStyle: 'short' })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
