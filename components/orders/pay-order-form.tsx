'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { payOrderAction } from '@/actions/orders';
import { AddressLines } from '@/components/account/address-card';
import { AddressForm } from '@/components/account/address-form';
import { FormAlert } from '@/components/auth/form-alert';
import { handOffToCheckout } from '@/components/payments/checkout-handoff';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { Address } from '@/db/schema';
import { formatFen } from '@/lib/money';
import type { CouponChoice } from '@/lib/orders/coupon-choices';

const choiceClass = (selected: boolean, disabled = false) =>
  cn(
    'flex min-h-11 w-full items-start gap-3 rounded-xl border bg-white p-3 text-left',
    selected ? 'border-brand-600 ring-2 ring-brand-100' : 'border-stone-200',
    disabled && 'bg-stone-50 opacity-70',
  );

/**
 * Paying a won lot: an address from the book (or a new one), at most one coupon with the
 * discount and the final amount, then the checkout. Coupons that do not apply say why.
 */
export function PayOrderForm({
  orderId,
  subtotal,
  addresses,
  coupons,
  openCoupon,
}: {
  orderId: number;
  /** Hammer price plus buyer's premium, in fen. */
  subtotal: number;
  addresses: Address[];
  coupons: CouponChoice[];
  /** The coupon locked to the order by an attempt still open, chosen again so a repeat resumes that charge. */
  openCoupon: number | null;
}) {
  const t = useTranslations('accountOrders');
  const tReason = useTranslations('couponReasons');
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const money = (fen: number) => formatFen(fen, locale);
  const [addressId, setAddressId] = useState<number | null>(
    (addresses.find((address) => address.isDefault) ?? addresses[0])?.id ?? null,
  );
  const [adding, setAdding] = useState(addresses.length === 0);
  const [couponId, setCouponId] = useState<number | null>(openCoupon);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // Back from the checkout, the browser may restore this page as it was left: busy, and stale.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      setPending(false);
      router.refresh();
    };
    window.addEventListener('pageshow', restored);
    return () => window.removeEventListener('pageshow', restored);
  }, [router]);
  const coupon = coupons.find((choice) => choice.userCouponId === couponId);
  const discount = Math.min(coupon?.discount ?? 0, subtotal);
  const total = subtotal - discount;

  const pay = async () => {
    if (addressId === null) return setError(t('addressRequired'));
    setError(undefined);
    setPending(true);
    const result = await payOrderAction({ orderId, addressId, userCouponId: couponId });
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      return router.refresh();
    }
    if (result.data.paid) {
      setPending(false);
      return router.refresh();
    }
    // The page is left for the checkout; the button stays busy so a second tap has nothing to hit.
    handOffToCheckout(result.data.charge);
  };

  return (
    <section className="space-y-5" aria-labelledby="pay-title">
      <h2 id="pay-title" className="font-serif text-lg font-semibold text-stone-900">
        {t('payTitle')}
      </h2>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-stone-700">{t('chooseAddress')}</legend>
        {addresses.length === 0 && !adding && <p className="text-sm text-stone-500">{t('noAddress')}</p>}
        {addresses.map((address) => (
          <label key={address.id} className={choiceClass(address.id === addressId)}>
            <input
              type="radio"
              name="address"
              className="mt-1 size-5 shrink-0 accent-brand-700"
              checked={address.id === addressId}
              onChange={() => setAddressId(address.id)}
            />
            <AddressLines address={address} />
            {address.isDefault && <span className="ml-auto shrink-0 text-xs text-brand-700">{t('default')}</span>}
          </label>
        ))}
        {adding ? (
          <AddressForm
            onSaved={(id) => {
              setAddressId(id);
              setAdding(false);
              router.refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button type="button" variant="secondary" className="w-full" onClick={() => setAdding(true)}>
            {t('addAddress')}
          </Button>
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-stone-700">{t('chooseCoupon')}</legend>
        <label className={choiceClass(couponId === null)}>
          <input
            type="radio"
            name="coupon"
            className="mt-0.5 size-5 shrink-0 accent-brand-700"
            checked={couponId === null}
            onChange={() => setCouponId(null)}
          />
          <span className="text-sm text-stone-800">{t('noCoupon')}</span>
        </label>
        {coupons.map((choice) => (
          <label
            key={choice.userCouponId}
            className={choiceClass(choice.userCouponId === couponId, choice.reason !== null)}
            data-testid="coupon-choice"
          >
            <input
              type="radio"
              name="coupon"
              className="mt-1 size-5 shrink-0 accent-brand-700"
              disabled={choice.reason !== null}
              checked={choice.userCouponId === couponId}
              onChange={() => setCouponId(choice.userCouponId)}
            />
            <span className="min-w-0 text-sm">
              <span className="block font-medium text-stone-900">{choice.title}</span>
              <span className="block text-stone-600">
                {t('couponLine', { threshold: money(choice.threshold), discount: money(choice.discount) })} ·{' '}
                {t('couponUntil', { date: format.dateTime(choice.validUntil, { dateStyle: 'medium' }) })}
              </span>
              {choice.reason && (
                <span className="mt-1 block text-red-700">
                  {t('couponInapplicable', { reason: tReason(choice.reason) })}
                </span>
              )}
            </span>
          </label>
        ))}
        {coupons.length === 0 && (
          <p className="text-sm text-stone-500">
            {t('noCoupons')}{' '}
            <Link href="/coupons" className="text-brand-700 underline">
              {t('getCoupons')}
            </Link>
          </p>
        )}
      </fieldset>
      <dl className="space-y-1 rounded-xl bg-stone-50 p-4 text-sm">
        <div className="flex justify-between">
          <dt className="text-stone-500">{t('amountDue')}</dt>
          <dd className="text-stone-800">{money(subtotal)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-stone-500">{t('couponDiscount')}</dt>
          <dd className="text-stone-800" data-testid="pay-discount">
            −{money(discount)}
          </dd>
        </div>
        <div className="flex justify-between border-t border-stone-200 pt-2 text-base">
          <dt className="font-medium text-stone-800">{t('total')}</dt>
          <dd className="font-bold text-seal-600" data-testid="pay-total">
            {money(total)}
          </dd>
        </div>
      </dl>
      <FormAlert message={error} />
      <div className="sticky bottom-0 -mx-4 border-t border-stone-200 bg-white/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur">
        <Button type="button" className="w-full text-base" pending={pending} onClick={pay} data-testid="pay-order">
          {total === 0 ? t('payFree') : t('pay', { amount: money(total) })}
        </Button>
      </div>
    </section>
  );
}
