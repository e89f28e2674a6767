import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { ScrollTable, tdClass, thClass } from '@/components/admin/auction-detail/section';
import type { AdminOrderRow } from '@/lib/admin/list-orders';
import { formatFen } from '@/lib/money';
import { OrderStatusBadge } from './order-status-badge';

export function OrdersTable({ orders }: { orders: AdminOrderRow[] }) {
  const t = useTranslations('adminOrders');
  const format = useFormatter();
  const locale = useLocale();
  return (
    <div className="rounded-xl border border-stone-200 bg-white px-4 shadow-sm md:p-1">
      <ScrollTable minWidth="min-w-[60rem]">
        <thead>
          <tr>
            <th className={thClass}>{t('colOrderNo')}</th>
            <th className={thClass}>{t('colStatus')}</th>
            <th className={thClass}>{t('colLot')}</th>
            <th className={thClass}>{t('colBuyer')}</th>
            <th className={`${thClass} text-right`}>{t('colAmountDue')}</th>
            <th className={thClass}>{t('colDueAt')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="hover:bg-stone-50" data-testid={`order-${order.orderNo}`}>
              <td className={tdClass}>
                <Link
                  href={`/admin/orders/${order.id}`}
                  className="font-mono text-xs font-medium text-brand-700 hover:underline"
                >
                  {order.orderNo}
                </Link>
              </td>
              <td className={tdClass}>
                <OrderStatusBadge status={order.status} />
              </td>
              <td className={`${tdClass} max-w-64`}>
                <p className="truncate font-medium text-stone-900">{order.lotTitle}</p>
                <Link
                  href={`/admin/auctions/${order.auctionId}`}
                  className="truncate text-xs text-stone-500 hover:underline"
                >
                  {order.auctionTitle}
                </Link>
              </td>
              <td className={tdClass}>
                <p className="text-stone-900">{order.buyerName}</p>
                {order.buyerPhone && <p className="text-xs text-stone-500">{order.buyerPhone}</p>}
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>{formatFen(order.amountDue, locale)}</td>
              <td className={`${tdClass} whitespace-nowrap text-stone-600`}>
                {format.dateTime(order.dueAt, { dateStyle: 'short', timeStyle: 'short' })}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
