import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { addresses, type Address } from '@/db/schema';

/**
 * Locks every address of one buyer, in id order, for a change to the book: two changes of
 * one buyer's default queue here, so the one-default unique index never sees a race.
 */
export function lockAddressBook(tx: Transaction, userId: number): Promise<Address[]> {
  return tx.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(addresses.id).for('update');
}
