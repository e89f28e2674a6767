import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { OrderStatusBadge } from '@/components/admin/orders/order-status-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import type { LotOutcome } from '@/lib/admin/lot-outcomes';
import { formatFen } from '@/lib/money';
import { ScrollTable, tdClass, thClass } from './section';

export function LotsTable({ auctionId, lots }: { auctionId: number; lots: LotOutcome[] }) {
  const t = useTranslations('adminAuctionDetail');
  const format = useFormatter();
  const locale = useLocale();
  const fen = (value: number | null) => (value === null ? '—' : formatFen(value, locale));
  return (
    <ScrollTable minWidth="min-w-[56rem]">
      <thead>
        <tr>
          <th className={thClass}>#</th>
          <th className={thClass}>{t('colLot')}</th>
          <th className={thClass}>{t('colStatus')}</th>
          <th className={`${thClass} text-right`}>{t('colStartPrice')}</th>
          <th className={`${thClass} text-right`}>{t('colPrice')}</th>
          <th className={`${thClass} text-right`}>{t('colBids')}</th>
          <th className={thClass}>{t('colLeader')}</th>
          <th className={thClass}>{t('colEndsAt')}</th>
        </tr>
      </thead>
      <tbody>
        {lots.map((lot) => (
          <tr key={lot.id} className="hover:bg-stone-50">
            <td className={`${tdClass} tabular-nums text-stone-500`}>{lot.position + 1}</td>
            <td className={`${tdClass} max-w-64`}>
              <Link
                href={`/admin/auctions/${auctionId}/lots/${lot.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {lot.title}
              </Link>
            </td>
            <td className={tdClass}>
              <div className="flex flex-wrap items-center gap-1">
                <StatusBadge status={lot.status} />
                {lot.order && (
                  <Link href={`/admin/orders/${lot.order.id}`} aria-label={lot.order.orderNo}>
                    <OrderStatusBadge status={lot.order.status} />
                  </Link>
                )}
              </div>
            </td>
            <td className={`${tdClass} text-right tabular-nums`}>{fen(lot.startPrice)}</td>
            <td className={`${tdClass} text-right tabular-nums`}>{fen(lot.dealPrice ?? lot.currentPrice)}</td>
            <td className={`${tdClass} text-right tabular-nums`}>{lot.bidCount}</td>
            <td className={tdClass}>{(lot.winner ?? lot.leader)?.name ?? '—'}</td>
            <td className={`${tdClass} whitespace-nowrap text-stone-600`}>
              {format.dateTime(lot.endsAt, { dateStyle: 'short', timeStyle: 'short' })}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
