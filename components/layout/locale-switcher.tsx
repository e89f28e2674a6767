'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { locales, type Locale } from '@/lib/i18n/config';
import { setLocale } from '@/actions/set-locale';

const labels: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function LocaleSwitcher() {
  const t = useTranslations('common');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="relative inline-flex items-center">
      <span className="sr-only">{t('language')}</span>
      <select
        className="h-9 cursor-pointer appearance-none rounded-md border border-stone-300 bg-white pl-2.5 pr-7 text-sm text-stone-700 disabled:opacity-60"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale}>
            {labels[locale]}
          </option>
        ))}
      </select>
      <span className="pointer-events-none absolute right-2 text-xs text-stone-500" aria-hidden>
        ▾
      </span>
    </label>
  );
}
