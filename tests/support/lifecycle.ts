import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auctions, lots, orders, payments } from '@/db/schema';
import { publishAuction } from '@/lib/auctions/publish-auction';
import { placeBid } from '@/lib/bidding/place-bid';
import { inAppNotifier } from '@/lib/outbox/in-app-notifier';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { runTick } from '@/lib/engine/tick';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { startOrderPayment } from '@/lib/payments/order-payment';
import { settleCharge } from '@/lib/payments/settle-charge';
import { sandboxProvider, signSandboxWebhook, SANDBOX_PROVIDER } from '@/lib/payments/sandbox';
import { receiveWebhook } from '@/lib/payments/webhook';
import { seedBuyer } from './factories';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const yuan = (amount: number) => amount * 100;
export const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);

export const SANDBOX_TEST_SECRET = 'test-sandbox-secret-0123456789';
export const sandbox = (db: Database) => sandboxProvider({ db, secret: SANDBOX_TEST_SECRET });

/** A tick wired like production: the sandbox takes refunds, notifications go in-app. */
export const tick = (db: Database, now: Date) =>
  runTick({ db, now, outbox: { providers: () => sandbox(db), notify: inAppNotifier(db) } });

export type LotPlan = { title?: string; startPrice?: number; reservePrice?: number | null; depositAmount?: number };

/**
 * A published auction: preview 1 h after `now`, live at 2 h, ends at 3 h. Returns its id,
 * its lot ids in order and the schedule. `settings` overrides any other auction column.
 */
export async function publishedAuction(
  db: Database,
  now: Date,
  {
    lots: plans = [{}],
    depositAmount = yuan(1_000),
    antiSnipingMinutes = 5,
    settings = {},
  }: {
    lots?: LotPlan[];
    depositAmount?: number;
    antiSnipingMinutes?: number;
    settings?: Partial<typeof auctions.$inferInsert>;
  } = {},
) {
  const schedule = {
    previewStartsAt: at(now, HOUR),
    previewEndsAt: at(now, 2 * HOUR),
    startsAt: at(now, 2 * HOUR),
    endsAt: at(now, 3 * HOUR),
  };
  const [auction] = await db
    .insert(auctions)
    .values({ title: '测试专场', depositAmount, antiSnipingMinutes, ...schedule, ...settings })
    .returning();
  const lotRows = await db
    .insert(lots)
    .values(
      plans.map((plan, position) => ({
        auctionId: auction!.id,
        position,
        title: plan.title ?? `拍品 ${position + 1}`,
        startPrice: plan.startPrice ?? yuan(100),
        reservePrice: plan.reservePrice ?? null,
        depositAmount: plan.depositAmount ?? yuan(200),
      })),
    )
    .returning({ id: lots.id });
  await publishAuction({ db, auctionId: auction!.id, now });
  return { auctionId: auction!.id, lotIds: lotRows.map((lot) => lot.id), ...schedule };
}

/**
 * A buyer who won the first lot (¥100) of an auction published at `now`, with their ¥1,000
 * session deposit, and the order the tick made at the auction's end (due a day later).
 * `beforeOpening` runs once the auction is published, before it goes live (to move a lot's end).
 */
export async function wonOrder(
  db: Database,
  {
    now,
    lots: plans,
    beforeOpening,
  }: {
    now: Date;
    lots?: LotPlan[];
    beforeOpening?: (auction: Awaited<ReturnType<typeof publishedAuction>>) => Promise<unknown>;
  },
) {
  const buyer = await seedBuyer(db);
  const auction = await publishedAuction(db, now, { lots: plans });
  await beforeOpening?.(auction);
  await tick(db, auction.startsAt);
  await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
  await placeBid({
    db,
    userId: buyer.id,
    lotId: auction.lotIds[0]!,
    amount: yuan(100),
    now: at(auction.startsAt, MINUTE),
  });
  await tick(db, auction.endsAt);
  const [order] = await db.select().from(orders).where(eq(orders.userId, buyer.id));
  return { buyer, auction, order: order!, dueAt: order!.dueAt };
}

/** Pays a deposit end to end through the sandbox: charge created, webhook applied. */
export async function payDeposit(
  db: Database,
  { userId, auctionId, lotId = null, now }: { userId: number; auctionId: number; lotId?: number | null; now: Date },
) {
  const started = await startDepositPayment({ db, provider: sandbox(db), userId, auctionId, lotId, now });
  await confirmCharge(db, started.paymentId, now);
  return started.depositId;
}

export async function payOrder(
  db: Database,
  {
    userId,
    orderId,
    now,
    userCouponId = null,
  }: { userId: number; orderId: number; now: Date; userCouponId?: number | null },
) {
  const started = await startOrderPayment({
    db,
    provider: sandbox(db),
    userId,
    orderId,
    userCouponId,
    now,
    address: testAddress,
  });
  if (started.paid) return 'applied' as const;
  return confirmCharge(db, started.paymentId, now);
}

/** The provider's word on a charge, as its webhook brings it: paid at `paidAt` (default `now`), heard of at `now`. */
export async function confirmCharge(db: Database, paymentId: number, now: Date, succeeded = true, paidAt = now) {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  const reference = payment!.providerRef!;
  const event = succeeded
    ? { type: 'charge.succeeded' as const, reference, paidAt }
    : { type: 'charge.failed' as const, reference };
  return settleCharge({ db, provider: SANDBOX_PROVIDER, event, now, rules: DEFAULT_RULES });
}

/** The provider's signed notice for a charge, delivered through the webhook verb as the route does. */
export async function deliverWebhook(db: Database, paymentId: number, now: Date, succeeded = true) {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  const reference = payment!.providerRef;
  const rawBody = JSON.stringify(
    succeeded
      ? { type: 'charge.succeeded', reference, paidAt: now.toISOString() }
      : { type: 'charge.failed', reference },
  );
  return receiveWebhook({
    db,
    provider: sandbox(db),
    rawBody,
    signature: signSandboxWebhook(SANDBOX_TEST_SECRET, rawBody),
    now,
    rules: DEFAULT_RULES,
  });
}

export const testAddress = {
  recipient: '白浩伟',
  phone: '13800000001',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '龙井路 1 号',
};
