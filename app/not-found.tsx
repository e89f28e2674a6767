import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { Logo } from '@/components/layout/logo';

export default async function NotFound() {
  const [t, common] = await Promise.all([getTranslations('notFound'), getTranslations('common')]);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-6 text-center">
      <Logo />
      <p className="font-serif text-6xl font-bold text-brand-200">404</p>
      <div>
        <h1 className="text-xl font-semibold text-stone-900">{t('title')}</h1>
        <p className="mt-2 text-sm text-stone-500">{t('body')}</p>
      </div>
      <Link href="/" className={buttonClass('primary')}>
        {common('backHome')}
      </Link>
    </main>
  );
}
