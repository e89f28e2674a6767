import { now } from '@/lib/clock';
import Image from 'next/image';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LotCard } from '@/components/auctions/lot-card';
import { PayDepositButton } from '@/components/deposits/pay-deposit-button';
import { Countdown } from '@/components/time/countdown';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { StatusBadge } from '@/components/ui/status-badge';
import { db } from '@/db';
import { idParamSchema } from '@/lib/api/v1/schemas';
import { AUCTION_LOTS_PAGE_SIZE, getPublicAuction } from '@/lib/auctions/get-public-auction';
import { currentUser } from '@/lib/auth/current-user';
import { myDepositStatuses } from '@/lib/deposits/my-deposit-statuses';
import { formatFen } from '@/lib/money';
import { pageRequest } from '@/lib/pagination';
import { engineRules } from '@/lib/server/engine';
import { isBiddingBlocked } from '@/lib/users/is-bidding-blocked';

export default async function AuctionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const auction = await getPublicAuction({
    db: db(),
    auctionId: id.data,
    now: now(),
    rules: engineRules(),
    lotPage: pageRequest((await searchParams).page, AUCTION_LOTS_PAGE_SIZE),
  });
  if (!auction) notFound();
  const user = await currentUser();
  const [t, tLot, format, locale, deposit, blocked] = await Promise.all([
    getTranslations('auction'),
    getTranslations('lotPage'),
    getFormatter(),
    getLocale(),
    user ? myDepositStatuses({ db: db(), userId: user.id, auctionId: auction.id, lotId: null }) : null,
    user ? isBiddingBlocked({ db: db(), userId: user.id }) : false,
  ]);
  const serverNow = now().toISOString();
  const takesDeposits = auction.status === 'preview' || auction.status === 'live';
  const sessionStatus = deposit?.session ?? null;
  const range = (from: Date, to: Date) =>
    format.dateTimeRange(from, to, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <article className="space-y-6">
      <header className="overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm md:flex">
        <div className="relative aspect-[4/3] bg-stone-100 md:w-2/5 md:shrink-0">
          {auction.coverUrl && (
            <Image
              src={auction.coverUrl}
              alt=""
              fill
              unoptimized
              priority
              className="object-cover"
              sizes="(max-width: 768px) 100vw, 40vw"
            />
          )}
        </div>
        <div className="space-y-3 p-4 sm:p-6 md:flex-1">
          <div className="flex items-start justify-between gap-3">
            <h1 className="font-serif text-xl font-bold text-stone-900 sm:text-2xl">{auction.title}</h1>
            <StatusBadge status={auction.status} className="shrink-0" />
          </div>
          <p className="text-sm leading-6 text-stone-600">{auction.description}</p>
          <dl className="grid gap-2 text-sm sm:grid-cols-3 md:grid-cols-1 lg:grid-cols-3">
            <div className="rounded-lg bg-stone-50 px-3 py-2">
              <dt className="text-xs text-stone-500">{t('preview')}</dt>
              <dd className="text-stone-800">{range(auction.previewStartsAt, auction.previewEndsAt)}</dd>
            </div>
            <div className="rounded-lg bg-stone-50 px-3 py-2">
              <dt className="text-xs text-stone-500">{t('live')}</dt>
              <dd className="text-stone-800">{range(auction.startsAt, auction.endsAt)}</dd>
            </div>
            <div className="rounded-lg bg-stone-50 px-3 py-2">
              <dt className="text-xs text-stone-500">{t('sessionDeposit')}</dt>
              <dd className="font-semibold text-stone-800">{formatFen(auction.depositAmount, locale)}</dd>
            </div>
          </dl>
          {(auction.status === 'live' || auction.status === 'preview' || auction.status === 'scheduled') && (
            <p className="text-sm text-stone-600">
              {tLot(auction.status === 'live' ? 'endsIn' : 'startsIn')}{' '}
              <Countdown
                target={(auction.status === 'live' ? auction.endsAt : auction.startsAt).toISOString()}
                serverNow={serverNow}
                className="font-semibold tabular-nums text-seal-600"
              />
            </p>
          )}
          <div className="rounded-lg border border-stone-200 px-3 py-2" data-testid="session-deposit">
            {sessionStatus && sessionStatus !== 'pending' ? (
              <p className="text-sm font-medium text-brand-800">
                {tLot(`sessionDepositStatus.${sessionStatus}`, { amount: formatFen(auction.depositAmount, locale) })}
              </p>
            ) : !takesDeposits ? (
              <p className="text-sm text-stone-600">{tLot('depositsClosed')}</p>
            ) : blocked ? (
              <p className="text-sm font-medium text-red-700" data-testid="bidding-blocked">
                {tLot('myState.blocked')}
              </p>
            ) : user ? (
              <PayDepositButton
                auctionId={auction.id}
                label={tLot('paySessionDeposit', { amount: formatFen(auction.depositAmount, locale) })}
              />
            ) : (
              <Link
                href={`/login?callbackUrl=${encodeURIComponent(`/auctions/${auction.id}`)}`}
                className={buttonClass('primary', 'w-full')}
              >
                {tLot('signInToPay')}
              </Link>
            )}
          </div>
        </div>
      </header>
      <section id="lots">
        <h2 className="mb-3 font-serif text-lg font-semibold text-stone-900">
          {t('lotsCount', { count: auction.lots.total })}
        </h2>
        {auction.lots.total === 0 ? (
          <EmptyState title={t('lots')} body={t('noLots')} />
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            {auction.lots.items.map((lot) => (
              <LotCard key={lot.id} lot={lot} serverNow={serverNow} />
            ))}
          </div>
        )}
        <Pagination
          page={auction.lots.page}
          pages={auction.lots.pages}
          basePath={`/auctions/${auction.id}`}
          anchor="lots"
        />
      </section>
    </article>
  );
}
