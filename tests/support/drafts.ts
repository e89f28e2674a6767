import type { Database } from '@/db/client';
import { auctions, lots } from '@/db/schema';

/** A draft auction with one lot, as an operator leaves it before publishing. */
export async function insertDraftAuction(
  db: Database,
  schedule: { previewStartsAt: Date; previewEndsAt: Date; startsAt: Date; endsAt: Date },
) {
  const [auction] = await db
    .insert(auctions)
    .values({ title: '草稿专场', ...schedule })
    .returning({ id: auctions.id });
  await db.insert(lots).values({ auctionId: auction!.id, title: '拍品', startPrice: 10_000 });
  return auction!.id;
}
