import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { Logo } from '@/components/layout/logo';

export default async function Forbidden() {
  const [t, common] = await Promise.all([getTranslations('auth'), getTranslations('common')]);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-6 text-center">
      <Logo />
      <p className="font-serif text-6xl font-bold text-seal-500/40">403</p>
      <div>
        <h1 className="text-xl font-semibold text-stone-900">{t('forbiddenTitle')}</h1>
        <p className="mt-2 max-w-sm text-sm text-stone-500">{t('forbiddenBody')}</p>
      </div>
      <Link href="/" className={buttonClass('primary')}>
        {common('backHome')}
      </Link>
    </main>
  );
}
