import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { addresses } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { lockAddressBook } from './lock-address-book';
import { moveDefault } from './set-default-address';

/**
 * Deletes one of the buyer's own addresses (NOT_FOUND for anyone else's). Orders keep their
 * own copy of the address, so none is affected. Deleting the default passes it to the
 * oldest remaining address.
 */
export async function deleteAddress({ db, userId, addressId }: { db: Database; userId: number; addressId: number }) {
  await db.transaction(async (tx) => {
    const book = await lockAddressBook(tx, userId);
    const target = book.find((address) => address.id === addressId);
    if (!target) throw new AppError('NOT_FOUND', 'No such address');
    await tx.delete(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
    const heir = book.find((address) => address.id !== addressId);
    if (target.isDefault && heir) await moveDefault(tx, { userId, addressId: heir.id });
  });
}
