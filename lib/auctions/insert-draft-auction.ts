import 'server-only';
import type { Executor } from '@/db/client';
import { auctions } from '@/db/schema';
import { createOwnLadder } from './auction-ladder';
import { auctionColumnsOf } from './auction-columns';
import type { AuctionFormData } from './auction-form-schema';

/** A draft auction with a ladder of its own, inside the caller's transaction (create, relist). */
export async function insertDraftAuction(
  tx: Executor,
  { input, adminId, now }: { input: AuctionFormData; adminId: number; now: Date },
) {
  const columns = auctionColumnsOf(input);
  const incrementLadderId = await createOwnLadder(tx, { name: input.title, steps: input.ladder });
  const [auction] = await tx
    .insert(auctions)
    .values({ ...columns, incrementLadderId, status: 'draft', createdById: adminId, createdAt: now, updatedAt: now })
    .returning({ id: auctions.id });
  return { auctionId: auction!.id, columns };
}
