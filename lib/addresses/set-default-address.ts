import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { addresses } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { lockAddressBook } from './lock-address-book';

/**
 * Moves the default to one of the buyer's addresses inside `tx`, whose address book the
 * caller has locked: the old default is cleared first, so the one-default index holds at
 * every statement.
 */
export async function moveDefault(tx: Transaction, { userId, addressId }: { userId: number; addressId: number }) {
  await tx
    .update(addresses)
    .set({ isDefault: false })
    .where(and(eq(addresses.userId, userId), eq(addresses.isDefault, true), ne(addresses.id, addressId)));
  await tx
    .update(addresses)
    .set({ isDefault: true })
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
}

/** Makes one of the buyer's own addresses the default (NOT_FOUND for anyone else's). */
export async function setDefaultAddress({
  db,
  userId,
  addressId,
}: {
  db: Database;
  userId: number;
  addressId: number;
}) {
  await db.transaction(async (tx) => {
    const book = await lockAddressBook(tx, userId);
    if (!book.some((address) => address.id === addressId)) throw new AppError('NOT_FOUND', 'No such address');
    await moveDefault(tx, { userId, addressId });
  });
}
