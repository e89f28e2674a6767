import { getTranslations } from 'next-intl/server';
import { claimCouponAction } from '@/actions/coupons';
import { ConfirmActionButton } from '@/components/account/confirm-action-button';
import { CouponTicket } from '@/components/account/coupon-ticket';
import { AccountPageTitle } from '@/components/account/page-title';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';
import { now } from '@/lib/clock';
import { listClaimableCoupons } from '@/lib/coupons/list-claimable-coupons';
import { listMyCoupons } from '@/lib/coupons/list-my-coupons';
import { pageOf, pageRequest } from '@/lib/pagination';

const PAGE_SIZE = 10;

export default async function CouponCentrePage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const user = await guardBuyerPage('/coupons');
  const at = now();
  const database = db();
  const request = pageRequest((await searchParams).page, PAGE_SIZE);
  const [claimable, wallet, t, tAccount] = await Promise.all([
    listClaimableCoupons({ db: database, now: at, userId: user.id }),
    listMyCoupons({ db: database, now: at, userId: user.id }),
    getTranslations('accountCoupons'),
    getTranslations('account'),
  ]);
  // The readers return whole lists (a wallet and the live coupons are small); the page shows one slice of the wallet.
  const mine = pageOf(wallet.slice(request.offset, request.offset + PAGE_SIZE), wallet.length, request);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <AccountPageTitle title={t('title')} back={tAccount('back')} />
      <section className="space-y-3">
        <h2 className="font-medium text-stone-800">{t('claimable')}</h2>
        {claimable.length === 0 ? (
          <EmptyState title={t('noneClaimable')} body={t('noneClaimableBody')} />
        ) : (
          <ul className="space-y-3">
            {claimable.map((coupon) => (
              <li key={coupon.id}>
                <CouponTicket
                  coupon={coupon}
                  testId="claimable-coupon"
                  muted={coupon.claimableByUser === 0}
                  aside={
                    coupon.claimableByUser > 0 ? (
                      <div className="text-center">
                        <ConfirmActionButton
                          action={claimCouponAction}
                          arg={{ couponId: coupon.id }}
                          label={t('claim')}
                          variant="primary"
                        />
                        <p className="mt-1 text-[11px] text-stone-400">
                          {t('left', { count: coupon.claimableByUser })}
                        </p>
                      </div>
                    ) : (
                      <span className="text-sm text-stone-500">{t('claimed')}</span>
                    )
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-3">
        <h2 className="font-medium text-stone-800">{t('mine')}</h2>
        {mine.total === 0 ? (
          <EmptyState title={t('noneMine')} body={t('noneMineBody')} />
        ) : (
          <ul className="space-y-3">
            {mine.items.map((held) => {
              const status =
                held.status === 'available' && held.unusableReason && held.unusableReason !== 'notAvailable'
                  ? held.unusableReason
                  : held.status;
              return (
                <li key={held.id}>
                  <CouponTicket
                    coupon={held.coupon}
                    testId="my-coupon"
                    muted={!held.usableNow}
                    aside={<span className="text-sm text-stone-600">{t(`status.${status}`)}</span>}
                  />
                </li>
              );
            })}
          </ul>
        )}
        <Pagination page={mine.page} pages={mine.pages} basePath="/coupons" />
      </section>
    </div>
  );
}
