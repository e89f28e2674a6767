import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { addresses, type Address } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { MAX_ADDRESSES, type SaveAddressInput } from './address-schema';
import { lockAddressBook } from './lock-address-book';
import { moveDefault } from './set-default-address';

/**
 * Adds an address to the buyer's book or edits one of their own (NOT_FOUND for anyone
 * else's). The first address becomes the default whatever was asked, and the default can
 * only be moved, never unset, so a buyer with addresses always has one.
 */
export async function saveAddress({
  db,
  userId,
  input,
}: {
  db: Database;
  userId: number;
  input: SaveAddressInput;
}): Promise<Address> {
  const { id, isDefault, ...fields } = input;
  return db.transaction(async (tx) => {
    const book = await lockAddressBook(tx, userId);
    let saved: Address | undefined;
    if (id === null) {
      if (book.length >= MAX_ADDRESSES) {
        throw new AppError('VALIDATION', 'Address book full', { fieldErrors: { _form: ['addressBookErrors.full'] } });
      }
      [saved] = await tx
        .insert(addresses)
        .values({ ...fields, userId })
        .returning();
    } else {
      if (!book.some((address) => address.id === id)) throw new AppError('NOT_FOUND', 'No such address');
      [saved] = await tx
        .update(addresses)
        .set(fields)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .returning();
    }
    const makeDefault = isDefault || !book.some((address) => address.isDefault && address.id !== saved!.id);
    if (!makeDefault) return saved!;
    await moveDefault(tx, { userId, addressId: saved!.id });
    return { ...saved!, isDefault: true };
  });
}
