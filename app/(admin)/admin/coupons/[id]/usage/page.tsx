import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CouponUsageTable } from '@/components/admin/coupons/coupon-usage-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { couponUsage } from '@/lib/coupons/coupon-usage';
import { getCoupon } from '@/lib/coupons/list-coupons';
import { recordIdText } from '@/lib/validation/record-id';
import { pageRequest } from '@/lib/pagination';

const HOLDINGS_PER_PAGE = 30;

export default async function CouponUsagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardAdminPage();
  const id = recordIdText.safeParse((await params).id);
  if (!id.success) notFound();
  const [coupon, t] = await Promise.all([
    getCoupon({ db: db(), now: now(), couponId: id.data }),
    getTranslations('adminCoupons'),
  ]);
  if (!coupon) notFound();
  const usage = await couponUsage({
    db: db(),
    couponId: coupon.id,
    page: pageRequest((await searchParams).page, HOLDINGS_PER_PAGE),
  });
  return (
    <div className="space-y-6">
      <Link href={`/admin/coupons/${coupon.id}`} className="text-sm text-brand-700 hover:underline">
        ← {coupon.title}
      </Link>
      <h1 className="font-serif text-2xl font-bold text-stone-900">{t('usageTitle', { title: coupon.title })}</h1>
      <p className="text-sm text-stone-600">
        {t('usageCounts', { issued: coupon.issuedCount, total: coupon.totalQuantity, used: coupon.usedCount })}
      </p>
      {usage.total === 0 ? (
        <EmptyState title={t('usageEmptyTitle')} body={t('usageEmptyBody')} />
      ) : (
        <CouponUsageTable rows={usage.items} />
      )}
      <Pagination page={usage.page} pages={usage.pages} basePath={`/admin/coupons/${coupon.id}/usage`} />
    </div>
  );
}
