import 'server-only';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';

/**
 * An operator stops a buyer from bidding (the bid path refuses anyone with
 * `bidding_blocked_at` set) or lets them bid again. Unblocking keeps the strike count: the
 * next overdue order blocks again once the count is at the limit; `liftStrikes` clears both.
 * Asking for the state the buyer is already in changes and records nothing.
 */
export async function setBiddingBlock({
  db,
  now,
  adminId,
  ip,
  userId,
  blocked,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  userId: number;
  blocked: boolean;
}): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ role: users.role, biddingBlockedAt: users.biddingBlockedAt, strikes: users.strikes })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!user) throw new AppError('NOT_FOUND', 'No such user');
    if (user.role !== 'buyer') throw new AppError('WRONG_STATE', 'Only buyers bid');
    const [updated] = await tx
      .update(users)
      .set({ biddingBlockedAt: blocked ? now : null, updatedAt: now })
      .where(and(eq(users.id, userId), blocked ? isNull(users.biddingBlockedAt) : isNotNull(users.biddingBlockedAt)))
      .returning({ biddingBlockedAt: users.biddingBlockedAt });
    if (!updated) return { changed: false };
    await recordAdminAudit(tx, {
      adminId,
      action: blocked ? 'user.blockBidding' : 'user.unblockBidding',
      entity: 'user',
      entityId: userId,
      before: { biddingBlockedAt: user.biddingBlockedAt },
      after: { biddingBlockedAt: updated.biddingBlockedAt },
      details: { strikes: user.strikes },
      ip,
      at: now,
    });
    return { changed: true };
  });
}
