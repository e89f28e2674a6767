import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { WatchButton } from '@/components/activity/watch-button';
import { Gallery } from '@/components/lots/gallery';
import { LiveLot } from '@/components/lots/live-lot';
import { RecordView } from '@/components/lots/record-view';
import { db } from '@/db';
import { idParamSchema } from '@/lib/api/v1/schemas';
import { currentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { getLotPage } from '@/lib/lots/get-lot-page';
import { getMyLotState } from '@/lib/lots/get-my-lot-state';
import { formatFen } from '@/lib/money';
import { isWatching } from '@/lib/watchlist/is-watching';
import { engineRules } from '@/lib/server/engine';

export default async function LotPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const lot = await getLotPage({ db: db(), lotId: id.data, now: now(), rules: engineRules() });
  if (!lot) notFound();
  const user = await currentUser();
  const [mine, watching, t, locale] = await Promise.all([
    getMyLotState({ db: db(), userId: user?.id ?? null, live: lot.live }),
    user?.role === 'buyer' ? isWatching({ db: db(), userId: user.id, lotId: id.data }) : false,
    getTranslations('lotPage'),
    getLocale(),
  ]);
  const money = (fen: number) => formatFen(fen, locale);
  const estimate =
    lot.estimateLow !== null && lot.estimateHigh !== null
      ? `${money(lot.estimateLow)} – ${money(lot.estimateHigh)}`
      : lot.estimateLow !== null
        ? t('estimateFrom', { amount: money(lot.estimateLow) })
        : lot.estimateHigh !== null
          ? t('estimateUpTo', { amount: money(lot.estimateHigh) })
          : null;
  return (
    <article className="space-y-4 pb-[env(safe-area-inset-bottom)] md:grid md:grid-cols-2 md:gap-6 md:space-y-0">
      <RecordView lotId={id.data} />
      <div className="space-y-4">
        <Gallery images={lot.images} videoUrl={lot.videoUrl} title={lot.title} />
        <header className="space-y-1">
          <Link
            href={`/auctions/${lot.auction.id}`}
            className="text-sm text-brand-700 underline-offset-2 active:underline"
          >
            {lot.auction.title}
          </Link>
          <div className="flex items-start justify-between gap-3">
            <h1 className="font-serif text-xl font-bold text-stone-900">{lot.title}</h1>
            {user?.role !== 'admin' && <WatchButton lotId={id.data} watching={watching} />}
          </div>
        </header>
        <dl className="grid grid-cols-2 gap-2 text-sm">
          {estimate && (
            <div className="col-span-2 rounded-lg bg-white px-3 py-2 ring-1 ring-stone-200">
              <dt className="text-xs text-stone-500">{t('estimate')}</dt>
              <dd className="font-medium text-stone-900" data-testid="estimate">
                {estimate}
              </dd>
            </div>
          )}
          <div className="rounded-lg bg-white px-3 py-2 ring-1 ring-stone-200">
            <dt className="text-xs text-stone-500">{t('buyerPremium')}</dt>
            <dd className="font-medium text-stone-900">
              {lot.auction.buyerPremiumBps === 0
                ? t('noPremium')
                : t('premiumRate', { rate: lot.auction.buyerPremiumBps / 100 })}
            </dd>
          </div>
          <div className="rounded-lg bg-white px-3 py-2 ring-1 ring-stone-200">
            <dt className="text-xs text-stone-500">{t('deposits')}</dt>
            <dd className="text-stone-900">
              {t('depositAmounts', { session: money(lot.auction.depositAmount), lot: money(lot.depositAmount) })}
            </dd>
          </div>
        </dl>
      </div>
      <div className="space-y-4">
        <LiveLot
          initial={lot.live}
          initialMine={mine}
          sessionDeposit={lot.auction.depositAmount}
          lotDeposit={lot.depositAmount}
        />
        {lot.auction.antiSnipingMinutes > 0 && (
          <p className="text-xs text-stone-500">{t('antiSniping', { minutes: lot.auction.antiSnipingMinutes })}</p>
        )}
        <section>
          <h2 className="mb-1 text-sm font-semibold text-stone-900">{t('description')}</h2>
          <p className="whitespace-pre-line text-sm leading-6 text-stone-700">{lot.description}</p>
        </section>
      </div>
    </article>
  );
}
