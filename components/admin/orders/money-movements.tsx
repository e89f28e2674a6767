import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { ScrollTable, tdClass, thClass } from '@/components/admin/auction-detail/section';
import type { AdminOrderDetail } from '@/lib/admin/order-detail';
import { formatFen } from '@/lib/money';

/** Payments and refunds of the order and of the deposit that covered it, and that deposit now. */
export function MoneyMovements({ order }: { order: AdminOrderDetail }) {
  const t = useTranslations('adminOrders');
  const tr = useTranslations('adminRefunds');
  const format = useFormatter();
  const locale = useLocale();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' }) : '—');
  const movements = [
    ...order.payments.map((payment) => ({
      key: `p${payment.id}`,
      kind: t(`paymentPurpose.${payment.purpose}`),
      amount: payment.amount,
      status: t(`paymentStatus.${payment.status}`),
      at: payment.succeededAt ?? payment.createdAt,
    })),
    ...order.refunds.map((refund) => ({
      key: `r${refund.id}`,
      kind: `${t('refund')} · ${tr.has(`reasons.${refund.reason}`) ? tr(`reasons.${refund.reason}`) : refund.reason}`,
      amount: -refund.amount,
      status: t(`refundStatus.${refund.status}`),
      at: refund.succeededAt ?? refund.createdAt,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const deposit = order.deposit;
  return (
    <div className="space-y-4">
      {deposit && (
        <p className="text-sm text-stone-700">
          {t('depositLine', {
            kind: deposit.kind === 'session' ? tr('kindSession') : tr('kindLot', { lot: order.lotTitle }),
            status: tr(`depositStatus.${deposit.status}`),
            amount: formatFen(deposit.amount, locale),
            balance: formatFen(deposit.balance, locale),
            refunded: formatFen(deposit.refundedAmount, locale),
            forfeited: formatFen(deposit.forfeitedAmount, locale),
          })}
        </p>
      )}
      {movements.length === 0 ? (
        <p className="text-sm text-stone-500">{t('noMovements')}</p>
      ) : (
        <ScrollTable minWidth="min-w-[32rem]">
          <thead>
            <tr>
              <th className={thClass}>{t('colMovement')}</th>
              <th className={`${thClass} text-right`}>{t('colMovementAmount')}</th>
              <th className={thClass}>{t('colStatus')}</th>
              <th className={thClass}>{t('colAt')}</th>
            </tr>
          </thead>
          <tbody>
            {movements.map((movement) => (
              <tr key={movement.key}>
                <td className={tdClass}>{movement.kind}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatFen(movement.amount, locale)}</td>
                <td className={tdClass}>{movement.status}</td>
                <td className={`${tdClass} whitespace-nowrap text-stone-600`}>{when(movement.at)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}

/** The order's own lifecycle hops, newest first. */
export function OrderTimeline({ order }: { order: AdminOrderDetail }) {
  const t = useTranslations('adminOrders');
  const ts = useTranslations('adminAuctionDetail.statuses');
  const format = useFormatter();
  const label = (status: string) => (ts.has(status) ? ts(status) : status);
  if (order.timeline.length === 0) return <p className="text-sm text-stone-500">{t('noEvents')}</p>;
  return (
    <ol className="space-y-2 border-l-2 border-stone-200 pl-4 text-sm">
      {order.timeline.map((entry) => (
        <li key={entry.id}>
          <p className="text-stone-800">
            {label(entry.fromStatus)} → <span className="font-medium">{label(entry.toStatus)}</span>
          </p>
          <p className="text-xs text-stone-500">
            {format.dateTime(entry.at, { dateStyle: 'medium', timeStyle: 'medium' })} · {entry.actorName ?? t('system')}
          </p>
        </li>
      ))}
    </ol>
  );
}
