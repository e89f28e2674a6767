import { and, eq, isNull } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { auctions, lots, notifications, watchlist } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { fixedClock, setClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { countUnread } from '@/lib/notifications/count-unread';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { pageRequest } from '@/lib/pagination';
import { isWatching } from '@/lib/watchlist/is-watching';
import { listWatchlist } from '@/lib/watchlist/list-watchlist';
import { seedBuyer } from '../support/factories';
import { HOUR, at, publishedAuction, yuan } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real action modules run against this file's database as whoever `state.user` is.
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'buyer-activity-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'buyer-activity-cron-secret-0123456789');

const { markNotificationReadAction, markAllNotificationsReadAction } = await import('@/actions/notifications');
const { setWatch } = await import('@/actions/watchlist');

const T0 = new Date('2026-11-20T02:00:00Z');
const NOW = at(T0, 2.5 * HOUR);
const FIRST_PAGE = pageRequest(1, 20);

type Roles = { buyerA: CurrentUser; buyerB: CurrentUser; admin: CurrentUser };

async function seedPeople(db: Database): Promise<Roles> {
  const [a, b, admin] = await Promise.all([seedBuyer(db), seedBuyer(db), seedBuyer(db, { role: 'admin' })]);
  const asUser = (user: typeof a): CurrentUser => ({ id: user.id, name: user.name, role: user.role });
  return { buyerA: asUser(a), buyerB: asUser(b), admin: asUser(admin) };
}

const notify = (db: Database, userId: number, kind = 'outbid') =>
  db
    .insert(notifications)
    .values({ userId, kind, data: { lotId: 1, lotTitle: '茶饼', price: yuan(120) } })
    .returning()
    .then((rows) => rows[0]!);

describe('notification actions', () => {
  const current = databaseForEachTest('pglite');
  let db: Database;
  let people: Roles;

  beforeEach(async () => {
    state.database = current();
    db = current().db;
    people = await seedPeople(db);
    setClock(fixedClock(NOW));
  });

  const unreadOf = (userId: number) =>
    db.$count(notifications, and(eq(notifications.userId, userId), isNull(notifications.readAt)));

  it('marks the buyer’s own notification read, once: a second tap keeps the first time', async () => {
    const mine = await notify(db, people.buyerA.id);
    await notify(db, people.buyerA.id);
    state.user = people.buyerA;
    expect(await markNotificationReadAction({ notificationId: mine.id })).toEqual({ ok: true, data: { id: mine.id } });
    setClock(fixedClock(at(NOW, HOUR)));
    expect((await markNotificationReadAction({ notificationId: mine.id })).ok).toBe(true);
    const [row] = await db.select().from(notifications).where(eq(notifications.id, mine.id));
    expect(row!.readAt).toEqual(NOW);
    expect(await unreadOf(people.buyerA.id)).toBe(1);
    expect(await countUnread({ db, userId: people.buyerA.id })).toBe(1);
  });

  it('marks all of the buyer’s own notifications read and nobody else’s', async () => {
    await notify(db, people.buyerA.id);
    await notify(db, people.buyerA.id, 'refund_made');
    await notify(db, people.buyerB.id);
    state.user = people.buyerA;
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { marked: 2 } });
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { marked: 0 } });
    expect(await unreadOf(people.buyerA.id)).toBe(0);
    expect(await unreadOf(people.buyerB.id)).toBe(1);
  });

  it('never lets buyer B read or mark buyer A’s notifications (IDOR)', async () => {
    const hers = await notify(db, people.buyerA.id);
    state.user = people.buyerB;
    expect(await markNotificationReadAction({ notificationId: hers.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { marked: 0 } });
    expect(await unreadOf(people.buyerA.id)).toBe(1);
    expect((await listNotifications({ db, userId: people.buyerB.id, page: FIRST_PAGE })).items).toEqual([]);
    expect(await countUnread({ db, userId: people.buyerB.id })).toBe(0);
    const own = await listNotifications({ db, userId: people.buyerA.id, page: FIRST_PAGE });
    expect(own.items.map((item) => item.id)).toEqual([hers.id]);
  });

  // A blocked buyer's session counts for nothing: currentUser answers null, as for anonymous callers.
  it('refuses anonymous callers, admins and hostile input, writing nothing', async () => {
    const hers = await notify(db, people.buyerA.id);
    for (const [user, code] of [
      [null, 'UNAUTHENTICATED'],
      [people.admin, 'FORBIDDEN'],
    ] as const) {
      state.user = user;
      expect(await markNotificationReadAction({ notificationId: hers.id })).toMatchObject({ ok: false, code });
      expect(await markAllNotificationsReadAction({})).toMatchObject({ ok: false, code });
    }
    state.user = people.buyerA;
    for (const raw of [
      undefined,
      'x',
      { notificationId: '1' },
      { notificationId: -1 },
      { notificationId: 2 ** 40 },
      [hers.id],
    ]) {
      expect(await markNotificationReadAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await markAllNotificationsReadAction({ userId: people.buyerB.id } as never)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await unreadOf(people.buyerA.id)).toBe(1);
  });

  it('lists newest first, a page at a time', async () => {
    for (let n = 0; n < 3; n++) await notify(db, people.buyerA.id);
    const first = await listNotifications({ db, userId: people.buyerA.id, page: pageRequest(1, 2) });
    const second = await listNotifications({ db, userId: people.buyerA.id, page: pageRequest(2, 2) });
    expect(first).toMatchObject({ page: 1, pages: 2, total: 3 });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([3, 2, 1]);
  });
});

describe('watchlist action', () => {
  const current = databaseForEachTest('pglite');
  let db: Database;
  let people: Roles;
  let lotId: number;

  beforeEach(async () => {
    state.database = current();
    db = current().db;
    people = await seedPeople(db);
    lotId = (await publishedAuction(db, T0, { lots: [{ title: '老白茶' }] })).lotIds[0]!;
    setClock(fixedClock(NOW));
  });

  const watchers = () => db.$count(watchlist, eq(watchlist.lotId, lotId));

  it('watches and unwatches idempotently', async () => {
    state.user = people.buyerA;
    expect(await setWatch({ lotId, watching: true })).toEqual({ ok: true, data: { lotId, watching: true } });
    expect((await setWatch({ lotId, watching: true })).ok).toBe(true);
    expect(await watchers()).toBe(1);
    expect(await isWatching({ db, userId: people.buyerA.id, lotId })).toBe(true);
    const listed = await listWatchlist({ db, userId: people.buyerA.id, page: FIRST_PAGE, now: NOW });
    expect(listed.items).toMatchObject([{ lotId, title: '老白茶', status: 'live', currentPrice: null }]);
    expect(await setWatch({ lotId, watching: false })).toEqual({ ok: true, data: { lotId, watching: false } });
    expect((await setWatch({ lotId, watching: false })).ok).toBe(true);
    expect(await watchers()).toBe(0);
  });

  it('shows each lot as the machine sees it at now, whatever the tick stored', async () => {
    state.user = people.buyerA;
    await setWatch({ lotId, watching: true });
    const later = await listWatchlist({ db, userId: people.buyerA.id, page: FIRST_PAGE, now: at(T0, 4 * HOUR) });
    expect(later.items[0]!.status).toBe('unsold');
  });

  it('refuses a draft or unknown lot with NOT_FOUND', async () => {
    const draft = await db
      .insert(auctions)
      .values({
        title: '草稿',
        previewStartsAt: T0,
        previewEndsAt: at(T0, HOUR),
        startsAt: at(T0, HOUR),
        endsAt: at(T0, 2 * HOUR),
      })
      .returning();
    const [draftLot] = await db
      .insert(lots)
      .values({ auctionId: draft[0]!.id, title: '未发布', startPrice: yuan(10) })
      .returning();
    state.user = people.buyerA;
    for (const id of [draftLot!.id, 999_999]) {
      expect(await setWatch({ lotId: id, watching: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await db.$count(watchlist)).toBe(0);
  });

  it('never shows buyer A’s watchlist to buyer B, and B’s unwatch leaves A’s alone (IDOR)', async () => {
    state.user = people.buyerA;
    await setWatch({ lotId, watching: true });
    state.user = people.buyerB;
    expect((await listWatchlist({ db, userId: people.buyerB.id, page: FIRST_PAGE, now: NOW })).items).toEqual([]);
    expect(await setWatch({ lotId, watching: false })).toMatchObject({ ok: true });
    expect(await isWatching({ db, userId: people.buyerA.id, lotId })).toBe(true);
  });

  it('refuses anonymous callers, admins and hostile input, writing nothing', async () => {
    for (const [user, code] of [
      [null, 'UNAUTHENTICATED'],
      [people.admin, 'FORBIDDEN'],
    ] as const) {
      state.user = user;
      expect(await setWatch({ lotId, watching: true })).toMatchObject({ ok: false, code });
    }
    state.user = people.buyerA;
    for (const raw of [
      undefined,
      { lotId },
      { lotId: String(lotId), watching: true },
      { lotId, watching: 'yes' },
      { lotId: 0, watching: true },
      { lotId: 2 ** 40, watching: true },
      [{ lotId, watching: true }],
    ]) {
      expect(await setWatch(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await db.$count(watchlist)).toBe(0);
  });
});
