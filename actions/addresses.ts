'use server';

import { buyerAction } from '@/lib/actions/safe-action';
import { addressIdSchema, saveAddressSchema } from '@/lib/addresses/address-schema';
import { deleteAddress } from '@/lib/addresses/delete-address';
import { saveAddress } from '@/lib/addresses/save-address';
import { setDefaultAddress } from '@/lib/addresses/set-default-address';

export const saveAddressAction = buyerAction(saveAddressSchema, async (input, { user, db }) => {
  const saved = await saveAddress({ db, userId: user.id, input });
  return { id: saved.id };
});

export const deleteAddressAction = buyerAction(addressIdSchema, async ({ addressId }, { user, db }) => {
  await deleteAddress({ db, userId: user.id, addressId });
  return { addressId };
});

export const setDefaultAddressAction = buyerAction(addressIdSchema, async ({ addressId }, { user, db }) => {
  await setDefaultAddress({ db, userId: user.id, addressId });
  return { addressId };
});
