import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CouponForm } from '@/components/admin/coupons/coupon-form';
import { CouponStateBadge } from '@/components/admin/coupons/coupon-state-badge';
import { CouponStatusButton } from '@/components/admin/coupons/coupon-status-button';
import { GrantCouponForm } from '@/components/admin/coupons/grant-coupon-form';
import { db } from '@/db';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { couponScopeOptions } from '@/lib/coupons/coupon-scope-options';
import { getCoupon } from '@/lib/coupons/list-coupons';
import { recordIdText } from '@/lib/validation/record-id';
import { env } from '@/lib/env';
import { fenToYuanInput, formatFen } from '@/lib/money';
import { toZonedInput } from '@/lib/time/zoned-input';

export default async function CouponPage({ params }: { params: Promise<{ id: string }> }) {
  await guardAdminPage();
  const id = recordIdText.safeParse((await params).id);
  if (!id.success) notFound();
  const [coupon, auctions, t, locale] = await Promise.all([
    getCoupon({ db: db(), now: now(), couponId: id.data }),
    couponScopeOptions({ db: db() }),
    getTranslations('adminCoupons'),
    getLocale(),
  ]);
  if (!coupon) notFound();
  const timeZone = env().APP_TIME_ZONE;
  // A coupon scoped to an auction no longer offered keeps that choice in the menu.
  const scopes =
    coupon.auctionId && !auctions.some((auction) => auction.id === coupon.auctionId)
      ? [{ id: coupon.auctionId, title: coupon.auctionTitle ?? `#${coupon.auctionId}` }, ...auctions]
      : auctions;
  const section = 'rounded-xl border border-stone-200 bg-white p-4 shadow-sm md:p-6';
  return (
    <div className="space-y-6">
      <Link href="/admin/coupons" className="text-sm text-brand-700 hover:underline">
        ← {t('title')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-serif text-2xl font-bold text-stone-900">{coupon.title}</h1>
        <CouponStateBadge state={coupon.state} />
      </div>
      <p className="text-sm text-stone-600" data-testid="coupon-summary">
        {t('summary', {
          terms: t('terms', {
            threshold: formatFen(coupon.threshold, locale),
            discount: formatFen(coupon.discount, locale),
          }),
          issued: coupon.issuedCount,
          total: coupon.totalQuantity,
          used: coupon.usedCount,
        })}{' '}
        <Link href={`/admin/coupons/${coupon.id}/usage`} className="font-medium text-brand-700 hover:underline">
          {t('usageLink')} →
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section className={section}>
          <h2 className="mb-4 text-lg font-semibold text-stone-900">{t('edit')}</h2>
          <CouponForm
            timeZone={timeZone}
            auctions={scopes}
            existing={{ couponId: coupon.id, issuedCount: coupon.issuedCount }}
            defaults={{
              title: coupon.title,
              threshold: fenToYuanInput(coupon.threshold),
              discount: fenToYuanInput(coupon.discount),
              validFrom: toZonedInput(coupon.validFrom, timeZone),
              validUntil: toZonedInput(coupon.validUntil, timeZone),
              totalQuantity: coupon.totalQuantity,
              perUserLimit: coupon.perUserLimit,
              auctionId: coupon.auctionId,
            }}
          />
        </section>
        <div className="space-y-6">
          <section className={section}>
            <h2 className="mb-3 text-lg font-semibold text-stone-900">{t('grant')}</h2>
            {coupon.state === 'active' ? (
              <GrantCouponForm couponId={coupon.id} left={coupon.totalQuantity - coupon.issuedCount} />
            ) : (
              <p className="text-sm text-stone-500">{t('grantUnavailable', { state: t(`state.${coupon.state}`) })}</p>
            )}
          </section>
          <section className={section}>
            <h2 className="mb-3 text-lg font-semibold text-stone-900">{t('statusSection')}</h2>
            <CouponStatusButton couponId={coupon.id} status={coupon.status} unusedHeld={coupon.unusedCount} />
          </section>
        </div>
      </div>
    </div>
  );
}
