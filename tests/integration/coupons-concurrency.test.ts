import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { coupons, userCoupons } from '@/db/schema';
import { claimCoupon } from '@/lib/coupons/claim-coupon';
import { createCoupon } from '@/lib/coupons/create-coupon';
import { grantCoupon } from '@/lib/coupons/grant-coupon';
import { seedBuyer } from '../support/factories';
import { at, DAY, HOUR, yuan } from '../support/lifecycle';
import { databaseForEachTest, concurrentTestDrivers } from '../support/test-database';

const T0 = new Date('2026-11-03T02:00:00Z');
const now = at(T0, HOUR);

const drivers = concurrentTestDrivers();

async function coupon(
  db: Database,
  adminId: number,
  { totalQuantity, perUserLimit }: { totalQuantity: number; perUserLimit: number },
) {
  const input = {
    title: '满100减20',
    threshold: yuan(100),
    discount: yuan(20),
    validFrom: T0,
    validUntil: at(T0, DAY),
    totalQuantity,
    perUserLimit,
    auctionId: null,
  };
  return createCoupon({ db, now: T0, adminId, input });
}

/** Runs every attempt at once and sorts the outcomes: 'ok' or the refusal's code:reason. */
async function outcomes(attempts: (() => Promise<unknown>)[]): Promise<Record<string, number>> {
  const settled = await Promise.allSettled(attempts.map((attempt) => attempt()));
  const counts: Record<string, number> = {};
  for (const result of settled) {
    const error =
      result.status === 'rejected'
        ? (result.reason as { code?: string; details?: { params?: { reason?: string } } })
        : null;
    const key = error ? `${error.code}:${error.details?.params?.reason}` : 'ok';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function issued(db: Database, couponId: number) {
  const [row] = await db.select().from(coupons).where(eq(coupons.id, couponId));
  const perUser = await db
    .select({ userId: userCoupons.userId, n: sql<number>`count(*)::int` })
    .from(userCoupons)
    .where(eq(userCoupons.couponId, couponId))
    .groupBy(userCoupons.userId);
  return {
    issuedCount: row!.issuedCount,
    rows: perUser.reduce((sum, u) => sum + u.n, 0),
    mostByOneUser: Math.max(0, ...perUser.map((u) => u.n)),
  };
}

describe.runIf(drivers.length > 0)('coupon races (needs DATABASE_URL)', () => {
  describe.each(drivers)('on %s', (driver) => {
    const current = databaseForEachTest(driver);

    it('20 buyers claiming the last 5 coupons at once get exactly 5', async () => {
      const db = current().db;
      for (let round = 0; round < 3; round++) {
        await current().reset();
        const admin = await seedBuyer(db, { role: 'admin' });
        const early = await Promise.all(Array.from({ length: 5 }, () => seedBuyer(db)));
        const buyers = await Promise.all(Array.from({ length: 20 }, () => seedBuyer(db)));
        const { id: couponId } = await coupon(db, admin.id, { totalQuantity: 10, perUserLimit: 1 });
        await grantCoupon({ db, now, adminId: admin.id, couponId, userIds: early.map((b) => b.id) });

        const counts = await outcomes(
          buyers.map((buyer) => () => claimCoupon({ db, now, userId: buyer.id, couponId })),
        );
        expect(counts).toEqual({ ok: 5, 'COUPON_EXHAUSTED:soldOut': 15 });
        expect(await issued(db, couponId)).toEqual({ issuedCount: 10, rows: 10, mostByOneUser: 1 });
        expect(await db.$count(userCoupons, eq(userCoupons.source, 'claim'))).toBe(5);
      }
    });

    it('one buyer firing 10 claims at once against a limit of 2 gets exactly 2', async () => {
      const db = current().db;
      const admin = await seedBuyer(db, { role: 'admin' });
      const buyer = await seedBuyer(db);
      const { id: couponId } = await coupon(db, admin.id, { totalQuantity: 100, perUserLimit: 2 });
      const counts = await outcomes(
        Array.from({ length: 10 }, () => () => claimCoupon({ db, now, userId: buyer.id, couponId })),
      );
      expect(counts).toEqual({ ok: 2, 'COUPON_EXHAUSTED:perUserLimit': 8 });
      expect(await issued(db, couponId)).toEqual({ issuedCount: 2, rows: 2, mostByOneUser: 2 });
    });

    it('grants racing claims keep both limits, and each grant is all or nothing', async () => {
      const db = current().db;
      for (let round = 0; round < 3; round++) {
        await current().reset();
        const admin = await seedBuyer(db, { role: 'admin' });
        const buyers = await Promise.all(Array.from({ length: 8 }, () => seedBuyer(db)));
        const ids = buyers.map((b) => b.id);
        const { id: couponId } = await coupon(db, admin.id, { totalQuantity: 5, perUserLimit: 1 });
        const grants = [ids.slice(0, 3), ids.slice(3, 6)];
        await outcomes([
          ...grants.map((userIds) => () => grantCoupon({ db, now, adminId: admin.id, couponId, userIds })),
          ...ids.map((userId) => () => claimCoupon({ db, now, userId, couponId })),
        ]);
        const state = await issued(db, couponId);
        expect(state.issuedCount).toBe(state.rows);
        expect(state.rows).toBeLessThanOrEqual(5);
        expect(state.mostByOneUser).toBe(1);
        for (const userIds of grants) {
          const got = await db.$count(
            userCoupons,
            sql`${userCoupons.source} = 'grant' and ${userCoupons.userId} in (${sql.join(userIds, sql`, `)})`,
          );
          expect([0, 3]).toContain(got);
        }
      }
    });
  });
});
