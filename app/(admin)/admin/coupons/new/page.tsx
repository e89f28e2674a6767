import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CouponForm } from '@/components/admin/coupons/coupon-form';
import { db } from '@/db';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { now } from '@/lib/clock';
import { couponScopeOptions } from '@/lib/coupons/coupon-scope-options';
import { env } from '@/lib/env';
import { toZonedInput } from '@/lib/time/zoned-input';

const DAY_MS = 86_400_000;
const DEFAULT_VALID_DAYS = 30;

export default async function NewCouponPage() {
  await guardAdminPage();
  const [t, auctions] = await Promise.all([getTranslations('adminCoupons'), couponScopeOptions({ db: db() })]);
  const timeZone = env().APP_TIME_ZONE;
  const from = now();
  return (
    <div className="max-w-2xl space-y-6">
      <Link href="/admin/coupons" className="text-sm text-brand-700 hover:underline">
        ← {t('title')}
      </Link>
      <h1 className="font-serif text-2xl font-bold text-stone-900">{t('new')}</h1>
      <CouponForm
        timeZone={timeZone}
        auctions={auctions}
        defaults={{
          title: '',
          threshold: '',
          discount: '',
          validFrom: toZonedInput(from, timeZone),
          validUntil: toZonedInput(new Date(from.getTime() + DEFAULT_VALID_DAYS * DAY_MS), timeZone),
          totalQuantity: 100,
          perUserLimit: 1,
          auctionId: null,
        }}
      />
    </div>
  );
}
