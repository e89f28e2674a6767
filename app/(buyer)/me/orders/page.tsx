import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { BrowseEmptyState } from '@/components/account/browse-empty-state';
import { AccountPageTitle } from '@/components/account/page-title';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { Countdown } from '@/components/time/countdown';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';
import { now } from '@/lib/clock';
import { formatFen } from '@/lib/money';
import { listMyOrders } from '@/lib/orders/list-my-orders';
import { pageRequest } from '@/lib/pagination';
import { engineRules } from '@/lib/server/engine';

export default async function MyOrdersPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await guardBuyerPage('/me/orders');
  const at = now();
  const request = pageRequest((await searchParams).page, 10);
  const orders = await listMyOrders({ db: db(), userId: user.id, now: at, page: request, rules: engineRules() });
  const [t, tAccount, format, locale] = await Promise.all([
    getTranslations('accountOrders'),
    getTranslations('account'),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <div className="mx-auto max-w-xl">
      <AccountPageTitle title={t('title')} back={tAccount('back')} />
      {orders.total === 0 ? (
        <BrowseEmptyState title={t('empty')} body={t('emptyBody')} browse={t('browse')} />
      ) : (
        <ul className="space-y-3">
          {orders.items.map((order) => (
            <li key={order.id}>
              <Link
                href={`/me/orders/${order.id}`}
                className="block rounded-2xl border border-stone-200 bg-white p-4 active:bg-stone-50"
                data-testid="order-card"
              >
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-stone-900">{order.lot.title}</p>
                    <p className="truncate text-xs text-stone-500">{order.auctionTitle}</p>
                  </div>
                  <OrderStatusBadge status={order.status} className="shrink-0" />
                </div>
                <p className="mt-1 text-xs text-stone-400">{t('orderNo', { orderNo: order.orderNo })}</p>
                <div className="mt-3 flex items-end justify-between gap-3">
                  <div>
                    <p className="text-xs text-stone-500">{t('amountDue')}</p>
                    <p className="text-lg font-bold text-stone-900">{formatFen(order.amountDue, locale)}</p>
                  </div>
                  {order.status === 'pending_payment' && (
                    <div className="text-right">
                      <p className="text-xs text-stone-500">{t('timeLeft')}</p>
                      <Countdown
                        target={order.dueAt.toISOString()}
                        serverNow={at.toISOString()}
                        withDays={false}
                        testId="pay-countdown"
                        className="font-mono text-base font-semibold tabular-nums text-seal-600"
                        overLabel={t('expired')}
                        overClassName="text-sm text-red-700"
                      />
                    </div>
                  )}
                </div>
                {order.status === 'pending_payment' && (
                  <p className="mt-1 text-xs text-stone-500">
                    {t('dueAt', { time: format.dateTime(order.dueAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                  </p>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={orders.page} pages={orders.pages} basePath="/me/orders" />
    </div>
  );
}
