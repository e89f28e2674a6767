import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { adminAuditLog, auctions, lots, orders, type Lot } from '@/db/schema';
import type { LifecycleRules } from '@/lib/engine/rules';
import { lotContextOf, lotMachineColumns } from '@/lib/lots/machine-context';
import { orderContextOf, orderMachineColumns } from '@/lib/orders/machine-context';
import { effectiveLotStatus, lotStatusWithOrder } from '@/machines/lot';
import { effectiveOrderStatus } from '@/machines/order';

export type RelistCandidate = Pick<
  Lot,
  | 'id'
  | 'title'
  | 'description'
  | 'coverUrl'
  | 'videoUrl'
  | 'startPrice'
  | 'reservePrice'
  | 'depositAmount'
  | 'estimateLow'
  | 'estimateHigh'
> & { status: 'unsold' | 'overdue' | 'cancelled' };

/**
 * The lots of an auction that may go to a second auction: unsold (流拍), overdue (逾期未付款), or
 * sold with an order the operator cancelled, as the lot and order machines read at `now`, in the
 * auction's order; less any lot an earlier relist already took.
 */
export async function relistCandidates({
  db,
  auctionId,
  now,
  rules,
}: {
  db: Executor;
  auctionId: number;
  now: Date;
  rules: LifecycleRules;
}): Promise<RelistCandidate[]> {
  const rows = await db
    .select({
      lot: {
        id: lots.id,
        title: lots.title,
        description: lots.description,
        coverUrl: lots.coverUrl,
        videoUrl: lots.videoUrl,
        startPrice: lots.startPrice,
        reservePrice: lots.reservePrice,
        depositAmount: lots.depositAmount,
        estimateLow: lots.estimateLow,
        estimateHigh: lots.estimateHigh,
      },
      machine: lotMachineColumns,
      order: { id: orders.id, ...orderMachineColumns },
    })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .leftJoin(orders, eq(orders.lotId, lots.id))
    .where(and(eq(lots.auctionId, auctionId)))
    .orderBy(asc(lots.position), asc(lots.id));
  // A lot goes to one second auction only; what earlier relists of this auction took is in
  // their audit entries (written in the relist's own transaction, under the source's row lock).
  const relisted = await db.execute<{ from: unknown }>(sql`
    select (copied->>'from')::int as from from ${adminAuditLog}, jsonb_array_elements(${adminAuditLog.data}->'lots') copied
    where ${adminAuditLog.action} = 'auction.relist' and ${adminAuditLog.data}->>'sourceAuctionId' = ${String(auctionId)}`);
  const taken = new Set(relisted.rows.map((row) => Number(row.from)));
  return rows.flatMap(({ lot, machine, order }) => {
    if (taken.has(lot.id)) return [];
    const context = lotContextOf(machine);
    const orderStatus =
      order?.id && order.status ? effectiveOrderStatus(order.status, orderContextOf(order, rules), now) : null;
    const status = lotStatusWithOrder(effectiveLotStatus(machine.status, context, now), orderStatus, context, now);
    if (orderStatus === 'cancelled') return [{ ...lot, status: 'cancelled' as const }];
    return status === 'unsold' || status === 'overdue' ? [{ ...lot, status: status as RelistCandidate['status'] }] : [];
  });
}
