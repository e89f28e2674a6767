import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outbox, refunds } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';

export type RetryResult = { requeued: boolean };

/**
 * Puts a refund the outbox gave up on back in the queue: the refund and its outbox row go
 * from failed to pending with a fresh count of attempts, and the next drain sends it with
 * its original idempotency key, so the provider still books it at most once. Guarded on
 * status 'failed': of two retries at once one requeues it, the other finds nothing to do.
 */
export async function retryFailedRefund({
  db,
  refundId,
  now,
  adminId,
  ip = null,
}: {
  db: Database;
  refundId: number;
  now: Date;
  adminId: number;
  ip?: string | null;
}): Promise<RetryResult> {
  return db.transaction(async (tx) => {
    const [requeued] = await tx
      .update(refunds)
      .set({ status: 'pending', lastError: null, updatedAt: now })
      .where(and(eq(refunds.id, refundId), eq(refunds.status, 'failed')))
      .returning({ id: refunds.id, attempts: refunds.attempts, amount: refunds.amount });
    if (!requeued) {
      const [existing] = await tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.id, refundId));
      if (!existing) throw new AppError('NOT_FOUND', 'No such refund');
      return { requeued: false };
    }
    await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, lockedUntil: null, lastError: null, updatedAt: now })
      .where(and(eq(outbox.refundId, refundId), eq(outbox.status, 'failed')));
    await recordAdminAudit(tx, {
      adminId,
      action: 'refund.retry',
      entity: 'refund',
      entityId: refundId,
      before: { status: 'failed' },
      after: { status: 'pending' },
      details: { amount: requeued.amount, attemptsBefore: requeued.attempts },
      ip,
      at: now,
    });
    return { requeued: true };
  });
}
