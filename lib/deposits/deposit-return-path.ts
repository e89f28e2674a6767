import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { deposits } from '@/db/schema';

/**
 * Where a deposit's payer goes back to bid after the checkout: the lot for a lot deposit,
 * else the auction. Built from our own ids, never from a query parameter, so the link
 * cannot lead off the site.
 */
export async function depositReturnPath({
  db,
  depositId,
}: {
  db: Executor;
  depositId: number | null;
}): Promise<string | null> {
  if (depositId === null) return null;
  const [deposit] = await db
    .select({ auctionId: deposits.auctionId, lotId: deposits.lotId })
    .from(deposits)
    .where(eq(deposits.id, depositId));
  if (!deposit) return null;
  return deposit.lotId === null ? `/auctions/${deposit.auctionId}` : `/lots/${deposit.lotId}`;
}
