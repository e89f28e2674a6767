import { eq, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminAuditLog, deposits, orders, outbox, refunds, users } from '@/db/schema';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { seedBuyer } from '../support/factories';
import { HOUR, MINUTE, at, payDeposit, payOrder, publishedAuction, tick, wonOrder } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real action modules run against this file's database; the session names a user id and
// currentUser reloads that user as the app does, so a blocked account reads as signed out.
const state = vi.hoisted(() => ({ userId: null as number | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth/current-user', async () => {
  const { eq: equals } = await import('drizzle-orm');
  const schema = await import('@/db/schema');
  return {
    currentUser: async () => {
      if (state.userId === null) return null;
      const [user] = await state.database!.db.select().from(schema.users).where(equals(schema.users.id, state.userId));
      return user && !user.blocked ? { id: user.id, name: user.name, role: user.role } : null;
    },
  };
});
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'admin-money-actions-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'admin-money-actions-cron-secret-0123456789');

const { shipOrderAction, cancelOrderAction } = await import('@/actions/admin-orders');
const { manualRefundAction, retryRefundAction } = await import('@/actions/admin-refunds');

const T0 = new Date('2026-11-22T02:00:00Z');

describe('admin money actions', () => {
  const current = databaseForEachTest('pglite');
  let admin: { id: number };
  let buyer: { id: number };
  let blockedAdmin: { id: number };

  beforeEach(async () => {
    state.database = current();
    const { db } = current();
    admin = await seedBuyer(db, { role: 'admin' });
    buyer = await seedBuyer(db);
    blockedAdmin = await seedBuyer(db, { role: 'admin', blocked: true });
    state.userId = admin.id;
  });

  const audited = async () => current().db.select().from(adminAuditLog);

  /** Each action, with input that would succeed, and what it must not have changed when refused. */
  async function scenario() {
    const { db } = current();
    const paid = await wonOrder(db, { now: T0 });
    await payOrder(db, { userId: paid.buyer.id, orderId: paid.order.id, now: at(paid.auction.endsAt, HOUR) });
    const unpaid = await wonOrder(db, { now: T0 });
    const live = await publishedAuction(db, T0);
    await tick(db, live.startsAt);
    const depositId = await payDeposit(db, { userId: buyer.id, auctionId: live.auctionId, now: live.startsAt });
    const other = await seedBuyer(db);
    const otherDeposit = await payDeposit(db, { userId: other.id, auctionId: live.auctionId, now: live.startsAt });
    const now = at(live.startsAt, MINUTE);
    const { refunded } = await import('@/lib/deposits/manual-refund').then(({ manualRefund }) =>
      manualRefund({ db, depositId: otherDeposit, reason: 'x', now, adminId: admin.id }),
    );
    expect(refunded).toBeGreaterThan(0);
    const [refund] = await db.select().from(refunds).where(eq(refunds.depositId, otherDeposit));
    await db.update(refunds).set({ status: 'failed' }).where(eq(refunds.id, refund!.id));
    await db.update(outbox).set({ status: 'failed' }).where(eq(outbox.refundId, refund!.id));
    await db.delete(adminAuditLog).where(sql`true`);
    setClock(fixedClock(now));
    return { paid: paid.order, unpaid: unpaid.order, depositId, refundId: refund!.id };
  }

  it('refuses every action to anonymous, buyer and blocked sessions, writing nothing', async () => {
    const { db } = current();
    const { paid, unpaid, depositId, refundId } = await scenario();
    const calls = {
      ship: () => shipOrderAction({ orderId: paid.id, carrier: '顺丰', trackingNo: 'SF1' }),
      cancel: () => cancelOrderAction({ orderId: unpaid.id, reason: '测试' }),
      refund: () => manualRefundAction({ depositId, reason: '测试' }),
      retry: () => retryRefundAction({ refundId }),
    };
    for (const [who, userId, code] of [
      ['anonymous', null, 'UNAUTHENTICATED'],
      ['buyer', buyer.id, 'FORBIDDEN'],
      ['blocked admin', blockedAdmin.id, 'UNAUTHENTICATED'],
    ] as const) {
      state.userId = userId;
      for (const [name, call] of Object.entries(calls)) {
        await expect(call(), `${name} as ${who}`).resolves.toMatchObject({ ok: false, code });
      }
    }
    expect(await audited()).toHaveLength(0);
    expect((await db.select().from(orders).where(eq(orders.id, paid.id)))[0]!.status).toBe('paid');
    expect((await db.select().from(orders).where(eq(orders.id, unpaid.id)))[0]!.status).toBe('pending_payment');
    expect((await db.select().from(deposits).where(eq(deposits.id, depositId)))[0]!.status).toBe('held');
    expect((await db.select().from(refunds).where(eq(refunds.id, refundId)))[0]!.status).toBe('failed');
  });

  it('runs each action for an admin, audited with the caller', async () => {
    const { db } = current();
    const { paid, unpaid, depositId, refundId } = await scenario();
    await expect(shipOrderAction({ orderId: paid.id, carrier: '顺丰', trackingNo: 'SF1' })).resolves.toEqual({
      ok: true,
      data: { status: 'shipped' },
    });
    await expect(cancelOrderAction({ orderId: unpaid.id, reason: '拍品损坏' })).resolves.toEqual({
      ok: true,
      data: { status: 'cancelled' },
    });
    await expect(manualRefundAction({ depositId, reason: '买家申请' })).resolves.toMatchObject({
      ok: true,
      data: { alreadyRefunded: false },
    });
    await expect(manualRefundAction({ depositId, reason: '买家申请' })).resolves.toMatchObject({
      ok: true,
      data: { refunded: 0, alreadyRefunded: true },
    });
    await expect(retryRefundAction({ refundId })).resolves.toEqual({ ok: true, data: { requeued: true } });
    const entries = await audited();
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'deposit.manualRefund',
      'order.cancel',
      'order.ship',
      'refund.retry',
    ]);
    expect(entries.every((entry) => entry.adminId === admin.id)).toBe(true);
    expect((await db.select().from(users).where(eq(users.id, unpaid.userId)))[0]!.strikes).toBe(0);
  });

  it('answers per-field messages for invalid input and writes nothing', async () => {
    const { paid, unpaid, depositId } = await scenario();
    const ship = await shipOrderAction({ orderId: paid.id, carrier: '', trackingNo: 'SF 1; drop' });
    expect(ship).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { carrier: ['请填写快递公司'], trackingNo: ['只能包含字母、数字和连字符'] },
    });
    expect(await cancelOrderAction({ orderId: unpaid.id, reason: '   ' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['请填写原因'] },
    });
    expect(await manualRefundAction({ depositId, reason: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['最多 200 个字符'] },
    });
    for (const raw of [undefined, 'x', [], { refundId: -1 }, { refundId: '1e99' }, { refundId: 'abc' }]) {
      expect(await retryRefundAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await audited()).toHaveLength(0);
  });

  it('refuses what the status forbids with a readable message', async () => {
    const { paid, unpaid } = await scenario();
    const ship = await shipOrderAction({ orderId: unpaid.id, carrier: '顺丰', trackingNo: 'SF1' });
    expect(ship).toMatchObject({ ok: false, code: 'WRONG_STATE' });
    expect(ship.ok ? '' : ship.error).toBe(messages.errors.WRONG_STATE);
    expect(await cancelOrderAction({ orderId: paid.id, reason: '测试' })).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    });
    expect(await cancelOrderAction({ orderId: 2_000_000, reason: '测试' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await audited()).toHaveLength(0);
  });
});
