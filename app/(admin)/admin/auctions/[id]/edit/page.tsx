import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuctionControls } from '@/components/admin/auctions/auction-controls';
import { AuctionForm } from '@/components/admin/auctions/auction-form';
import { LotList } from '@/components/admin/auctions/lot-list';
import { buttonClass } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import { db } from '@/db';
import { auctionForEdit } from '@/lib/admin/auction-for-edit';
import { refundableDeposits } from '@/lib/admin/refundable-deposits';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { auctionFormValues } from '@/lib/auctions/auction-form-defaults';
import { editableScope, lotsMayChange } from '@/lib/auctions/editable-fields';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { uploadStore } from '@/lib/storage/upload-store';
import { toZonedInput } from '@/lib/time/zoned-input';
import { routeId } from '@/lib/validation/record-id';

export default async function EditAuctionPage({ params }: { params: Promise<{ id: string }> }) {
  await guardAdminPage();
  const auctionId = routeId((await params).id);
  const found = auctionId && (await auctionForEdit({ db: db(), auctionId, now: now() }));
  if (!auctionId || !found) notFound();
  const t = await getTranslations('adminAuctions');
  const timeZone = env().APP_TIME_ZONE;
  const { auction, status, ladder, lots } = found;
  const scope = editableScope(status);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href={`/admin/auctions/${auctionId}`} className="text-sm text-brand-700 hover:underline">
          ← {t('backToAuction')}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 break-words font-serif text-2xl font-bold text-stone-900">{auction.title}</h1>
          <StatusBadge status={status} />
          {status === 'ended' && (
            <Link href={`/admin/auctions/${auctionId}/relist`} className={buttonClass('secondary', 'ml-auto')}>
              {t('relist')}
            </Link>
          )}
        </div>
        <p className="mt-1 text-sm text-stone-500">{t(`scope.${scope}`)}</p>
      </div>
      <AuctionControls
        auctionId={auctionId}
        status={status}
        version={auction.version}
        endsAt={toZonedInput(auction.endsAt, timeZone)}
        lotCount={lots.length}
        refundable={await refundableDeposits({ db: db(), auctionId })}
        timeZone={timeZone}
      />
      <LotList auctionId={auctionId} lots={lots} mayChange={lotsMayChange(status)} />
      <AuctionForm
        key={auction.version}
        timeZone={timeZone}
        store={uploadStore()}
        initial={auctionFormValues(auction, ladder, timeZone)}
        edit={{ auctionId, version: auction.version }}
        scope={scope}
      />
    </div>
  );
}
