import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { deposits } from '@/db/schema';

/**
 * What cancelling an auction would give back, for its confirmation: the deposits still
 * holding money (held or frozen) and the sum of their balances, in fen.
 */
export async function refundableDeposits({
  db,
  auctionId,
}: {
  db: Executor;
  auctionId: number;
}): Promise<{ count: number; amount: number }> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)`.mapWith(Number),
      amount: sql<number>`coalesce(sum(${deposits.balance}), 0)`.mapWith(Number),
    })
    .from(deposits)
    .where(and(eq(deposits.auctionId, auctionId), inArray(deposits.status, ['held', 'frozen'])));
  return { count: row?.count ?? 0, amount: row?.amount ?? 0 };
}
