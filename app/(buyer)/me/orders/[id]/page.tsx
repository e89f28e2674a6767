import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { confirmReceiptAction } from '@/actions/orders';
import { AddressLines } from '@/components/account/address-card';
import { ConfirmActionButton } from '@/components/account/confirm-action-button';
import { AccountPageTitle } from '@/components/account/page-title';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { Countdown } from '@/components/time/countdown';
import { PayOrderForm } from '@/components/orders/pay-order-form';
import { db } from '@/db';
import { listAddresses } from '@/lib/addresses/list-addresses';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';
import { now } from '@/lib/clock';
import { listMyCoupons } from '@/lib/coupons/list-my-coupons';
import { formatFen } from '@/lib/money';
import { couponChoicesFor } from '@/lib/orders/coupon-choices';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { engineRules } from '@/lib/server/engine';
import { routeId } from '@/lib/validation/record-id';

export default async function MyOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const user = await guardBuyerPage(`/me/orders/${encodeURIComponent(raw)}`);
  const id = routeId(raw);
  if (id === null) notFound();
  const at = now();
  const database = db();
  const order = await getMyOrder({ db: database, userId: user.id, orderId: id, now: at, rules: engineRules() });
  if (!order) notFound();
  const payable = order.status === 'pending_payment';
  const [addresses, wallet] = payable
    ? await Promise.all([
        listAddresses({ db: database, userId: user.id }),
        listMyCoupons({ db: database, now: at, userId: user.id }),
      ])
    : [[], []];
  const [t, format, locale] = await Promise.all([getTranslations('accountOrders'), getFormatter(), getLocale()]);
  const money = (fen: number) => formatFen(fen, locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="flex justify-between gap-4">
      <dt className="shrink-0 text-stone-500">{label}</dt>
      <dd className="min-w-0 break-words text-right text-stone-800" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <AccountPageTitle title={t('detailTitle')} back={t('backToOrders')} backHref="/me/orders" />
      <section className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="font-medium text-stone-900">{order.lot.title}</p>
            <p className="text-xs text-stone-500">{order.auctionTitle}</p>
            <p className="mt-1 text-xs text-stone-400">{t('orderNo', { orderNo: order.orderNo })}</p>
          </div>
          <OrderStatusBadge status={order.status} className="shrink-0" />
        </div>
        <dl className="space-y-1 text-sm">
          {row(t('dealPrice'), money(order.dealPrice))}
          {row(t('buyerPremium'), money(order.buyerPremium))}
          {order.couponDiscount > 0 && row(t('couponDiscount'), `−${money(order.couponDiscount)}`)}
          {row(t('total'), <span className="font-semibold">{money(order.amountDue)}</span>, 'order-total')}
          {order.paidAt && row(t('paidAt'), when(order.paidAt))}
          {order.shippedAt && row(t('shippedAt'), when(order.shippedAt))}
          {order.carrier && row(t('carrier'), order.carrier, 'order-carrier')}
          {order.trackingNo && row(t('trackingNo'), order.trackingNo, 'order-tracking')}
          {order.completedAt && row(t('completedAt'), when(order.completedAt))}
        </dl>
        {order.coupon?.status === 'used' && (
          <p className="text-sm text-brand-700">{t('couponUsed', { title: order.coupon.title })}</p>
        )}
      </section>

      {payable && (
        <section className="flex items-center justify-between gap-3 rounded-2xl bg-amber-50 p-4">
          <div>
            <p className="text-sm text-stone-600">{t('timeLeft')}</p>
            <p className="text-xs text-stone-500">{t('dueAt', { time: when(order.dueAt) })}</p>
          </div>
          <Countdown
            target={order.dueAt.toISOString()}
            serverNow={at.toISOString()}
            withDays={false}
            testId="pay-countdown"
            className="font-mono text-base font-semibold tabular-nums text-seal-600"
            overLabel={t('expired')}
            overClassName="text-sm text-red-700"
          />
        </section>
      )}
      {payable && order.openCharge && <Note>{t('openCheckoutNote')}</Note>}
      {order.status === 'confirming_payment' && <Note>{t('confirmingNote')}</Note>}
      {order.status === 'paid' && <Note>{t('paidNote')}</Note>}
      {order.status === 'overdue' && <Note tone="red">{t('overdueNote')}</Note>}
      {order.status === 'cancelled' && (
        <Note tone="red">
          {order.cancelReason ? t('cancelledReason', { reason: order.cancelReason }) : t('cancelledNoReason')}
        </Note>
      )}

      {order.shippingAddress && !payable && (
        <section className="space-y-2 rounded-2xl border border-stone-200 bg-white p-4">
          <h2 className="text-sm font-medium text-stone-700">{t('shippingAddress')}</h2>
          <AddressLines address={order.shippingAddress} />
        </section>
      )}
      {order.status === 'shipped' && (
        <ConfirmActionButton
          action={confirmReceiptAction}
          arg={{ orderId: order.id }}
          label={t('confirmReceipt')}
          question={t('confirmReceiptQuestion')}
          yes={t('confirmYes')}
          no={t('confirmNo')}
          variant="primary"
        />
      )}
      {payable && (
        <PayOrderForm
          orderId={order.id}
          subtotal={order.dealPrice + order.buyerPremium}
          addresses={addresses}
          coupons={couponChoicesFor(order, wallet)}
          openCoupon={order.openCharge && order.coupon?.status === 'locked' ? order.coupon.userCouponId : null}
        />
      )}
    </div>
  );
}

function Note({ children, tone = 'stone' }: { children: React.ReactNode; tone?: 'stone' | 'red' }) {
  return (
    <p
      role="status"
      className={
        tone === 'red'
          ? 'rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800'
          : 'rounded-xl bg-stone-100 px-4 py-3 text-sm text-stone-700'
      }
    >
      {children}
    </p>
  );
}
