import { getTranslations } from 'next-intl/server';
import { AddressBook } from '@/components/account/address-book';
import { AccountPageTitle } from '@/components/account/page-title';
import { db } from '@/db';
import { listAddresses } from '@/lib/addresses/list-addresses';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';

export default async function AddressesPage() {
  const user = await guardBuyerPage('/me/addresses');
  const [addresses, t, tAccount] = await Promise.all([
    listAddresses({ db: db(), userId: user.id }),
    getTranslations('addressBook'),
    getTranslations('account'),
  ]);
  return (
    <div className="mx-auto max-w-xl">
      <AccountPageTitle title={t('title')} back={tAccount('back')} />
      <AddressBook addresses={addresses} />
    </div>
  );
}
