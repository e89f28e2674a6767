import 'server-only';
import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import {
  auctions,
  coupons,
  deposits,
  lifecycleEvents,
  orders,
  payments,
  refunds,
  userCoupons,
  users,
  type DepositStatus,
  type ShippingAddress,
} from '@/db/schema';
import type { LifecycleRules } from '@/lib/engine/rules';
import { UNPAID_ORDER_STATUSES } from '@/machines/order';
import { adminOrderRowOf, orderRowsSql, type AdminOrderRow } from './list-orders';

export type AdminOrderDetail = AdminOrderRow & {
  buyerId: number;
  shippingAddress: ShippingAddress | null;
  cancelReason: string | null;
  cancelledAt: Date | null;
  completedAt: Date | null;
  overdueAt: Date | null;
  coupon: { title: string; status: string } | null;
  deposit: {
    id: number;
    kind: 'session' | 'lot';
    status: DepositStatus;
    amount: number;
    balance: number;
    refundedAmount: number;
    forfeitedAmount: number;
  } | null;
  payments: {
    id: number;
    purpose: string;
    amount: number;
    status: string;
    createdAt: Date;
    succeededAt: Date | null;
  }[];
  refunds: { id: number; amount: number; reason: string; status: string; createdAt: Date; succeededAt: Date | null }[];
  timeline: { id: number; fromStatus: string; toStatus: string; event: string; actorName: string | null; at: Date }[];
  /** What a cancel would do with money now, for the confirmation. */
  cancelEffects: {
    openCharges: number;
    couponReleased: boolean;
    /** The lot deposit covering the order, refunded whole. */
    lotDepositRefund: number;
    /** The buyer's session deposit balance: refunded if no other order of theirs in the auction is unpaid. */
    sessionDepositRefund: number;
    sessionDepositKept: boolean;
  };
};

/** Everything the back office shows of one order, its status as the machine gives it at `now`. */
export async function getOrderDetailForAdmin({
  db,
  orderId,
  now,
  rules,
}: {
  db: Executor;
  orderId: number;
  now: Date;
  rules: LifecycleRules;
}): Promise<AdminOrderDetail | null> {
  const listed = await db.execute<Record<string, unknown>>(sql`${orderRowsSql} where o.id = ${orderId}`);
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || !listed.rows[0]) return null;
  const [couponRows, depositRows, paymentRows, timeline, sessionRows, otherUnpaid] = await Promise.all([
    db
      .select({ title: coupons.title, status: userCoupons.status })
      .from(userCoupons)
      .innerJoin(coupons, eq(coupons.id, userCoupons.couponId))
      .where(eq(userCoupons.orderId, orderId)),
    db.select().from(deposits).where(eq(deposits.id, order.depositId)),
    db
      .select({
        id: payments.id,
        purpose: payments.purpose,
        amount: payments.amount,
        status: payments.status,
        createdAt: payments.createdAt,
        succeededAt: payments.succeededAt,
      })
      .from(payments)
      .where(or(eq(payments.orderId, orderId), eq(payments.depositId, order.depositId)))
      .orderBy(asc(payments.id)),
    db
      .select({
        id: lifecycleEvents.id,
        fromStatus: lifecycleEvents.fromStatus,
        toStatus: lifecycleEvents.toStatus,
        event: lifecycleEvents.event,
        actorName: users.name,
        at: lifecycleEvents.at,
      })
      .from(lifecycleEvents)
      .leftJoin(users, eq(users.id, lifecycleEvents.actorId))
      .where(and(eq(lifecycleEvents.entity, 'order'), eq(lifecycleEvents.entityId, orderId)))
      .orderBy(desc(lifecycleEvents.at), desc(lifecycleEvents.id))
      .limit(50),
    db
      .select({ balance: deposits.balance, status: deposits.status })
      .from(deposits)
      // Settlement refunds session deposits only once their auction has ended.
      .innerJoin(auctions, and(eq(auctions.id, deposits.auctionId), eq(auctions.status, 'ended')))
      .where(
        and(
          eq(deposits.userId, order.userId),
          eq(deposits.auctionId, order.auctionId),
          eq(deposits.kind, 'session'),
          inArray(deposits.status, ['held', 'frozen']),
        ),
      ),
    db
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          eq(orders.userId, order.userId),
          eq(orders.auctionId, order.auctionId),
          ne(orders.id, orderId),
          inArray(orders.status, [...UNPAID_ORDER_STATUSES]),
        ),
      )
      .limit(1),
  ]);
  const refundRows = await db
    .select({
      id: refunds.id,
      amount: refunds.amount,
      reason: refunds.reason,
      status: refunds.status,
      createdAt: refunds.createdAt,
      succeededAt: refunds.succeededAt,
    })
    .from(refunds)
    .where(
      paymentRows.length > 0
        ? inArray(
            refunds.paymentId,
            paymentRows.map((payment) => payment.id),
          )
        : sql`false`,
    )
    .orderBy(asc(refunds.id));
  const deposit = depositRows[0] ?? null;
  const coupon = couponRows[0] ?? null;
  const lotDepositOpen = deposit?.kind === 'lot' && (deposit.status === 'held' || deposit.status === 'frozen');
  const session = sessionRows[0];
  return {
    ...adminOrderRowOf(listed.rows[0], now, rules),
    buyerId: order.userId,
    shippingAddress: order.shippingAddress,
    cancelReason: order.cancelReason,
    cancelledAt: order.cancelledAt,
    completedAt: order.completedAt,
    overdueAt: order.overdueAt,
    coupon,
    deposit: deposit && {
      id: deposit.id,
      kind: deposit.kind,
      status: deposit.status,
      amount: deposit.amount,
      balance: deposit.balance,
      refundedAmount: deposit.refundedAmount,
      forfeitedAmount: deposit.forfeitedAmount,
    },
    payments: paymentRows,
    refunds: refundRows,
    timeline,
    cancelEffects: {
      openCharges: paymentRows.filter((payment) => payment.purpose === 'order' && payment.status === 'pending').length,
      couponReleased: coupon?.status === 'locked',
      lotDepositRefund: lotDepositOpen ? deposit.balance : 0,
      sessionDepositRefund: session && otherUnpaid.length === 0 ? session.balance : 0,
      sessionDepositKept: Boolean(session) && otherUnpaid.length > 0,
    },
  };
}
