import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { adminAuditLog, orders, users } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { pageRequest } from '@/lib/pagination';
import { changeRole } from '@/lib/users/change-role';
import { liftStrikes } from '@/lib/users/lift-strikes';
import { listUsers } from '@/lib/users/list-users';
import { setBiddingBlock } from '@/lib/users/set-bidding-block';
import { seedBuyer } from '../support/factories';
import { at, DAY, MINUTE, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-03T02:00:00Z');
const now = at(T0, MINUTE);

const user = async (db: Database, id: number) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
const audits = (db: Database, action: string) =>
  db.select().from(adminAuditLog).where(eq(adminAuditLog.action, action));

describe.each(testDrivers())('admin user verbs on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('lists users newest first, searching name, phone and email literally, filtering by role', async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin', name: '运营甲', email: 'ops@gavel.test' });
    const tea = await seedBuyer(db, { name: '茶友_100%', phone: '13912345678' });
    const other = await seedBuyer(db, { name: '普通买家' });
    const names = async (search: string, role: 'admin' | 'buyer' | null = null) =>
      (await listUsers({ db, page: pageRequest(1, 10), search, role })).items.map((row) => row.id);
    expect(await names('')).toEqual([other.id, tea.id, admin.id]);
    expect(await names('_100%')).toEqual([tea.id]);
    expect(await names('%')).toEqual([tea.id]);
    expect(await names('1234567')).toEqual([tea.id]);
    expect(await names('OPS@')).toEqual([admin.id]);
    expect(await names('', 'buyer')).toEqual([other.id, tea.id]);
    expect(await names('茶', 'admin')).toEqual([]);
    const page = await listUsers({ db, page: pageRequest(2, 2) });
    expect([page.page, page.pages, page.total, page.items.length]).toEqual([2, 2, 3, 1]);
  });

  it('changes a role, audited; never the actor’s own, and the last admin stays', async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin' });
    const buyer = await seedBuyer(db);
    const change = (adminId: number, userId: number, role: 'admin' | 'buyer') =>
      changeRole({ db, now, adminId, ip: null, userId, role });
    await expect(change(admin.id, admin.id, 'buyer')).rejects.toMatchObject({
      code: 'WRONG_STATE',
      details: { fieldErrors: { role: ['adminUsers.notYourself'] } },
    });
    expect(await change(admin.id, buyer.id, 'admin')).toEqual({ changed: true });
    expect(await change(admin.id, buyer.id, 'admin')).toEqual({ changed: false });
    expect((await user(db, buyer.id)).role).toBe('admin');
    const [audit] = await audits(db, 'user.role');
    expect(audit).toMatchObject({
      adminId: admin.id,
      entityId: buyer.id,
      data: { before: { role: 'buyer' }, after: { role: 'admin' } },
    });
    // The newer admin demotes the first; the first, no longer an admin, cannot demote back.
    await change(buyer.id, admin.id, 'buyer');
    await expect(change(admin.id, buyer.id, 'buyer')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await user(db, buyer.id)).role).toBe('admin');
    await expect(change(buyer.id, 987_654, 'admin')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('two admins demoting each other at once leave one admin', async () => {
    const db = current().db;
    const [a, b] = await Promise.all([seedBuyer(db, { role: 'admin' }), seedBuyer(db, { role: 'admin' })]);
    await Promise.allSettled([
      changeRole({ db, now, adminId: a.id, ip: null, userId: b.id, role: 'buyer' }),
      changeRole({ db, now, adminId: b.id, ip: null, userId: a.id, role: 'buyer' }),
    ]);
    expect(await db.$count(users, eq(users.role, 'admin'))).toBe(1);
  });

  it('blocks and unblocks bidding, once per click, audited; the bid path refuses the blocked buyer', async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin' });
    const buyer = await seedBuyer(db);
    const auction = await publishedAuction(db, T0);
    await tick(db, auction.startsAt);
    await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
    const block = (blocked: boolean) =>
      setBiddingBlock({ db, now: auction.startsAt, adminId: admin.id, ip: '10.1.1.1', userId: buyer.id, blocked });
    expect(await block(true)).toEqual({ changed: true });
    expect(await block(true)).toEqual({ changed: false });
    expect((await user(db, buyer.id)).biddingBlockedAt).toEqual(auction.startsAt);
    const bid = () =>
      placeBid({
        db,
        userId: buyer.id,
        lotId: auction.lotIds[0]!,
        amount: yuan(100),
        now: at(auction.startsAt, MINUTE),
      });
    await expect(bid()).rejects.toMatchObject({ code: 'BIDDING_BLOCKED' });
    expect(await block(false)).toEqual({ changed: true });
    await bid();
    expect((await audits(db, 'user.blockBidding'))[0]).toMatchObject({
      ip: '10.1.1.1',
      data: { before: { biddingBlockedAt: null }, after: { biddingBlockedAt: auction.startsAt.toISOString() } },
    });
    expect(await db.$count(adminAuditLog, eq(adminAuditLog.action, 'user.unblockBidding'))).toBe(1);
    await expect(
      setBiddingBlock({ db, now, adminId: admin.id, ip: null, userId: admin.id, blocked: true }),
    ).rejects.toMatchObject({ code: 'WRONG_STATE' });
    await expect(
      setBiddingBlock({ db, now, adminId: admin.id, ip: null, userId: 987_654, blocked: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it(`blocks a buyer automatically at ${DEFAULT_RULES.strikeLimit} overdue orders; the operator sees the count and lifts it`, async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin' });
    const buyer = await seedBuyer(db);
    const limit = DEFAULT_RULES.strikeLimit;
    const won = [];
    for (let n = 0; n < limit; n++) won.push(await publishedAuction(db, T0));
    await tick(db, won[0]!.startsAt);
    for (const auction of won) {
      await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
      await placeBid({
        db,
        userId: buyer.id,
        lotId: auction.lotIds[0]!,
        amount: yuan(100),
        now: at(auction.startsAt, MINUTE),
      });
    }
    await tick(db, won[0]!.endsAt);
    expect(await db.$count(orders, eq(orders.userId, buyer.id))).toBe(limit);
    // Below the limit nothing is blocked; all of them overdue at once reach it.
    expect((await user(db, buyer.id)).biddingBlockedAt).toBeNull();
    const late = at(won[0]!.endsAt, DAY + DEFAULT_RULES.paymentGraceMs + MINUTE);
    await tick(db, late);
    const struck = await user(db, buyer.id);
    expect(struck.strikes).toBe(limit);
    expect(struck.biddingBlockedAt).not.toBeNull();
    const [listed] = (await listUsers({ db, page: pageRequest(1, 10), role: 'buyer' })).items;
    expect(listed).toMatchObject({ id: buyer.id, strikes: limit });
    expect(listed!.biddingBlockedAt).not.toBeNull();

    expect(await liftStrikes({ db, now: late, adminId: admin.id, ip: null, userId: buyer.id })).toEqual({
      changed: true,
    });
    expect(await liftStrikes({ db, now: late, adminId: admin.id, ip: null, userId: buyer.id })).toEqual({
      changed: false,
    });
    expect(await user(db, buyer.id)).toMatchObject({ strikes: 0, biddingBlockedAt: null });
    const [audit] = await audits(db, 'user.liftStrikes');
    expect(audit).toMatchObject({
      entityId: buyer.id,
      data: { before: { strikes: limit }, after: { strikes: 0, biddingBlockedAt: null } },
    });
    await expect(liftStrikes({ db, now, adminId: admin.id, ip: null, userId: 987_654 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
