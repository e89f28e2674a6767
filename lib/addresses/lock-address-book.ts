import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { addresses, users, type Address } from '@/db/schema';

/**
 * Locks one buyer's address book for a change: first the buyer's own row, so two changes queue
 * even while the book is empty (two first addresses, or two inserts at the size limit), then
 * every address in id order, so the one-default unique index never sees a race. NO KEY UPDATE:
 * the buyer's bids and payments, which only reference the row, never wait for it.
 */
export async function lockAddressBook(tx: Transaction, userId: number): Promise<Address[]> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
  return tx.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(addresses.id).for('update');
}
