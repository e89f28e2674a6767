import { and, eq, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { notifications, outbox, refunds } from '@/db/schema';
import { placeBid, setProxyBid } from '@/lib/bidding/place-bid';
import { enMessages, zhCNMessages } from '@/lib/i18n/messages';
import { notificationView } from '@/lib/notifications/notification-view';
import { processOutbox } from '@/lib/outbox/drain';
import { inAppNotifier } from '@/lib/outbox/in-app-notifier';
import { runTick } from '@/lib/engine/tick';
import type { PaymentProvider } from '@/lib/payments/provider';
import { seedBuyer } from '../support/factories';
import { at, DAY, MINUTE, payDeposit, publishedAuction, sandbox, tick, wonOrder, yuan } from '../support/lifecycle';
import { databaseForEachTest } from '../support/test-database';

const T0 = new Date('2026-11-20T02:00:00Z');

/** Sends what the outbox holds (refunds through `provider`, notifications in-app), as the tick does. */
const drain = (db: Database, now: Date, provider: PaymentProvider = sandbox(db)) =>
  processOutbox({ db, now, providers: () => provider, notify: inAppNotifier(db) });

const noticesOf = (db: Database, userId: number, kind: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

describe('outbid notifications', () => {
  const current = databaseForEachTest('pglite');
  let db: Database;
  let lotId: number;
  let live: Date;
  let [a, b, c] = [0, 0, 0];
  let minute = 0;
  const next = () => at(live, ++minute * MINUTE);

  beforeEach(async () => {
    db = current().db;
    minute = 0;
    const auction = await publishedAuction(db, T0, { lots: [{ title: '宋代建盏', startPrice: yuan(100) }] });
    lotId = auction.lotIds[0]!;
    live = auction.startsAt;
    await tick(db, live);
    [a, b, c] = await Promise.all([seedBuyer(db), seedBuyer(db), seedBuyer(db)]).then((users) =>
      users.map((user) => user.id),
    );
    for (const userId of [a, b, c]) await payDeposit(db, { userId, auctionId: auction.auctionId, now: live });
  });

  it('tells the previous leader once, with the lot and the new price, and never the bidder', async () => {
    await placeBid({ db, userId: a, lotId, amount: yuan(100), now: next() });
    const outcome = await placeBid({ db, userId: b, lotId, amount: yuan(150), now: next() });
    await drain(db, next());
    const [notice, ...more] = await noticesOf(db, a, 'outbid');
    expect(more).toEqual([]);
    expect(notice!.data).toEqual({
      lotId,
      auctionId: expect.any(Number),
      lotTitle: '宋代建盏',
      price: outcome.currentPrice,
    });
    expect(await noticesOf(db, b, 'outbid')).toEqual([]);
    // A bid on an empty lot takes the lead from nobody.
    expect(await db.$count(notifications, eq(notifications.kind, 'outbid'))).toBe(1);
  });

  it('tells a maximum holder whose proxy was beaten once, however many of its bids the request placed', async () => {
    await setProxyBid({ db, userId: a, lotId, maxAmount: yuan(500), now: next() });
    // B's bid is answered by A's maximum: A keeps the lead, nobody is told anything.
    await placeBid({ db, userId: b, lotId, amount: yuan(200), now: next() });
    await drain(db, next());
    expect(await db.$count(notifications, eq(notifications.kind, 'outbid'))).toBe(0);
    // B's own higher maximum: A's proxy answers within the request, then loses the lead.
    const outcome = await setProxyBid({ db, userId: b, lotId, maxAmount: yuan(600), now: next() });
    expect(outcome.leaderId).toBe(b);
    expect(outcome.placed.filter((bid) => bid.userId === a).length).toBeGreaterThan(0);
    await drain(db, next());
    expect(await noticesOf(db, a, 'outbid')).toHaveLength(1);
    expect(await noticesOf(db, b, 'outbid')).toEqual([]);
  });

  it('counts a proxy answer that takes the lead, and tells each one who lost it in a single request', async () => {
    await placeBid({ db, userId: a, lotId, amount: yuan(100), now: next() });
    // B's new maximum bids for B at once and takes the lead from A.
    await setProxyBid({ db, userId: b, lotId, maxAmount: yuan(300), now: next() });
    await drain(db, next());
    expect(await noticesOf(db, a, 'outbid')).toHaveLength(1);
    expect(await noticesOf(db, b, 'outbid')).toEqual([]);
    // C bids over B's maximum: B is told (once), A is not told again, C never.
    await placeBid({ db, userId: c, lotId, amount: yuan(400), now: next() });
    await drain(db, next());
    expect(await noticesOf(db, a, 'outbid')).toHaveLength(1);
    expect(await noticesOf(db, b, 'outbid')).toHaveLength(1);
    expect(await noticesOf(db, c, 'outbid')).toEqual([]);
  });

  it('queues nothing for a refused bid', async () => {
    await placeBid({ db, userId: a, lotId, amount: yuan(100), now: next() });
    await expect(placeBid({ db, userId: b, lotId, amount: yuan(101), now: next() })).rejects.toMatchObject({
      code: 'BID_TOO_LOW',
    });
    await expect(placeBid({ db, userId: a, lotId, amount: yuan(200), now: next() })).rejects.toMatchObject({
      code: 'ALREADY_LEADING',
    });
    expect(await db.$count(outbox, sql`${outbox.payload}->>'kind' = 'outbid'`)).toBe(0);
  });
});

describe('refund-made notifications', () => {
  const current = databaseForEachTest('pglite');

  it('tells the buyer once per refund, even when the send fails and is retried, or is sent again', async () => {
    const { db } = current();
    const loser = await seedBuyer(db);
    const auction = await publishedAuction(db, T0);
    await tick(db, auction.startsAt);
    await payDeposit(db, { userId: loser.id, auctionId: auction.auctionId, now: auction.startsAt });
    // The auction ends without a bid from the loser: the tick books the refund and sends it,
    // but the provider is down, so the refund stays pending and nobody is told yet.
    const inner = sandbox(db);
    let down = true;
    const flaky: PaymentProvider = {
      ...inner,
      name: inner.name,
      refund: async (request) => {
        if (down) throw new Error('provider unavailable');
        return inner.refund(request);
      },
    };
    await runTick({
      db,
      now: auction.endsAt,
      outbox: { providers: () => flaky, notify: inAppNotifier(db) },
    });
    const [refund] = await db.select().from(refunds);
    expect(refund!.status).toBe('pending');
    expect(await noticesOf(db, loser.id, 'refund_made')).toEqual([]);
    // The retry goes through: the refund succeeds and its notice is queued, then delivered.
    down = false;
    await drain(db, at(auction.endsAt, DAY), flaky);
    await drain(db, at(auction.endsAt, DAY));
    // A second send of the same refund (an overlapping run whose lease ran out) tells nobody again.
    await db.update(outbox).set({ status: 'pending', lockedUntil: null }).where(eq(outbox.refundId, refund!.id));
    await drain(db, at(auction.endsAt, 2 * DAY));
    await drain(db, at(auction.endsAt, 2 * DAY));
    const notices = await noticesOf(db, loser.id, 'refund_made');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toMatchObject({ refundId: refund!.id, amount: yuan(1_000), purpose: 'deposit' });
    expect((await db.select().from(refunds))[0]!.status).toBe('succeeded');
  });

  it('says how much deposit an overdue order forfeited, in both languages', async () => {
    const { db } = current();
    const { buyer, dueAt } = await wonOrder(db, { now: T0 });
    await tick(db, at(dueAt, MINUTE));
    await drain(db, at(dueAt, 2 * MINUTE));
    const [notice] = await noticesOf(db, buyer.id, 'order_overdue');
    // The lot's own deposit amount (¥200) is what a session deposit loses for it.
    expect(notice!.data).toMatchObject({ forfeited: yuan(200), lotTitle: '拍品 1' });
    for (const [locale, messages, amount] of [
      ['zh-CN', zhCNMessages, '¥200.00'],
      ['en', enMessages, '¥200.00'],
    ] as const) {
      const t = createTranslator({ locale, messages, namespace: 'notifications' });
      const view = notificationView('order_overdue', notice!.data, locale);
      const text = t('order_overdue', view.params);
      expect(text).toContain(amount);
      expect(text).not.toMatch(/[{}]/);
      expect(view.href).toBe('/me/orders');
    }
  });
});
