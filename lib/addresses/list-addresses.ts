import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { addresses, type Address } from '@/db/schema';

/** A buyer's address book, the default first (at most MAX_ADDRESSES, so one page). */
export function listAddresses({ db, userId }: { db: Executor; userId: number }): Promise<Address[]> {
  return db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), asc(addresses.id));
}
