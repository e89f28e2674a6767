import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deposits } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';
import { toNumber } from '@/lib/sql/rows';
import { refundDeposits } from './refund-deposits';
import { backsOpenBids, stillOwed } from './selection';

export type ManualRefundResult = { refunded: number; alreadyRefunded: boolean };

/**
 * An operator gives back what a held or frozen deposit still holds, through the same path
 * as every other refund (refund row keyed `deposit:<id>:refund`, outbox, lifecycle event),
 * so the deposit's money stays conserved and the provider books it once. Only the balance
 * goes back, never more. A deposit that still answers for an unpaid order, or backs the
 * owner's bids on a lot not yet closed, is refused: the 24-hour rule may yet need it. A second submit finds the deposit refunded and changes
 * nothing (`alreadyRefunded`); the row lock makes two at once queue.
 */
export async function manualRefund({
  db,
  depositId,
  reason,
  now,
  adminId,
  ip = null,
}: {
  db: Database;
  depositId: number;
  reason: string;
  now: Date;
  adminId: number;
  ip?: string | null;
}): Promise<ManualRefundResult> {
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{
      status: string;
      balance: unknown;
      refunded_amount: unknown;
      owed: unknown;
      bidding: unknown;
    }>(sql`
      select d.status, d.balance, d.refunded_amount, ${stillOwed} as owed, ${backsOpenBids} as bidding
      from deposits d where d.id = ${depositId}
      for update of d`);
    const row = locked.rows[0];
    const deposit = row && {
      status: row.status,
      balance: toNumber(row.balance),
      refundedAmount: toNumber(row.refunded_amount),
      owed: row.owed === true || row.owed === 't',
      bidding: row.bidding === true || row.bidding === 't',
    };
    if (!deposit) throw new AppError('NOT_FOUND', 'No such deposit');
    if (deposit.status === 'refunded') return { refunded: 0, alreadyRefunded: true };
    if (deposit.status !== 'held' && deposit.status !== 'frozen') {
      throw new AppError('WRONG_STATE', `A ${deposit.status} deposit has nothing to refund`);
    }
    if (deposit.owed) throw new AppError('WRONG_STATE', 'The deposit still answers for an unpaid order');
    if (deposit.bidding) throw new AppError('WRONG_STATE', 'The deposit still backs bids on a lot that has not closed');
    const changes = await refundDeposits(tx, { selection: { depositIds: [depositId] }, reason: 'manual', now });
    if (changes.length === 0) throw new AppError('CONFLICT', 'The deposit changed meanwhile');
    const [after] = await tx
      .select({ status: deposits.status, balance: deposits.balance, refundedAmount: deposits.refundedAmount })
      .from(deposits)
      .where(eq(deposits.id, depositId));
    await recordAdminAudit(tx, {
      adminId,
      action: 'deposit.manualRefund',
      entity: 'deposit',
      entityId: depositId,
      before: { status: deposit.status, balance: deposit.balance, refundedAmount: deposit.refundedAmount },
      after: after ?? null,
      details: { reason, amount: deposit.balance },
      ip,
      at: now,
    });
    return { refunded: deposit.balance, alreadyRefunded: false };
  });
}
