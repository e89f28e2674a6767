import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { users } from '@/db/schema';

/**
 * Whether the buyer's bidding is blocked (after unpaid orders, or by an operator): pages then
 * offer them neither a deposit they could never use nor bid controls.
 */
export async function isBiddingBlocked({ db, userId }: { db: Executor; userId: number }): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.biddingBlockedAt)))
    .limit(1);
  return row !== undefined;
}
