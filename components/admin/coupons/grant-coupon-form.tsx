'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { grantCouponAction, searchBuyersAction } from '@/actions/admin-coupons';
import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { grantCouponSchema } from '@/lib/coupons/admin-coupon-schemas';
import type { GrantOutcome } from '@/lib/coupons/grant-coupon-each';

type Buyer = { id: number; name: string; phone: string | null; email: string | null };
type GrantInput = z.input<typeof grantCouponSchema>;

const contact = (buyer: Buyer) => buyer.phone ?? buyer.email ?? '';

/** Search buyers, pick several, grant one each; then say who got one and who hit a limit. */
export function GrantCouponForm({ couponId, left }: { couponId: number; left: number }) {
  const t = useTranslations('adminCoupons');
  const messages = useTranslations();
  // Schema messages are message keys.
  const translate = (key: string) => (messages.has(key) ? messages(key) : key);
  const router = useRouter();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Buyer[] | null>(null);
  const [picked, setPicked] = useState<Buyer[]>([]);
  const [report, setReport] = useState<{ outcomes: GrantOutcome[]; names: Map<number, string> } | null>(null);
  const [error, setError] = useState<string>();
  const [searching, startSearch] = useTransition();
  const {
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<GrantInput>({ resolver: zodResolver(grantCouponSchema), defaultValues: { couponId, userIds: [] } });

  const pick = (next: Buyer[]) => {
    setPicked(next);
    setValue(
      'userIds',
      next.map((buyer) => buyer.id),
    );
  };
  const search = () =>
    startSearch(async () => {
      setError(undefined);
      const result = await searchBuyersAction({ query });
      if (result.ok) setFound(result.data);
      else setError(result.fieldErrors.query?.[0] ?? result.error);
    });
  const onSubmit = handleSubmit(async (input) => {
    setError(undefined);
    const result = await grantCouponAction(input);
    if (!result.ok) return setError(result.error);
    setReport({ outcomes: result.data, names: new Map(picked.map((buyer) => [buyer.id, buyer.name])) });
    pick([]);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid="grant-form">
      <p className="text-sm text-stone-600">{t('grantLeft', { count: left })}</p>
      <div className="flex gap-2">
        <input
          type="search"
          value={query}
          maxLength={60}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              search();
            }
          }}
          placeholder={t('grantSearchPlaceholder')}
          aria-label={t('grantSearchPlaceholder')}
          className="block h-11 min-w-0 flex-1 rounded-lg border border-stone-300 bg-white px-3 text-base shadow-sm sm:text-sm"
        />
        <Button type="button" variant="secondary" pending={searching} onClick={search}>
          {t('grantSearch')}
        </Button>
      </div>
      {found && found.length === 0 && <p className="text-sm text-stone-500">{t('grantNoMatch')}</p>}
      {found && found.length > 0 && (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200" data-testid="grant-results">
          {found.map((buyer) => {
            const checked = picked.some((entry) => entry.id === buyer.id);
            return (
              <li key={buyer.id}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() =>
                      pick(checked ? picked.filter((entry) => entry.id !== buyer.id) : [...picked, buyer])
                    }
                  />
                  <span className="font-medium text-stone-900">{buyer.name}</span>
                  <span className="truncate text-stone-500">{contact(buyer)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {picked.length > 0 && (
        <p className="text-sm text-stone-700" data-testid="grant-picked">
          {t('grantPicked', { count: picked.length, names: picked.map((buyer) => buyer.name).join('、') })}
        </p>
      )}
      <FormAlert message={error ?? (errors.userIds?.message && translate(errors.userIds.message))} />
      <Button type="submit" pending={isSubmitting} disabled={picked.length === 0} data-testid="grant-submit">
        {t('grantSubmit', { count: picked.length })}
      </Button>
      {report && (
        <ul className="space-y-1 text-sm" data-testid="grant-report">
          {report.outcomes.map((outcome) => (
            <li key={outcome.userId} className={outcome.granted ? 'text-brand-700' : 'text-amber-700'}>
              {outcome.granted
                ? t('grantedTo', { name: report.names.get(outcome.userId) ?? `#${outcome.userId}` })
                : t('grantRefused', {
                    name: report.names.get(outcome.userId) ?? `#${outcome.userId}`,
                    reason: t(`grantReason.${outcome.reason}`),
                  })}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
