import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CouponTable } from '@/components/admin/coupons/coupon-table';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { listCoupons } from '@/lib/coupons/list-coupons';
import { pageRequest } from '@/lib/pagination';

const COUPONS_PER_PAGE = 20;

export default async function AdminCouponsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardAdminPage();
  const t = await getTranslations('adminCoupons');
  const page = await listCoupons({
    db: db(),
    now: now(),
    page: pageRequest((await searchParams).page, COUPONS_PER_PAGE),
  });
  const create = (
    <Link href="/admin/coupons/new" className={buttonClass('primary')} data-testid="new-coupon">
      {t('new')}
    </Link>
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold text-stone-900">{t('title')}</h1>
        {create}
      </div>
      {page.total === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <CouponTable rows={page.items} />
      )}
      <Pagination page={page.page} pages={page.pages} basePath="/admin/coupons" />
    </div>
  );
}
