import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { currentUser } from '@/lib/auth/current-user';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signUpTitle') };
}

export default async function SignUpPage() {
  if (await currentUser()) redirect('/');
  const t = await getTranslations('auth');
  return (
    <>
      <h1 className="font-serif text-xl font-bold text-stone-900">{t('signUpTitle')}</h1>
      <p className="mb-6 mt-1 text-sm text-stone-500">{t('signUpSubtitle')}</p>
      <SignUpForm />
    </>
  );
}
