import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { toDate, toNumber } from '@/lib/sql/rows';

export type FailedRefundRow = {
  id: number;
  buyerName: string;
  amount: number;
  reason: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date;
};

/** Longest list shown; each retry takes one off it, so more means something bigger is wrong. */
const FAILED_REFUNDS_SHOWN = 50;

/**
 * Refunds of an auction (of its deposits or its orders) that the outbox gave up on after
 * its last attempt: they wait for an operator's retry.
 */
export async function listFailedRefunds({
  db,
  auctionId,
}: {
  db: Executor;
  auctionId: number;
}): Promise<{ items: FailedRefundRow[]; total: number }> {
  const scope = sql`r.status = 'failed' and (
    r.deposit_id in (select id from deposits where auction_id = ${auctionId})
    or r.order_id in (select id from orders where auction_id = ${auctionId}))`;
  const [rows, total] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      select r.id, r.amount, r.reason, r.attempts, r.last_error, r.updated_at, u.name as buyer_name
      from refunds r join payments p on p.id = r.payment_id join users u on u.id = p.user_id
      where ${scope} order by r.id limit ${FAILED_REFUNDS_SHOWN}`),
    db.execute<{ n: unknown }>(sql`select count(*) as n from refunds r where ${scope}`),
  ]);
  return {
    items: rows.rows.map((row) => ({
      id: toNumber(row.id),
      buyerName: String(row.buyer_name),
      amount: toNumber(row.amount),
      reason: String(row.reason),
      attempts: toNumber(row.attempts),
      lastError: (row.last_error as string | null) ?? null,
      failedAt: toDate(row.updated_at),
    })),
    total: toNumber(total.rows[0]?.n ?? 0),
  };
}
