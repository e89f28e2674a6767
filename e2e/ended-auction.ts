import type { Database } from '@/db/client';
import { coupons } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { at, DAY, HOUR, MINUTE, payDeposit, publishedAuction, tick, yuan } from '@/tests/support/lifecycle';

/**
 * For the fixture scripts (e2e/fixtures/buyer-orders.ts, e2e/security/fixtures/buyer-account.ts):
 * an auction that ran in the past hours and has ended, so no spec needs the clock moved. The
 * winner outbids the loser on its one lot (¥300 over ¥100); the tick at `start` closes it,
 * makes the winner's order (due a day after the end) and refunds the loser's session deposit.
 */
export async function endedAuctionWithWinner(
  db: Database,
  { start, title, winnerId, loserId }: { start: Date; title: string; winnerId: number; loserId: number },
) {
  const auction = await publishedAuction(db, at(start, -4 * HOUR), {
    lots: [{ title: `${title} · 拍品`, startPrice: yuan(100) }],
    settings: { title, description: '端到端测试用专场：已结拍。' },
  });
  await tick(db, auction.startsAt);
  for (const userId of [winnerId, loserId])
    await payDeposit(db, { userId, auctionId: auction.auctionId, now: auction.startsAt });
  const lotId = auction.lotIds[0]!;
  await placeBid({ db, userId: loserId, lotId, amount: yuan(100), now: at(auction.startsAt, MINUTE) });
  await placeBid({ db, userId: winnerId, lotId, amount: yuan(300), now: at(auction.startsAt, 2 * MINUTE) });
  await tick(db, start);
  return auction;
}

/** A coupon anyone may claim now from the coupon centre: ¥20 off orders of ¥100, one per buyer. */
export async function claimableCoupon(db: Database, { start, title }: { start: Date; title: string }) {
  const [coupon] = await db
    .insert(coupons)
    .values({
      title,
      threshold: yuan(100),
      discount: yuan(20),
      validFrom: at(start, -HOUR),
      validUntil: at(start, 30 * DAY),
      totalQuantity: 1_000,
      perUserLimit: 1,
    })
    .returning({ id: coupons.id });
  return coupon!.id;
}
