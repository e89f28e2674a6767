'use client';

import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { PayDepositButton } from '@/components/deposits/pay-deposit-button';
import { StatusBadge } from '@/components/ui/status-badge';
import { buttonClass } from '@/components/ui/button';
import type { LotLive, MyLotState } from '@/lib/api/v1/schemas';
import { formatFen } from '@/lib/money';
import { BidControls } from './bid-controls';
import { BidList } from './bid-list';
import { Countdown } from '@/components/time/countdown';
import { useLiveLot } from './use-live-lot';

const STATE_TONES: Record<MyLotState['state'], string> = {
  anonymous: 'bg-stone-100 text-stone-600',
  blocked: 'bg-red-50 text-red-700',
  noDeposit: 'bg-amber-50 text-amber-800',
  canBid: 'bg-sky-50 text-sky-800',
  leading: 'bg-brand-50 text-brand-800',
  outbid: 'bg-red-50 text-red-700',
  won: 'bg-brand-50 text-brand-800',
  lost: 'bg-stone-100 text-stone-600',
  closed: 'bg-stone-100 text-stone-600',
};

/**
 * The part of the lot page that moves: price, masked leader, bid count, end time, my state,
 * the bid controls and the latest bids, all refreshed by polling within about a second.
 */
export function LiveLot({
  initial,
  initialMine,
  sessionDeposit,
  lotDeposit,
}: {
  initial: LotLive;
  initialMine: MyLotState;
  sessionDeposit: number;
  lotDeposit: number;
}) {
  const t = useTranslations('lotPage');
  const format = useFormatter();
  const locale = useLocale();
  const { live, mine, applyBid } = useLiveLot(initial, initialMine);
  const money = (fen: number) => formatFen(fen, locale);
  const open = live.status === 'live' || live.status === 'preview' || live.status === 'scheduled';
  const notStarted = live.status === 'preview' || live.status === 'scheduled';
  const endsAt = new Date(live.endsAt);
  return (
    <section className="space-y-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="live-lot">
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="text-xs text-stone-500">{live.currentPrice === null ? t('startPrice') : t('currentPrice')}</p>
          <p className="text-3xl font-bold text-seal-600" data-testid="current-price">
            {money(live.currentPrice ?? live.startPrice)}
          </p>
        </div>
        <StatusBadge status={live.status} className="shrink-0" />
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div className="rounded-lg bg-stone-50 px-3 py-2">
          <dt className="text-xs text-stone-500">{t(notStarted ? 'startsIn' : open ? 'endsIn' : 'endedAt')}</dt>
          <dd className="font-semibold tabular-nums text-stone-900">
            {open && <Countdown target={notStarted ? live.startsAt : live.endsAt} serverNow={initial.serverNow} />}
            <span className="block text-xs font-normal text-stone-500" data-testid="ends-at">
              {format.dateTime(endsAt, {
                month: 'short',
                day: 'numeric',
                hour: '2-digit',
                minute: '2-digit',
                second: '2-digit',
              })}
            </span>
          </dd>
        </div>
        <div className="rounded-lg bg-stone-50 px-3 py-2">
          <dt className="text-xs text-stone-500">{t('leader')}</dt>
          <dd className="font-semibold text-stone-900" data-testid="leader">
            {live.leader ?? t('noBids')}
            <span className="block text-xs font-normal text-stone-500" data-testid="bid-count">
              {t('bidCount', { count: live.bidCount })}
            </span>
          </dd>
        </div>
        <div className="rounded-lg bg-stone-50 px-3 py-2">
          <dt className="text-xs text-stone-500">{t('reserve')}</dt>
          <dd className="text-stone-900">
            {live.reserveMet === null ? t('noReserve') : live.reserveMet ? t('reserveMet') : t('reserveNotMet')}
          </dd>
        </div>
        <div className="rounded-lg bg-stone-50 px-3 py-2">
          <dt className="text-xs text-stone-500">{t('nextMinimum')}</dt>
          <dd className="font-semibold text-stone-900" data-testid="next-minimum">
            {live.nextMinimumBid === null ? '—' : money(live.nextMinimumBid)}
          </dd>
        </div>
      </dl>
      <p className={`rounded-lg px-3 py-2 text-sm font-medium ${STATE_TONES[mine.state]}`} data-testid="my-state">
        {t(`myState.${mine.state}`)}
      </p>
      {open && mine.state === 'anonymous' && (
        <Link
          className={buttonClass('primary', 'w-full')}
          href={`/login?callbackUrl=${encodeURIComponent(`/lots/${live.id}`)}`}
        >
          {t('signInToBid')}
        </Link>
      )}
      {open && mine.state === 'noDeposit' && (
        <div className="space-y-2" data-testid="deposit-options">
          <p className="text-sm text-stone-600">{t('depositNeeded')}</p>
          <PayDepositButton
            auctionId={live.auctionId}
            label={t('paySessionDeposit', { amount: money(sessionDeposit) })}
          />
          <PayDepositButton
            auctionId={live.auctionId}
            lotId={live.id}
            variant="secondary"
            label={t('payLotDeposit', { amount: money(lotDeposit) })}
          />
        </div>
      )}
      {live.status === 'live' && live.nextMinimumBid !== null && mine.depositCovered && mine.state !== 'blocked' && (
        <BidControls
          lotId={live.id}
          nextMinimumBid={live.nextMinimumBid}
          increment={live.increment}
          proxyMax={mine.proxyMax}
          onPlaced={applyBid}
        />
      )}
      <div>
        <h2 className="mb-2 text-sm font-semibold text-stone-900">{t('history')}</h2>
        {live.recentBids.length === 0 ? (
          <p className="text-sm text-stone-500">{t(live.nextMinimumBid === null ? 'noBids' : 'noBidsYet')}</p>
        ) : (
          <BidList bids={live.recentBids} />
        )}
        {live.bidCount > live.recentBids.length && (
          <Link
            href={`/lots/${live.id}/bids`}
            className="mt-2 inline-block text-sm text-brand-700 underline-offset-2 active:underline"
            data-testid="all-bids"
          >
            {t('allBids', { count: live.bidCount })}
          </Link>
        )}
      </div>
      <p className="text-xs text-stone-500">{t('views', { count: live.viewCount })}</p>
    </section>
  );
}
