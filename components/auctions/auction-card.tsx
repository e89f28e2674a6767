import Image from 'next/image';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Countdown } from '@/components/time/countdown';
import { StatusBadge } from '@/components/ui/status-badge';
import type { PublicAuctionCard } from '@/lib/auctions/list-public-auctions';
import { formatFen } from '@/lib/money';

/** `serverNow` (the page's render time) lets a live or upcoming card count down on the server's clock. */
export function AuctionCard({ auction, serverNow }: { auction: PublicAuctionCard; serverNow?: string }) {
  const t = useTranslations('home');
  const tGroup = useTranslations('buyerHome');
  const format = useFormatter();
  const locale = useLocale();
  const when = (date: Date) =>
    format.dateTime(date, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const timing =
    auction.status === 'ended'
      ? t('endedAt', { date: when(auction.endsAt) })
      : auction.status === 'live'
        ? t('endsAt', { date: when(auction.endsAt) })
        : auction.status === 'preview'
          ? t('startsAt', { date: when(auction.startsAt) })
          : t('previewFrom', { date: when(auction.previewStartsAt) });
  return (
    <Link
      href={`/auctions/${auction.id}`}
      className="group block overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-md"
      data-testid="auction-card"
    >
      <div className="relative aspect-[4/3] bg-stone-100">
        {auction.coverUrl && (
          <Image
            src={auction.coverUrl}
            alt=""
            fill
            unoptimized
            className="object-cover"
            sizes="(max-width: 640px) 100vw, 33vw"
          />
        )}
        <StatusBadge status={auction.status} className="absolute left-3 top-3 shadow-sm" />
      </div>
      <div className="space-y-2 p-4">
        <h2 className="line-clamp-2 font-serif text-base font-semibold text-stone-900 group-hover:text-brand-700">
          {auction.title}
        </h2>
        <p className="text-sm text-stone-600">{timing}</p>
        {serverNow && auction.status !== 'ended' && auction.status !== 'cancelled' && (
          <p className="text-xs text-stone-500">
            {tGroup(auction.status === 'live' ? 'endsIn' : auction.status === 'preview' ? 'startsIn' : 'previewIn')}{' '}
            <Countdown
              target={(auction.status === 'live'
                ? auction.endsAt
                : auction.status === 'preview'
                  ? auction.startsAt
                  : auction.previewStartsAt
              ).toISOString()}
              serverNow={serverNow}
              className="font-medium tabular-nums text-seal-600"
            />
          </p>
        )}
        <div className="flex items-center justify-between text-xs text-stone-500">
          <span>{t('lots', { count: auction.lotCount })}</span>
          <span>
            {auction.status === 'ended'
              ? t('turnover', { amount: formatFen(auction.totalPrice, locale) })
              : t('deposit', { amount: formatFen(auction.depositAmount, locale) })}
          </span>
        </div>
      </div>
    </Link>
  );
}
