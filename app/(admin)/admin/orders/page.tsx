import { getTranslations } from 'next-intl/server';
import { OrderFilters } from '@/components/admin/orders/order-filters';
import { OrdersTable } from '@/components/admin/orders/orders-table';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { listOrdersForAdmin } from '@/lib/admin/list-orders';
import { orderFilterQuery, orderFiltersSchema } from '@/lib/admin/order-schemas';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { pageRequest } from '@/lib/pagination';
import { engineRules } from '@/lib/server/engine';

const ORDERS_PER_PAGE = 20;

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardAdminPage();
  const search = await searchParams;
  const t = await getTranslations('adminOrders');
  const filters = orderFiltersSchema.parse(search);
  const query = orderFilterQuery(filters);
  const page = await listOrdersForAdmin({
    db: db(),
    filters,
    page: pageRequest(search.page, ORDERS_PER_PAGE),
    now: now(),
    rules: engineRules(),
  });
  const filtered = Object.keys(query).length > 0;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold text-stone-900">{t('title')}</h1>
        <a
          href={`/api/admin/orders.csv?${new URLSearchParams(query).toString()}`}
          className={buttonClass('secondary')}
          download
        >
          {t('exportCsv')}
        </a>
      </div>
      <OrderFilters filters={filters} />
      <p className="text-sm text-stone-500">{t('total', { count: page.total })}</p>
      {page.total === 0 ? (
        <EmptyState title={t('emptyTitle')} body={filtered ? t('emptyFiltered') : t('emptyBody')} />
      ) : (
        <OrdersTable orders={page.items} />
      )}
      <Pagination page={page.page} pages={page.pages} basePath="/admin/orders" query={query} />
    </div>
  );
}
