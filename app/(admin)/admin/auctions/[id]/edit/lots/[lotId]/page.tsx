import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LotForm } from '@/components/admin/auctions/lot-form';
import { StatusBadge } from '@/components/ui/status-badge';
import { db } from '@/db';
import { auctionForEdit } from '@/lib/admin/auction-for-edit';
import { lotForEdit } from '@/lib/admin/lot-for-edit';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { editableScope } from '@/lib/auctions/editable-fields';
import { now } from '@/lib/clock';
import { lotFormValues } from '@/lib/lots/lot-form-defaults';
import { uploadStore } from '@/lib/storage/upload-store';
import { routeId } from '@/lib/validation/record-id';

export default async function EditLotPage({ params }: { params: Promise<{ id: string; lotId: string }> }) {
  await guardAdminPage();
  const raw = await params;
  const auctionId = routeId(raw.id);
  const lotId = routeId(raw.lotId);
  const auction = auctionId && (await auctionForEdit({ db: db(), auctionId, now: now() }));
  const found = auction && lotId && (await lotForEdit({ db: db(), auctionId: auction.auction.id, lotId }));
  if (!auction || !found) notFound();
  const t = await getTranslations('adminAuctions');
  const scope = editableScope(auction.status);
  const status = auction.lots.find((lot) => lot.id === found.lot.id)?.status ?? found.lot.status;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href={`/admin/auctions/${auction.auction.id}/edit`} className="text-sm text-brand-700 hover:underline">
          ← {auction.auction.title}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 break-words font-serif text-2xl font-bold text-stone-900">{found.lot.title}</h1>
          <StatusBadge status={status} />
        </div>
        <p className="mt-1 text-sm text-stone-500">{t(`lotScope.${scope}`)}</p>
      </div>
      <LotForm
        key={found.lot.version}
        auctionId={auction.auction.id}
        store={uploadStore()}
        initial={lotFormValues(found.lot, found.images)}
        edit={{ lotId: found.lot.id, version: found.lot.version }}
        scope={scope}
      />
    </div>
  );
}
