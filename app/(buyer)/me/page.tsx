import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ProfileForm } from '@/components/account/profile-form';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { db } from '@/db';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';
import { getMyProfile } from '@/lib/users/get-my-profile';

const LINKS = [
  ['orders', '/me/orders'],
  ['deposits', '/me/deposits'],
  ['bids', '/me/bids'],
  ['addresses', '/me/addresses'],
  ['coupons', '/coupons'],
  ['notifications', '/me/notifications'],
  ['watchlist', '/me/watchlist'],
] as const;

export default async function AccountPage() {
  const user = await guardBuyerPage('/me');
  const profile = await getMyProfile({ db: db(), userId: user.id });
  if (!profile) notFound();
  const t = await getTranslations('account');
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="font-serif text-xl font-bold text-stone-900">{t('title')}</h1>
      <section className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4">
        <h2 className="font-medium text-stone-800">{t('profile')}</h2>
        <ProfileForm name={profile.name} />
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-500">{t('phone')}</dt>
          <dd className="break-all text-stone-800">{profile.phone ?? t('none')}</dd>
          <dt className="text-stone-500">{t('email')}</dt>
          <dd className="break-all text-stone-800">{profile.email ?? t('none')}</dd>
        </dl>
        {profile.strikes > 0 && <p className="text-sm text-red-700">{t('strikes', { count: profile.strikes })}</p>}
      </section>
      <nav aria-label={t('links')} className="overflow-hidden rounded-2xl border border-stone-200 bg-white">
        <ul className="divide-y divide-stone-100">
          {LINKS.map(([key, href]) => (
            <li key={key}>
              <Link
                href={href}
                className="flex min-h-12 items-center justify-between px-4 text-stone-800 active:bg-stone-50"
              >
                {t(key)}
                <span aria-hidden className="text-stone-400">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* The header hides sign-out on narrow phones; here it is always within reach. */}
      <SignOutButton className="min-h-12 w-full rounded-2xl border border-stone-200 bg-white px-4 text-left text-stone-800 active:bg-stone-50" />
    </div>
  );
}
