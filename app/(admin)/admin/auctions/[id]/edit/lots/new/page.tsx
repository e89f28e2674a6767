import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LotForm } from '@/components/admin/auctions/lot-form';
import { EmptyState } from '@/components/ui/empty-state';
import { db } from '@/db';
import { auctionForEdit } from '@/lib/admin/auction-for-edit';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { lotsMayChange } from '@/lib/auctions/editable-fields';
import { now } from '@/lib/clock';
import { NEW_LOT_VALUES } from '@/lib/lots/lot-form-defaults';
import { uploadStore } from '@/lib/storage/upload-store';
import { routeId } from '@/lib/validation/record-id';

export default async function NewLotPage({ params }: { params: Promise<{ id: string }> }) {
  await guardAdminPage();
  const auctionId = routeId((await params).id);
  const found = auctionId && (await auctionForEdit({ db: db(), auctionId, now: now() }));
  if (!auctionId || !found) notFound();
  const t = await getTranslations('adminAuctions');
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href={`/admin/auctions/${auctionId}/edit`} className="text-sm text-brand-700 hover:underline">
          ← {found.auction.title}
        </Link>
        <h1 className="mt-1 font-serif text-2xl font-bold text-stone-900">{t('addLot')}</h1>
      </div>
      {lotsMayChange(found.status) ? (
        <LotForm auctionId={auctionId} store={uploadStore()} initial={NEW_LOT_VALUES} scope="everything" />
      ) : (
        <EmptyState title={t('lotsFixed')} body={t('noLotsLocked')} />
      )}
    </div>
  );
}
