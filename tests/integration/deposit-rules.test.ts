import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deposits, payments, users } from '@/db/schema';
import { auctionFormSchema } from '@/lib/auctions/auction-form-schema';
import { newAuctionFormValues } from '@/lib/auctions/auction-form-defaults';
import { lotPriceFields } from '@/lib/lots/lot-form-schema';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { seedBuyer } from '../support/factories';
import { DAY, publishedAuction, sandbox, tick } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-10T02:00:00Z');

describe.each(testDrivers())('deposit rules on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('takes no deposit from a buyer blocked from bidding: nothing charged, nothing written', async () => {
    const db = current().db;
    const auction = await publishedAuction(db, T0);
    await tick(db, auction.startsAt);
    const buyer = await seedBuyer(db);
    await db.update(users).set({ biddingBlockedAt: T0 }).where(eq(users.id, buyer.id));
    await expect(
      startDepositPayment({
        db,
        provider: sandbox(db),
        userId: buyer.id,
        auctionId: auction.auctionId,
        lotId: null,
        now: auction.startsAt,
      }),
    ).rejects.toMatchObject({ code: 'BIDDING_BLOCKED' });
    expect(await db.$count(deposits)).toBe(0);
    expect(await db.$count(payments)).toBe(0);
  });
});

describe('deposit amounts in the admin forms', () => {
  it('refuses a ¥0 session deposit and a ¥0 lot deposit: a deposit nobody can pay would make a lot unbiddable', () => {
    const values = { ...newAuctionFormValues(new Date(T0.getTime() + 2 * DAY), 'Asia/Shanghai'), title: '测试专场' };
    const schema = auctionFormSchema('Asia/Shanghai');
    expect(schema.safeParse({ ...values, depositAmount: '0' }).success).toBe(false);
    expect(schema.safeParse({ ...values, depositAmount: '1000' }).success).toBe(true);
    expect(lotPriceFields.depositAmount.safeParse('0').success).toBe(false);
    expect(lotPriceFields.depositAmount.safeParse('200').success).toBe(true);
  });
});
