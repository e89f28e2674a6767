import Image from 'next/image';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/ui/status-badge';
import type { WatchedLot } from '@/lib/watchlist/list-watchlist';
import { formatFen } from '@/lib/money';
import { Countdown } from '@/components/time/countdown';
import { WatchButton } from './watch-button';

/** One watched lot: price, status and the countdown to its start or end, on the server's clock. */
export function WatchedLotCard({ lot, serverNow }: { lot: WatchedLot; serverNow: string }) {
  const t = useTranslations('watchlist');
  const format = useFormatter();
  const locale = useLocale();
  const price = lot.dealPrice ?? lot.currentPrice;
  const upcoming = lot.status === 'scheduled' || lot.status === 'preview';
  return (
    <article
      className="flex gap-3 rounded-2xl border border-stone-200 bg-white p-3 shadow-sm"
      data-testid="watched-lot"
    >
      <Link
        href={`/lots/${lot.lotId}`}
        className="relative size-24 shrink-0 overflow-hidden rounded-xl bg-stone-100"
        aria-hidden
        tabIndex={-1}
      >
        {lot.coverUrl && <Image src={lot.coverUrl} alt="" fill unoptimized className="object-cover" sizes="96px" />}
      </Link>
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex items-start justify-between gap-2">
          <Link href={`/lots/${lot.lotId}`} className="line-clamp-2 font-medium text-stone-900 hover:underline">
            {lot.title}
          </Link>
          <StatusBadge status={lot.status} className="shrink-0" />
        </div>
        <p className="truncate text-xs text-stone-500">{lot.auctionTitle}</p>
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="text-xs text-stone-500">
            {price === null ? t('startPrice') : lot.dealPrice !== null ? t('dealPrice') : t('currentPrice')}
          </span>
          <span className="font-semibold text-seal-600" data-testid="watched-price">
            {formatFen(price ?? lot.startPrice, locale)}
          </span>
          <span className="text-xs text-stone-500">{t('bids', { count: lot.bidCount })}</span>
        </p>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="flex items-center gap-1.5 text-xs text-stone-600">
            {lot.status === 'live' || upcoming ? (
              <>
                {t(upcoming ? 'startsIn' : 'endsIn')}
                <Countdown
                  target={(upcoming ? lot.startsAt : lot.endsAt).toISOString()}
                  serverNow={serverNow}
                  className="font-mono font-semibold text-seal-600"
                />
              </>
            ) : (
              t('endedAt', { time: format.dateTime(lot.endsAt, { dateStyle: 'medium', timeStyle: 'short' }) })
            )}
          </p>
          <WatchButton lotId={lot.lotId} watching compact />
        </div>
      </div>
    </article>
  );
}
