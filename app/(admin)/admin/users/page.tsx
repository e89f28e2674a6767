import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { UserFilters } from '@/components/admin/users/user-filters';
import { UserTable } from '@/components/admin/users/user-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { env } from '@/lib/env';
import { pageRequest } from '@/lib/pagination';
import { listUsers } from '@/lib/users/list-users';

const USERS_PER_PAGE = 20;

/** The URL's filters; anything malformed is no filter. */
const filterSchema = z.object({
  q: z.string().trim().max(60).catch(''),
  role: z.enum(['admin', 'buyer']).nullable().catch(null),
});

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await guardAdminPage();
  const query = await searchParams;
  const filter = filterSchema.parse({ q: query.q ?? '', role: query.role ?? null });
  const [t, page] = await Promise.all([
    getTranslations('adminUsers'),
    listUsers({
      db: db(),
      page: pageRequest(query.page, USERS_PER_PAGE),
      search: filter.q,
      role: filter.role,
    }),
  ]);
  const filtered = filter.q !== '' || filter.role !== null;
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold text-stone-900">{t('title')}</h1>
      <UserFilters search={filter.q} role={filter.role ?? ''} />
      {page.total === 0 ? (
        <EmptyState title={t('emptyTitle')} body={filtered ? t('emptyFiltered') : t('emptyBody')} />
      ) : (
        <UserTable rows={page.items} selfId={admin.id} strikeLimit={env().STRIKE_LIMIT} />
      )}
      <Pagination
        page={page.page}
        pages={page.pages}
        basePath="/admin/users"
        query={{ ...(filter.q ? { q: filter.q } : {}), ...(filter.role ? { role: filter.role } : {}) }}
      />
    </div>
  );
}
