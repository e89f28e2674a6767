import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuctionForm } from '@/components/admin/auctions/auction-form';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';
import { newAuctionFormValues } from '@/lib/auctions/auction-form-defaults';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { uploadStore } from '@/lib/storage/upload-store';

export default async function NewAuctionPage() {
  await guardAdminPage();
  const t = await getTranslations('adminAuctions');
  const timeZone = env().APP_TIME_ZONE;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href="/admin/auctions" className="text-sm text-brand-700 hover:underline">
          ← {t('title')}
        </Link>
        <h1 className="mt-1 font-serif text-2xl font-bold text-stone-900">{t('new')}</h1>
        <p className="mt-1 text-sm text-stone-500">{t('newHint')}</p>
      </div>
      <AuctionForm timeZone={timeZone} store={uploadStore()} initial={newAuctionFormValues(now(), timeZone)} />
    </div>
  );
}
