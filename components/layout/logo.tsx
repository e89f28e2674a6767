import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** `compact`: below the sm breakpoint only the seal shows (the name stays for screen readers). */
export function Logo({ href = '/', compact = false }: { href?: string; compact?: boolean }) {
  const t = useTranslations('common');
  return (
    <Link
      href={href}
      className="flex shrink-0 items-center gap-2 whitespace-nowrap font-serif text-base font-bold tracking-wide text-brand-800 sm:text-lg"
    >
      <span className="flex size-8 items-center justify-center rounded-md bg-seal-500 text-sm text-white" aria-hidden>
        拍
      </span>
      <span className={compact ? 'sr-only sm:not-sr-only' : undefined}>{t('appName')}</span>
    </Link>
  );
}
