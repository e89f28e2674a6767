import 'server-only';
import { and, eq, gt, isNotNull, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';

/**
 * An operator forgives a buyer's strikes: the count goes back to 0 and bidding is allowed
 * again, so the engine blocks them only after STRIKE_LIMIT new overdue orders. Nothing to lift
 * changes and records nothing.
 */
export async function liftStrikes({
  db,
  now,
  adminId,
  ip,
  userId,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  userId: number;
}): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ strikes: users.strikes, biddingBlockedAt: users.biddingBlockedAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!user) throw new AppError('NOT_FOUND', 'No such user');
    const [updated] = await tx
      .update(users)
      .set({ strikes: 0, biddingBlockedAt: null, updatedAt: now })
      .where(and(eq(users.id, userId), or(gt(users.strikes, 0), isNotNull(users.biddingBlockedAt))))
      .returning({ id: users.id });
    if (!updated) return { changed: false };
    await recordAdminAudit(tx, {
      adminId,
      action: 'user.liftStrikes',
      entity: 'user',
      entityId: userId,
      before: { strikes: user.strikes, biddingBlockedAt: user.biddingBlockedAt },
      after: { strikes: 0, biddingBlockedAt: null },
      ip,
      at: now,
    });
    return { changed: true };
  });
}
