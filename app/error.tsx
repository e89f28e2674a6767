'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Shown when rendering fails unexpectedly; the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-xl font-semibold text-stone-900">{t('errors.INTERNAL')}</h1>
      <Button onClick={reset}>{t('common.retry')}</Button>
    </main>
  );
}
