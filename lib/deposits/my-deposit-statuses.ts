import 'server-only';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '@/db';
import { deposits, type DepositStatus } from '@/db/schema';

/** The caller's session deposit of an auction and their lot deposit of a lot, by status. */
export async function myDepositStatuses({
  db,
  userId,
  auctionId,
  lotId,
}: {
  db: Executor;
  userId: number;
  auctionId: number;
  lotId: number | null;
}): Promise<{ session: DepositStatus | null; lot: DepositStatus | null }> {
  const rows = await db
    .select({ lotId: deposits.lotId, status: deposits.status })
    .from(deposits)
    .where(
      and(
        eq(deposits.userId, userId),
        eq(deposits.auctionId, auctionId),
        lotId === null ? isNull(deposits.lotId) : or(isNull(deposits.lotId), eq(deposits.lotId, lotId)),
      ),
    );
  return {
    session: rows.find((row) => row.lotId === null)?.status ?? null,
    lot: rows.find((row) => row.lotId !== null)?.status ?? null,
  };
}
