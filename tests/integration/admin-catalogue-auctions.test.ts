import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminAuditLog, auctions, deposits, lots, users } from '@/db/schema';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { toZonedInput } from '@/lib/time/zoned-input';
import { newAuctionFormValues } from '@/lib/auctions/auction-form-defaults';
import { seedBuyer } from '../support/factories';
import { DAY, HOUR, MINUTE, at, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real actions run against this file's database; the session names a user whose row
// decides (as in production) whether they are an admin, a buyer or blocked.
const state = vi.hoisted(() => ({ userId: null as number | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth', () => ({ auth: async () => (state.userId ? { user: { id: String(state.userId) } } : null) }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'admin-catalogue-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'admin-catalogue-cron-secret-0123456789');
vi.stubEnv('APP_TIME_ZONE', 'Asia/Shanghai');

const actions = await import('@/actions/admin-auctions');
const TZ = 'Asia/Shanghai';
const now = new Date('2026-11-25T04:00:00Z');

describe('admin auction actions', () => {
  const current = databaseForEachTest('pglite');
  let admin: number;
  let otherAdmin: number;

  beforeEach(async () => {
    state.database = current();
    const { db } = current();
    admin = (await seedBuyer(db, { role: 'admin' })).id;
    otherAdmin = (await seedBuyer(db, { role: 'admin' })).id;
    state.userId = admin;
    setClock(fixedClock(now));
  });

  const db = () => current().db;
  const form = () => ({ ...newAuctionFormValues(now, TZ), title: '春茶专场' });
  const auditActions = async () => (await db().select().from(adminAuditLog)).map((row) => row.action);
  const stored = async (auctionId: number) =>
    (await db().select().from(auctions).where(eq(auctions.id, auctionId)))[0]!;

  async function created() {
    const result = await actions.createAuctionAction(form());
    if (!result.ok) throw new Error(result.error);
    return result.data.auctionId;
  }

  async function editForm(auctionId: number) {
    const row = await stored(auctionId);
    const { auctionFormValues } = await import('@/lib/auctions/auction-form-defaults');
    const { ladderSteps } = await import('@/lib/auctions/auction-ladder');
    return {
      ...auctionFormValues(row, await ladderSteps(db(), row.incrementLadderId), TZ),
      auctionId,
      version: row.version,
    };
  }

  describe('authorisation: every action refuses anonymous, buyer and blocked sessions', () => {
    const calls = {
      create: () => actions.createAuctionAction(form()),
      update: () => actions.updateAuctionAction({ ...form(), auctionId: 1, version: 1 }),
      extend: () => actions.extendAuctionEndAction({ auctionId: 1, version: 1, endsAt: '2026-12-01T10:00' }),
      publish: () => actions.publishAuctionAction({ auctionId: 1 }),
      cancel: () => actions.cancelAuctionAction({ auctionId: 1 }),
      relist: () =>
        actions.relistAuctionAction({
          sourceAuctionId: 1,
          auction: form(),
          lots: [
            { lotId: 1, startPrice: '1', reservePrice: '', depositAmount: '1', estimateLow: '', estimateHigh: '' },
          ],
        }),
    };
    for (const [name, call] of Object.entries(calls)) {
      it(`${name}: anonymous → UNAUTHENTICATED, buyer → FORBIDDEN, blocked admin → UNAUTHENTICATED; nothing written`, async () => {
        const buyer = await seedBuyer(db());
        const blocked = await seedBuyer(db(), { role: 'admin', blocked: true });
        const codes = [];
        for (const userId of [null, buyer.id, blocked.id]) {
          state.userId = userId;
          const result = await call();
          codes.push(result.ok ? 'ok' : result.code);
        }
        expect(codes).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'UNAUTHENTICATED']);
        expect(await db().select().from(auctions)).toHaveLength(0);
        expect(await auditActions()).toEqual([]);
      });
    }
  });

  it('creates a draft with its own ladder, defaults and an audit entry', async () => {
    const auctionId = await created();
    const row = await stored(auctionId);
    expect(row).toMatchObject({
      status: 'draft',
      title: '春茶专场',
      depositAmount: yuan(1_000),
      version: 1,
      createdById: admin,
    });
    expect(row.incrementLadderId).not.toBeNull();
    expect(await auditActions()).toEqual(['auction.create']);
  });

  it('refuses a schedule out of order, per field, and writes nothing', async () => {
    const result = await actions.createAuctionAction({
      ...form(),
      title: '',
      endsAt: form().startsAt,
      depositAmount: '-1',
      ladder: [{ minPrice: '5', increment: '0' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('VALIDATION');
    expect(Object.keys(result.fieldErrors)).toEqual(
      expect.arrayContaining(['title', 'depositAmount', 'ladder.0.increment']),
    );
    const times = await actions.createAuctionAction({ ...form(), endsAt: form().startsAt });
    expect(!times.ok && times.fieldErrors.endsAt).toBeTruthy();
    expect(await db().select().from(auctions)).toHaveLength(0);
  });

  it('updates a draft, bumps its version, and refuses the second of two operators as STALE_WRITE', async () => {
    const auctionId = await created();
    const loaded = await editForm(auctionId);
    const first = await actions.updateAuctionAction({ ...loaded, title: '第一位的标题', depositAmount: '2000' });
    expect(first).toMatchObject({ ok: true, data: { version: 2 } });
    state.userId = otherAdmin;
    const second = await actions.updateAuctionAction({ ...loaded, title: '第二位的标题' });
    expect(second).toMatchObject({ ok: false, code: 'STALE_WRITE' });
    expect(await stored(auctionId)).toMatchObject({ title: '第一位的标题', depositAmount: yuan(2_000), version: 2 });
    expect(await auditActions()).toEqual(['auction.create', 'auction.update']);
  });

  it('gives an auction its own ladder when its bands change', async () => {
    const auctionId = await created();
    const before = (await stored(auctionId)).incrementLadderId;
    const result = await actions.updateAuctionAction({
      ...(await editForm(auctionId)),
      ladder: [
        { minPrice: '0', increment: '5' },
        { minPrice: '500', increment: '20' },
      ],
    });
    expect(result.ok).toBe(true);
    const after = await stored(auctionId);
    expect(after.incrementLadderId).not.toBe(before);
  });

  it("moves a scheduled auction's lot slots when its end or interval changes, like publishing does", async () => {
    const { auctionId, lotIds, endsAt } = await publishedAuction(db(), now, { lots: [{}, {}] });
    const result = await actions.updateAuctionAction({
      ...(await editForm(auctionId)),
      endsAt: toZonedInput(at(endsAt, HOUR), TZ),
      closingIntervalSeconds: '60',
    });
    expect(result.ok).toBe(true);
    const rows = await db().select().from(lots).where(eq(lots.auctionId, auctionId)).orderBy(lots.position);
    expect(rows.map((lot) => lot.id)).toEqual(lotIds);
    expect(rows.map((lot) => lot.scheduledEndsAt?.getTime())).toEqual([
      at(endsAt, HOUR).getTime(),
      at(endsAt, HOUR + MINUTE).getTime(),
    ]);
    expect(rows.map((lot) => lot.endsAt?.getTime())).toEqual(rows.map((lot) => lot.scheduledEndsAt?.getTime()));
  });

  it("keeps a scheduled auction's preview in the future", async () => {
    const { auctionId } = await publishedAuction(db(), now);
    const result = await actions.updateAuctionAction({
      ...(await editForm(auctionId)),
      previewStartsAt: toZonedInput(at(now, -HOUR), TZ),
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { previewStartsAt: [expect.any(String)] },
    });
  });

  it('in preview takes text and media but refuses contract fields as FIELD_LOCKED, naming them', async () => {
    const { auctionId, previewStartsAt } = await publishedAuction(db(), now);
    setClock(fixedClock(at(previewStartsAt, MINUTE)));
    const loaded = await editForm(auctionId);
    const text = await actions.updateAuctionAction({ ...loaded, title: '预展中改标题', description: '新介绍' });
    expect(text.ok).toBe(true);
    const locked = await actions.updateAuctionAction({
      ...loaded,
      version: 2,
      depositAmount: '5000',
      buyerPremiumPercent: '10',
    });
    expect(locked).toMatchObject({ ok: false, code: 'FIELD_LOCKED' });
    if (!locked.ok) expect(Object.keys(locked.fieldErrors).sort()).toEqual(['buyerPremiumPercent', 'depositAmount']);
    expect(await stored(auctionId)).toMatchObject({ title: '预展中改标题', depositAmount: yuan(1_000), version: 2 });
  });

  it('once live refuses every field, even the title', async () => {
    const { auctionId, startsAt } = await publishedAuction(db(), now);
    setClock(fixedClock(at(startsAt, MINUTE)));
    const result = await actions.updateAuctionAction({ ...(await editForm(auctionId)), title: '直播中改标题' });
    expect(result).toMatchObject({ ok: false, code: 'FIELD_LOCKED', fieldErrors: { title: [expect.any(String)] } });
  });

  it('extends a live end: every open lot and the tick deadlines move by the same amount', async () => {
    const { auctionId, lotIds, startsAt, endsAt } = await publishedAuction(db(), now, {
      lots: [{}, {}],
      settings: { closingIntervalSeconds: 30 },
    });
    await tick(db(), startsAt);
    setClock(fixedClock(at(startsAt, MINUTE)));
    const later = at(endsAt, HOUR);
    const result = await actions.extendAuctionEndAction({
      auctionId,
      version: (await stored(auctionId)).version,
      endsAt: toZonedInput(later, TZ),
    });
    expect(result).toMatchObject({ ok: true, data: { lotsMoved: 2 } });
    const rows = await db().select().from(lots).where(eq(lots.auctionId, auctionId)).orderBy(lots.position);
    expect(rows.map((lot) => lot.id)).toEqual(lotIds);
    expect(rows.map((lot) => lot.endsAt?.getTime())).toEqual([later.getTime(), later.getTime() + 30_000]);
    expect(rows.map((lot) => lot.nextTransitionAt?.getTime())).toEqual([later.getTime(), later.getTime() + 30_000]);
    const auction = await stored(auctionId);
    expect(auction.endsAt).toEqual(later);
    expect(auction.nextTransitionAt?.getTime()).toBe(later.getTime() + 30_000);
    // The tick at the old end closes nothing; at the new ends it closes both.
    await tick(db(), at(endsAt, MINUTE));
    expect(
      (await db().select({ status: lots.status }).from(lots).where(eq(lots.auctionId, auctionId))).map((l) => l.status),
    ).toEqual(['live', 'live']);
    expect(await auditActions()).toContain('auction.extendEnd');
  });

  it('refuses an earlier end, a stale version, and an auction that is not live', async () => {
    const { auctionId, startsAt, endsAt } = await publishedAuction(db(), now);
    const draftLike = await actions.extendAuctionEndAction({
      auctionId,
      version: 1,
      endsAt: toZonedInput(at(endsAt, HOUR), TZ),
    });
    expect(draftLike).toMatchObject({ ok: false, code: 'WRONG_STATE' });
    setClock(fixedClock(at(startsAt, MINUTE)));
    const earlier = await actions.extendAuctionEndAction({
      auctionId,
      version: 1,
      endsAt: toZonedInput(at(endsAt, -MINUTE), TZ),
    });
    expect(earlier).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { endsAt: [expect.any(String)] } });
    const stale = await actions.extendAuctionEndAction({
      auctionId,
      version: 7,
      endsAt: toZonedInput(at(endsAt, HOUR), TZ),
    });
    expect(stale).toMatchObject({ ok: false, code: 'STALE_WRITE' });
    expect((await stored(auctionId)).endsAt).toEqual(endsAt);
  });

  it('publishes a draft with a lot (audited) and refuses one without lots or with a past preview', async () => {
    const empty = await created();
    expect(await actions.publishAuctionAction({ auctionId: empty })).toMatchObject({ ok: false, code: 'WRONG_STATE' });
    await db()
      .insert(lots)
      .values({ auctionId: empty, title: '拍品', startPrice: yuan(100) });
    expect(await actions.publishAuctionAction({ auctionId: empty })).toMatchObject({
      ok: true,
      data: { status: 'scheduled' },
    });
    const late = await created();
    await db()
      .insert(lots)
      .values({ auctionId: late, title: '拍品', startPrice: yuan(100) });
    setClock(fixedClock(at(now, 2 * DAY)));
    expect(await actions.publishAuctionAction({ auctionId: late })).toMatchObject({ ok: false, code: 'WRONG_STATE' });
    expect(await actions.publishAuctionAction({ auctionId: 99_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await auditActions()).filter((action) => action === 'auction.publish')).toHaveLength(1);
  });

  it('cancels in preview, refunding every held deposit (audited), and refuses a live auction', async () => {
    const { auctionId, previewStartsAt } = await publishedAuction(db(), now);
    const buyer = await seedBuyer(db());
    await payDeposit(db(), { userId: buyer.id, auctionId, now: at(previewStartsAt, MINUTE) });
    setClock(fixedClock(at(previewStartsAt, 2 * MINUTE)));
    const { refundableDeposits } = await import('@/lib/admin/refundable-deposits');
    expect(await refundableDeposits({ db: db(), auctionId })).toEqual({ count: 1, amount: yuan(1_000) });
    expect(await actions.cancelAuctionAction({ auctionId })).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect((await db().select().from(deposits))[0]).toMatchObject({ status: 'refunded', refundedAmount: yuan(1_000) });
    expect(await refundableDeposits({ db: db(), auctionId })).toEqual({ count: 0, amount: 0 });
    expect(await actions.cancelAuctionAction({ auctionId })).toMatchObject({ ok: false, code: 'WRONG_STATE' });
    const live = await publishedAuction(db(), now);
    setClock(fixedClock(at(live.startsAt, MINUTE)));
    expect(await actions.cancelAuctionAction({ auctionId: live.auctionId })).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    });
    expect((await auditActions()).filter((action) => action === 'auction.cancel')).toHaveLength(1);
  });

  it('refuses hostile input with 4xx codes and no write', async () => {
    for (const raw of [
      null,
      42,
      'x',
      [],
      { auctionId: -1 },
      { auctionId: '1' },
      { ...form(), title: 'a'.repeat(500) },
    ]) {
      const result = await actions.createAuctionAction(raw as never);
      expect(result.ok ? 'ok' : result.code).toBe('VALIDATION');
      const publish = await actions.publishAuctionAction(raw as never);
      expect(publish.ok ? 'ok' : publish.code).toBe('VALIDATION');
    }
    expect(await db().select().from(auctions)).toHaveLength(0);
    expect(await db().select().from(users)).toHaveLength(2);
  });
});
