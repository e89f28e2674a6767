import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { AdminOrderDetail } from '@/lib/admin/order-detail';
import { formatFen } from '@/lib/money';

/** 订单: the lot, the money owed and paid, where it goes. */
export function OrderSummary({ order }: { order: AdminOrderDetail }) {
  const t = useTranslations('adminOrders');
  const format = useFormatter();
  const locale = useLocale();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const paid = order.payments
    .filter((payment) => payment.purpose === 'order' && payment.status === 'succeeded')
    .reduce((sum, payment) => sum + payment.amount, 0);
  const address = order.shippingAddress;
  const rows: [string, React.ReactNode][] = [
    [
      t('lot'),
      <>
        <Link
          href={`/admin/auctions/${order.auctionId}/lots/${order.lotId}`}
          className="text-brand-700 hover:underline"
        >
          {order.lotTitle}
        </Link>
        <span className="block text-xs text-stone-500">{order.auctionTitle}</span>
      </>,
    ],
    [t('buyer'), `${order.buyerName}${order.buyerPhone ? ` · ${order.buyerPhone}` : ''}`],
    [t('dealPrice'), formatFen(order.dealPrice, locale)],
    [t('premium'), formatFen(order.buyerPremium, locale)],
    [t('coupon'), order.coupon ? `${order.coupon.title} (−${formatFen(order.couponDiscount, locale)})` : '—'],
    [t('amountDue'), formatFen(order.amountDue, locale)],
    [t('amountPaid'), formatFen(paid, locale)],
    [t('dueAt'), when(order.dueAt)],
    [t('paidAt'), when(order.paidAt)],
    [
      t('shipping'),
      order.shippedAt ? `${order.carrier ?? ''} ${order.trackingNo ?? ''} · ${when(order.shippedAt)}` : '—',
    ],
    [
      t('address'),
      address
        ? `${address.recipient} ${address.phone} · ${address.province}${address.city}${address.district}${address.detail}`
        : t('noAddress'),
    ],
  ];
  if (order.cancelledAt) rows.push([t('cancelled'), `${when(order.cancelledAt)} · ${order.cancelReason ?? ''}`]);
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs text-stone-500">{label}</dt>
          <dd className="mt-0.5 break-words text-stone-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
