import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RelistForm } from '@/components/admin/auctions/relist-form';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { db } from '@/db';
import { auctionForEdit } from '@/lib/admin/auction-for-edit';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { auctionFormValues, newAuctionFormValues } from '@/lib/auctions/auction-form-defaults';
import { relistCandidates } from '@/lib/auctions/relist-candidates';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { lotPriceValues } from '@/lib/lots/lot-form-defaults';
import { engineRules } from '@/lib/server/engine';
import { uploadStore } from '@/lib/storage/upload-store';
import { routeId } from '@/lib/validation/record-id';

export default async function RelistAuctionPage({ params }: { params: Promise<{ id: string }> }) {
  await guardAdminPage();
  const auctionId = routeId((await params).id);
  const at = now();
  const found = auctionId && (await auctionForEdit({ db: db(), auctionId, now: at }));
  if (!auctionId || !found) notFound();
  const t = await getTranslations('adminAuctions');
  const timeZone = env().APP_TIME_ZONE;
  const lots =
    found.status === 'ended' ? await relistCandidates({ db: db(), auctionId, now: at, rules: engineRules() }) : [];
  // 二拍 keeps the first auction's text, media, rules and bands, on a fresh schedule.
  const fresh = newAuctionFormValues(at, timeZone);
  const source = auctionFormValues(found.auction, found.ladder, timeZone);
  const initial = {
    sourceAuctionId: auctionId,
    auction: {
      ...source,
      title: t('relistTitle', { title: found.auction.title }).slice(0, 120),
      previewStartsAt: fresh.previewStartsAt,
      previewEndsAt: fresh.previewEndsAt,
      startsAt: fresh.startsAt,
      endsAt: fresh.endsAt,
    },
    lots: lots.map((lot) => ({ lotId: lot.id, ...lotPriceValues(lot) })),
  };
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href={`/admin/auctions/${auctionId}/edit`} className="text-sm text-brand-700 hover:underline">
          ← {found.auction.title}
        </Link>
        <h1 className="mt-1 font-serif text-2xl font-bold text-stone-900">{t('relistHeading')}</h1>
        <p className="mt-1 text-sm text-stone-500">{t('relistHint')}</p>
      </div>
      {lots.length === 0 ? (
        <EmptyState
          title={found.status === 'ended' ? t('relistNothing') : t('relistNotEnded')}
          body={found.status === 'ended' ? t('relistNothingBody') : t('relistNotEndedBody')}
          action={
            <Link href="/admin/auctions" className={buttonClass('secondary')}>
              {t('title')}
            </Link>
          }
        />
      ) : (
        <RelistForm
          timeZone={timeZone}
          store={uploadStore()}
          initial={initial}
          lots={lots.map((lot) => ({ id: lot.id, title: lot.title, status: lot.status }))}
        />
      )}
    </div>
  );
}
