import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { bids, deposits, lots, proxyBids } from '@/db/schema';
import type { LotLive, MyLotState } from '@/lib/api/v1/schemas';
import { isBiddingBlocked } from '@/lib/users/is-bidding-blocked';

const SOLD = new Set(['sold', 'paid', 'overdue']);

/**
 * The caller's own standing on a lot (leading / outbid / no deposit / won / lost) and their
 * proxy maximum: read with `userId` from the session only, so nobody learns another buyer's
 * maximum. Kept apart from the shared live state so it never passes through a shared cache.
 * A buyer whose bidding is blocked sees `blocked` on an open lot, so the page offers them
 * neither a deposit (which could never be used) nor bid controls.
 */
export async function getMyLotState({
  db,
  userId,
  live,
}: {
  db: Executor;
  userId: number | null;
  live: Pick<LotLive, 'id' | 'auctionId' | 'status'>;
}): Promise<MyLotState> {
  if (userId === null) return { signedIn: false, state: 'anonymous', depositCovered: false, proxyMax: null };
  const [row] = await db
    .select({
      leaderId: lots.leaderId,
      winnerId: lots.winnerId,
      covered: sql<boolean>`exists (select 1 from ${deposits} where ${deposits.userId} = ${userId} and ${deposits.status} = 'held'
        and ${deposits.auctionId} = ${live.auctionId} and (${deposits.lotId} = ${live.id} or ${deposits.lotId} is null))`,
      hasBid: sql<boolean>`exists (select 1 from ${bids} where ${bids.lotId} = ${live.id} and ${bids.userId} = ${userId})`,
    })
    .from(lots)
    .where(eq(lots.id, live.id));
  const [proxy] = await db
    .select({ maxAmount: proxyBids.maxAmount })
    .from(proxyBids)
    .where(and(eq(proxyBids.lotId, live.id), eq(proxyBids.userId, userId), eq(proxyBids.active, true)));
  const blocked = await isBiddingBlocked({ db, userId });
  const covered = Boolean(row?.covered);
  const hasBid = Boolean(row?.hasBid);
  // Sold by the machine at `now` before the tick wrote the winner: the leader is the winner.
  const winnerId = row?.winnerId ?? row?.leaderId ?? null;
  const state: MyLotState['state'] = SOLD.has(live.status)
    ? winnerId === userId
      ? 'won'
      : hasBid
        ? 'lost'
        : 'closed'
    : live.status === 'unsold' || live.status === 'cancelled'
      ? hasBid
        ? 'lost'
        : 'closed'
      : blocked
        ? 'blocked'
        : row?.leaderId === userId
          ? 'leading'
          : hasBid
            ? 'outbid'
            : covered
              ? 'canBid'
              : 'noDeposit';
  return { signedIn: true, state, depositCovered: covered, proxyMax: proxy?.maxAmount ?? null };
}
