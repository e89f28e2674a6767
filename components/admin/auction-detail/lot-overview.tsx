import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { OrderStatusBadge } from '@/components/admin/orders/order-status-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import type { LotOutcome } from '@/lib/admin/lot-outcomes';
import { formatFen } from '@/lib/money';
import { OPEN_LOT_STATUSES } from '@/machines/lot';

/** While the lot runs: price, leader and end. Once closed: the result, the winner and the order. */
export function LotOverview({ lot }: { lot: LotOutcome }) {
  const t = useTranslations('adminLotDetail');
  const format = useFormatter();
  const locale = useLocale();
  const fen = (value: number | null) => (value === null ? '—' : formatFen(value, locale));
  const open = OPEN_LOT_STATUSES.includes(lot.status);
  const facts: [string, React.ReactNode][] = open
    ? [
        [t('currentPrice'), fen(lot.currentPrice)],
        [t('leader'), lot.leader?.name ?? t('noBids')],
        [t('endsAt'), format.dateTime(lot.endsAt, { dateStyle: 'medium', timeStyle: 'medium' })],
        [t('bids'), lot.bidCount],
      ]
    : [
        [t('result'), lot.order?.status === 'cancelled' ? t('orderCancelled') : t(`results.${lot.status}`)],
        [t('dealPrice'), lot.status === 'unsold' && !lot.order ? '—' : fen(lot.dealPrice ?? lot.currentPrice)],
        [t('winner'), lot.winner?.name ?? '—'],
        [
          t('order'),
          lot.order ? (
            <Link
              href={`/admin/orders/${lot.order.id}`}
              className="flex min-w-0 flex-wrap items-center gap-2 text-base break-all text-brand-700 hover:underline"
            >
              {lot.order.orderNo} <OrderStatusBadge status={lot.order.status} />
            </Link>
          ) : (
            '—'
          ),
        ],
      ];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={lot.status} />
        <span className="text-sm text-stone-500">
          {t('startPrice', { price: fen(lot.startPrice) })} · {t('reserve', { price: fen(lot.reservePrice) })} ·{' '}
          {t('deposit', { price: fen(lot.depositAmount) })}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label} className="min-w-0 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
            <dt className="text-xs text-stone-500">{label}</dt>
            <dd className="mt-1 text-lg font-semibold break-words text-stone-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
