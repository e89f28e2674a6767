'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { setWatch } from '@/actions/watchlist';
import { cn } from '@/components/ui/cn';

/**
 * 关注 toggle for a lot page: flips at once, then the server's answer stands (a refusal puts
 * it back and says so). A visitor who is not signed in is sent to sign in and back.
 */
export function WatchButton({
  lotId,
  watching: initial,
  compact = false,
}: {
  lotId: number;
  watching: boolean;
  /** A smaller button, for a card in a list. */
  compact?: boolean;
}) {
  const t = useTranslations('watchlist');
  const router = useRouter();
  const pathname = usePathname();
  const [watching, setWatching] = useState(initial);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const toggle = () => {
    const next = !watching;
    setWatching(next);
    setFailed(false);
    startTransition(async () => {
      const result = await setWatch({ lotId, watching: next });
      if (result.ok) return;
      setWatching(!next);
      if (result.code === 'UNAUTHENTICATED') router.push(`/login?callbackUrl=${encodeURIComponent(pathname)}`);
      else setFailed(true);
    });
  };
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-pressed={watching}
        aria-label={watching ? t('unwatchLabel') : t('watchLabel')}
        data-testid="watch-button"
        className={cn(
          'inline-flex items-center justify-center gap-1.5 rounded-full font-medium ring-1 ring-inset transition-colors disabled:opacity-70',
          compact ? 'h-10 px-3 text-xs' : 'h-11 min-w-24 px-4 text-sm',
          watching
            ? 'bg-seal-500 text-white ring-seal-600'
            : 'bg-white text-stone-700 ring-stone-300 active:bg-stone-100',
        )}
      >
        <svg
          viewBox="0 0 24 24"
          className="size-5"
          fill={watching ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth={1.8}
          aria-hidden
        >
          <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z" strokeLinejoin="round" />
        </svg>
        {watching ? t('watching') : t('watch')}
      </button>
      {failed && (
        <span role="alert" className="text-xs text-red-700">
          {t('failed')}
        </span>
      )}
    </span>
  );
}
