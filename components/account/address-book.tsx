'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { deleteAddressAction, setDefaultAddressAction } from '@/actions/addresses';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { Address } from '@/db/schema';
import { MAX_ADDRESSES } from '@/lib/addresses/address-schema';
import { AddressLines } from './address-card';
import { AddressForm } from './address-form';
import { ConfirmActionButton } from './confirm-action-button';

/** The address book: add, edit, delete (after asking), and move the default. */
export function AddressBook({ addresses }: { addresses: Address[] }) {
  const t = useTranslations('addressBook');
  const router = useRouter();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const done = () => {
    setEditing(null);
    router.refresh();
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-500">{t('count', { count: addresses.length, max: MAX_ADDRESSES })}</p>
      {addresses.length === 0 && editing !== 'new' && <EmptyState title={t('empty')} body={t('emptyBody')} />}
      <ul className="space-y-3">
        {addresses.map((address) =>
          editing === address.id ? (
            <li key={address.id}>
              <AddressForm address={address} onSaved={done} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={address.id} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="address">
              <div className="flex items-start justify-between gap-3">
                <AddressLines address={address} />
                {address.isDefault && (
                  <span className="shrink-0 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700 ring-1 ring-brand-200">
                    {t('default')}
                  </span>
                )}
              </div>
              <div className="mt-3 flex flex-wrap gap-2">
                <Button type="button" variant="secondary" className="flex-1" onClick={() => setEditing(address.id)}>
                  {t('edit')}
                </Button>
                {!address.isDefault && (
                  <ConfirmActionButton
                    className="flex-1"
                    action={setDefaultAddressAction}
                    arg={{ addressId: address.id }}
                    label={t('setDefault')}
                  />
                )}
                <ConfirmActionButton
                  className="flex-1"
                  action={deleteAddressAction}
                  arg={{ addressId: address.id }}
                  label={t('delete')}
                  question={t('deleteQuestion')}
                  yes={t('deleteYes')}
                  no={t('deleteNo')}
                />
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <AddressForm onSaved={done} onCancel={() => setEditing(null)} />
      ) : (
        addresses.length < MAX_ADDRESSES && (
          <Button type="button" className="w-full" onClick={() => setEditing('new')}>
            {t('add')}
          </Button>
        )
      )}
    </div>
  );
}
