import { getTranslations } from 'next-intl/server';
import { AuditFilters } from '@/components/admin/audit/audit-filters';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { auditFilterOptions, auditFilterSchema, listAuditLog } from '@/lib/admin/list-audit-log';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { env } from '@/lib/env';
import { pageRequest } from '@/lib/pagination';

const ENTRIES_PER_PAGE = 30;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardAdminPage();
  const query = await searchParams;
  const filter = auditFilterSchema.parse({
    admin: single(query.admin),
    entity: single(query.entity),
    action: single(query.action),
    from: single(query.from),
    to: single(query.to),
  });
  const [t, options, page] = await Promise.all([
    getTranslations('adminAudit'),
    auditFilterOptions({ db: db() }),
    listAuditLog({
      db: db(),
      page: pageRequest(query.page, ENTRIES_PER_PAGE),
      filter,
      timeZone: env().APP_TIME_ZONE,
    }),
  ]);
  const kept = Object.fromEntries(
    Object.entries(filter)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold text-stone-900">{t('title')}</h1>
      <AuditFilters filter={filter} admins={options.admins} actions={options.actions} />
      {page.total === 0 ? (
        <EmptyState title={t('emptyTitle')} body={Object.keys(kept).length > 0 ? t('emptyFiltered') : t('emptyBody')} />
      ) : (
        <AuditTable rows={page.items} />
      )}
      <Pagination page={page.page} pages={page.pages} basePath="/admin/audit" query={kept} />
    </div>
  );
}
