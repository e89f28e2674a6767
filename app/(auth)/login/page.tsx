import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { currentUser } from '@/lib/auth/current-user';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { env } from '@/lib/env';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const t = await getTranslations('auth');
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw, env().APP_URL);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <>
      <h1 className="font-serif text-xl font-bold text-stone-900">{t('signInTitle')}</h1>
      <p className="mb-6 mt-1 text-sm text-stone-500">{t('signInSubtitle')}</p>
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
