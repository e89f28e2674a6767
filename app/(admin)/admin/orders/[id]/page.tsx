import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuditTrail } from '@/components/admin/audit-trail';
import { Section } from '@/components/admin/auction-detail/section';
import { CancelOrderForm } from '@/components/admin/orders/cancel-order-form';
import { MoneyMovements, OrderTimeline } from '@/components/admin/orders/money-movements';
import { OrderStatusBadge } from '@/components/admin/orders/order-status-badge';
import { OrderSummary } from '@/components/admin/orders/order-summary';
import { ShipOrderForm } from '@/components/admin/orders/ship-order-form';
import { db } from '@/db';
import { listAuditEntries } from '@/lib/admin/audit-entries';
import { getOrderDetailForAdmin } from '@/lib/admin/order-detail';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { pageRequest } from '@/lib/pagination';
import { engineRules } from '@/lib/server/engine';
import { recordIdText } from '@/lib/validation/record-id';

const AUDIT_PER_PAGE = 10;

export default async function AdminOrderDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardAdminPage();
  const id = recordIdText.safeParse((await params).id);
  if (!id.success) notFound();
  const t = await getTranslations('adminOrders');
  const database = db();
  const [order, audit] = await Promise.all([
    getOrderDetailForAdmin({ db: database, orderId: id.data, now: now(), rules: engineRules() }),
    listAuditEntries({
      db: database,
      scope: { orderId: id.data },
      page: pageRequest((await searchParams).auditPage, AUDIT_PER_PAGE),
    }),
  ]);
  if (!order) notFound();
  return (
    <div className="space-y-6">
      <Link href="/admin/orders" className="text-sm text-brand-700 hover:underline">
        ← {t('backToList')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-xl font-bold break-all text-stone-900">{order.orderNo}</h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Section title={t('details')}>
            <OrderSummary order={order} />
          </Section>
          <Section title={t('money')}>
            <MoneyMovements order={order} />
          </Section>
        </div>
        <div className="space-y-6">
          {order.status === 'paid' && (
            <Section title={t('shipTitle')}>
              <ShipOrderForm orderId={order.id} />
            </Section>
          )}
          {order.status === 'pending_payment' && (
            <Section title={t('cancelTitle')}>
              <CancelOrderForm orderId={order.id} effects={order.cancelEffects} />
            </Section>
          )}
          <Section title={t('timeline')}>
            <OrderTimeline order={order} />
          </Section>
        </div>
      </div>
      <Section id="audit" title={t('audit')}>
        <AuditTrail
          entries={audit}
          basePath={`/admin/orders/${order.id}`}
          query={{}}
          pageParam="auditPage"
          anchor="audit"
        />
      </Section>
    </div>
  );
}
