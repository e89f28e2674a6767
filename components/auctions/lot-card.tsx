import Image from 'next/image';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { Countdown } from '@/components/time/countdown';
import { StatusBadge } from '@/components/ui/status-badge';
import type { PublicLot } from '@/lib/auctions/get-public-auction';
import { formatFen } from '@/lib/money';

/** A lot in its auction's list, linking to its page; a live one counts down on the server's clock. */
export function LotCard({ lot, serverNow }: { lot: PublicLot; serverNow?: string }) {
  const t = useTranslations('auction');
  const tLot = useTranslations('lotPage');
  const locale = useLocale();
  const price = lot.dealPrice ?? lot.currentPrice;
  return (
    <Link
      href={`/lots/${lot.id}`}
      className="flex gap-3 rounded-2xl border border-stone-200 bg-white p-3 shadow-sm active:bg-stone-50"
      data-testid="lot-card"
    >
      <div className="relative size-24 shrink-0 overflow-hidden rounded-xl bg-stone-100 sm:size-28">
        {lot.coverUrl && <Image src={lot.coverUrl} alt="" fill unoptimized className="object-cover" sizes="112px" />}
      </div>
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex items-start justify-between gap-2">
          <h3 className="line-clamp-2 font-medium text-stone-900">{lot.title}</h3>
          <StatusBadge status={lot.status} className="shrink-0" />
        </div>
        <p className="line-clamp-2 text-xs leading-5 text-stone-500">{lot.description}</p>
        <dl className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
          <div className="flex items-baseline gap-1">
            <dt className="text-xs text-stone-500">
              {price === null ? t('startPrice') : lot.dealPrice !== null ? t('dealPrice') : t('currentPrice')}
            </dt>
            <dd className="font-semibold text-seal-600">{formatFen(price ?? lot.startPrice, locale)}</dd>
          </div>
          <div className="flex items-baseline gap-1 text-xs text-stone-500">
            <dt>{t('lotDeposit')}</dt>
            <dd>{formatFen(lot.depositAmount, locale)}</dd>
          </div>
          <dd className="text-xs text-stone-500">{t('bids', { count: lot.bidCount })}</dd>
        </dl>
        {serverNow && lot.status === 'live' && (
          <p className="text-xs text-stone-500">
            {tLot('endsIn')}{' '}
            <Countdown
              target={lot.endsAt.toISOString()}
              serverNow={serverNow}
              className="font-medium tabular-nums text-seal-600"
            />
          </p>
        )}
      </div>
    </Link>
  );
}
