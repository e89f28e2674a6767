import 'server-only';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db';
import { auctions, lots, orders, users, type LotStatus, type OrderStatus } from '@/db/schema';
import type { LifecycleRules } from '@/lib/engine/rules';
import { lotContextOf, lotMachineColumns } from '@/lib/lots/machine-context';
import { orderContextOf, orderMachineColumns } from '@/lib/orders/machine-context';
import { effectiveLotStatus, lotStatusWithOrder } from '@/machines/lot';
import { effectiveOrderStatus } from '@/machines/order';

export type LotOutcome = {
  id: number;
  auctionId: number;
  position: number;
  title: string;
  /** The lot machine at `now`, a sold lot following its order (paid, overdue, back to unsold when cancelled). */
  status: LotStatus;
  startPrice: number;
  reservePrice: number | null;
  depositAmount: number;
  currentPrice: number | null;
  dealPrice: number | null;
  bidCount: number;
  leader: { id: number; name: string } | null;
  winner: { id: number; name: string } | null;
  /** Its effective end: the staggered slot, pushed back by anti-sniping. */
  endsAt: Date;
  order: { id: number; orderNo: string; status: OrderStatus } | null;
};

const leader = alias(users, 'leader');
const winner = alias(users, 'winner');

/**
 * Lots with everything the back office shows of them, and their orders, read as the machines
 * see them at `now`. The caller narrows the query (one auction, one lot) and pages it.
 */
export function selectLotOutcomes(db: Executor) {
  return db
    .select({
      id: lots.id,
      auctionId: lots.auctionId,
      position: lots.position,
      title: lots.title,
      startPrice: lots.startPrice,
      depositAmount: lots.depositAmount,
      dealPrice: lots.dealPrice,
      leaderId: leader.id,
      leaderName: leader.name,
      winnerId: winner.id,
      winnerName: winner.name,
      ...lotMachineColumns,
      orderId: orders.id,
      orderNo: orders.orderNo,
      orderStatus: orders.status,
      orderDueAt: orders.dueAt,
      orderShippedAt: orders.shippedAt,
      orderRemindedAt: orders.remindedAt,
      orderOpenCharge: orderMachineColumns.openCharge,
    })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .leftJoin(orders, eq(orders.lotId, lots.id))
    .leftJoin(leader, eq(leader.id, lots.leaderId))
    .leftJoin(winner, eq(winner.id, lots.winnerId))
    .$dynamic();
}

type OutcomeRow = Awaited<ReturnType<ReturnType<typeof selectLotOutcomes>['execute']>>[number];

export function lotOutcomeOf(row: OutcomeRow, now: Date, rules: LifecycleRules): LotOutcome {
  const context = lotContextOf(row);
  const orderStatus =
    row.orderStatus !== null && row.orderDueAt !== null
      ? effectiveOrderStatus(
          row.orderStatus,
          orderContextOf(
            {
              status: row.orderStatus,
              dueAt: row.orderDueAt,
              shippedAt: row.orderShippedAt,
              remindedAt: row.orderRemindedAt,
              openCharge: row.orderOpenCharge,
            },
            rules,
          ),
          now,
        )
      : null;
  return {
    id: row.id,
    auctionId: row.auctionId,
    position: row.position,
    title: row.title,
    status: lotStatusWithOrder(effectiveLotStatus(row.status, context, now), orderStatus, context, now),
    startPrice: row.startPrice,
    reservePrice: row.reservePrice,
    depositAmount: row.depositAmount,
    currentPrice: row.currentPrice,
    dealPrice: row.dealPrice,
    bidCount: row.bidCount,
    leader: row.leaderId !== null ? { id: row.leaderId, name: row.leaderName ?? '' } : null,
    winner: row.winnerId !== null ? { id: row.winnerId, name: row.winnerName ?? '' } : null,
    endsAt: row.endsAt,
    order:
      row.orderId !== null && orderStatus !== null
        ? { id: row.orderId, orderNo: row.orderNo ?? '', status: orderStatus }
        : null,
  };
}
