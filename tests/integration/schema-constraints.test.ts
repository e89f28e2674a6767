import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bids, deposits, orders, payments, refunds } from '@/db/schema';
import { isUniqueViolation } from '@/lib/errors';
import { orderValues, seedAuction, seedBuyer, seedHeldDeposit } from '../support/factories';
import { databaseForEachTest, neonRelayConnections, publicTables, testDrivers } from '../support/test-database';

/** Postgres check_violation, as drizzle reports it (on the error or its cause). */
function checkViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  return code === '23514';
}

describe.each(testDrivers())('schema on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('has every table of the domain after migrating', async () => {
    expect(await publicTables(current().db)).toEqual(
      expect.arrayContaining([
        'users',
        'login_attempts',
        'addresses',
        'auctions',
        'lots',
        'lot_images',
        'bids',
        'proxy_bids',
        'increment_ladders',
        'increment_ladder_steps',
        'deposits',
        'orders',
        'coupons',
        'user_coupons',
        'payments',
        'refunds',
        'notifications',
        'watchlist',
        'lifecycle_events',
        'admin_audit_log',
      ]),
    );
  });

  it('allows one order per lot', async () => {
    const buyer = await seedBuyer(current().db);
    const { auction, lots } = await seedAuction(current().db);
    const lot = lots[0]!;
    const { deposit } = await seedHeldDeposit(current().db, { userId: buyer.id, auctionId: auction.id });
    const values = { lotId: lot.id, auctionId: auction.id, userId: buyer.id, depositId: deposit.id };
    await current().db.insert(orders).values(orderValues(values));
    await expect(current().db.insert(orders).values(orderValues(values))).rejects.toSatisfy((error) =>
      isUniqueViolation(error, 'orders_one_per_lot'),
    );
  });

  it('lets exactly one of many concurrent writers create the order for a lot', async () => {
    const buyer = await seedBuyer(current().db);
    const { auction, lots } = await seedAuction(current().db);
    const { deposit } = await seedHeldDeposit(current().db, { userId: buyer.id, auctionId: auction.id });
    const values = { lotId: lots[0]!.id, auctionId: auction.id, userId: buyer.id, depositId: deposit.id };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => current().db.insert(orders).values(orderValues(values))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(isUniqueViolation(result.reason, 'orders_one_per_lot')).toBe(true);
    }
    expect(await current().db.$count(orders)).toBe(1);
    if (driver === 'neon') expect(neonRelayConnections()).toBeGreaterThan(1);
  });

  it('allows one session deposit per buyer and auction, and one lot deposit per buyer and lot', async () => {
    const buyer = await seedBuyer(current().db);
    const { auction, lots } = await seedAuction(current().db, { lots: 2 });
    await seedHeldDeposit(current().db, { userId: buyer.id, auctionId: auction.id });
    await expect(seedHeldDeposit(current().db, { userId: buyer.id, auctionId: auction.id })).rejects.toSatisfy(
      (error) => isUniqueViolation(error, 'deposits_one_session_per_user_auction'),
    );
    await seedHeldDeposit(current().db, {
      userId: buyer.id,
      auctionId: auction.id,
      lotId: lots[0]!.id,
      amount: 20_000,
    });
    await seedHeldDeposit(current().db, {
      userId: buyer.id,
      auctionId: auction.id,
      lotId: lots[1]!.id,
      amount: 20_000,
    });
    await expect(
      seedHeldDeposit(current().db, { userId: buyer.id, auctionId: auction.id, lotId: lots[0]!.id, amount: 20_000 }),
    ).rejects.toSatisfy((error) => isUniqueViolation(error, 'deposits_one_per_user_lot'));
  });

  it('refuses a deposit write that creates or loses money', async () => {
    const buyer = await seedBuyer(current().db);
    const { auction } = await seedAuction(current().db);
    const { deposit } = await seedHeldDeposit(current().db, {
      userId: buyer.id,
      auctionId: auction.id,
      amount: 100_000,
    });
    // Forfeiting without lowering the balance would count the money twice.
    await expect(
      current().db.update(deposits).set({ forfeitedAmount: 20_000 }).where(eq(deposits.id, deposit.id)),
    ).rejects.toSatisfy(checkViolation);
    await current()
      .db.update(deposits)
      .set({ forfeitedAmount: 20_000, balance: 80_000, status: 'frozen' })
      .where(eq(deposits.id, deposit.id));
    const [row] = await current().db.select().from(deposits).where(eq(deposits.id, deposit.id));
    expect(row!.amount).toBe(row!.balance + row!.refundedAmount + row!.forfeitedAmount);
  });

  it('never takes the same payment or refund idempotency key twice', async () => {
    const buyer = await seedBuyer(current().db);
    const { auction } = await seedAuction(current().db);
    const { deposit, payment } = await seedHeldDeposit(current().db, { userId: buyer.id, auctionId: auction.id });
    await expect(
      current().db.insert(payments).values({
        userId: buyer.id,
        purpose: 'deposit',
        depositId: deposit.id,
        amount: 1,
        provider: 'sandbox',
        idempotencyKey: payment.idempotencyKey,
      }),
    ).rejects.toSatisfy((error) => isUniqueViolation(error, 'payments_idempotency_key'));
    const refund = {
      paymentId: payment.id,
      depositId: deposit.id,
      amount: 100_000,
      reason: 'test',
      idempotencyKey: `refund:deposit:${deposit.id}`,
    };
    await current().db.insert(refunds).values(refund);
    await expect(current().db.insert(refunds).values(refund)).rejects.toSatisfy((error) =>
      isUniqueViolation(error, 'refunds_idempotency_key'),
    );
  });

  it('derives the amount due and never lets it go below zero', async () => {
    const buyer = await seedBuyer(current().db);
    const { auction, lots } = await seedAuction(current().db, { lots: 2 });
    const { deposit } = await seedHeldDeposit(current().db, { userId: buyer.id, auctionId: auction.id });
    const base = { auctionId: auction.id, userId: buyer.id, depositId: deposit.id };
    const [withPremium] = await current()
      .db.insert(orders)
      .values({
        ...orderValues({ ...base, lotId: lots[0]!.id, dealPrice: 50_000 }),
        buyerPremium: 5_000,
        couponDiscount: 2_000,
      })
      .returning();
    const [free] = await current()
      .db.insert(orders)
      .values({ ...orderValues({ ...base, lotId: lots[1]!.id, dealPrice: 1_000 }), couponDiscount: 5_000 })
      .returning();
    expect(withPremium!.amountDue).toBe(53_000);
    expect(free!.amountDue).toBe(0);
  });

  it('keeps two accepted bids on one lot from sharing an amount', async () => {
    const [a, b] = [await seedBuyer(current().db), await seedBuyer(current().db)];
    const { lots } = await seedAuction(current().db);
    const lotId = lots[0]!.id;
    await current().db.insert(bids).values({ lotId, userId: a.id, amount: 10_000, placedAt: new Date() });
    await expect(
      current().db.insert(bids).values({ lotId, userId: b.id, amount: 10_000, placedAt: new Date() }),
    ).rejects.toSatisfy((error) => isUniqueViolation(error, 'bids_lot_amount_key'));
  });

  it('rolls a failed transaction back whole', async () => {
    const buyer = await seedBuyer(current().db);
    const { auction, lots } = await seedAuction(current().db);
    await expect(
      current().db.transaction(async (tx) => {
        await tx.insert(bids).values({ lotId: lots[0]!.id, userId: buyer.id, amount: 10_000, placedAt: new Date() });
        await tx.insert(deposits).values({ userId: buyer.id, auctionId: auction.id, kind: 'session', amount: -1 });
      }),
    ).rejects.toSatisfy(checkViolation);
    expect(await current().db.$count(bids)).toBe(0);
  });
});
