import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lots, lotViews } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { dayIn, recordLotView } from '@/lib/lots/record-lot-view';
import { seedBuyer } from '../support/factories';
import { HOUR, at, publishedAuction } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

type Jar = Map<string, { value: string; options?: { httpOnly?: boolean } }>;
const state = vi.hoisted(() => ({
  user: null as CurrentUser | null,
  database: null as TestDatabase | null,
  jar: new Map() as Jar,
  ip: '203.0.113.20',
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': state.ip }),
  cookies: async () => ({
    get: (name: string) => state.jar.get(name),
    set: (name: string, value: string, options: { httpOnly?: boolean }) => state.jar.set(name, { value, options }),
  }),
}));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'buyer-live-views-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'buyer-live-views-cron-secret-0123456789');
vi.stubEnv('APP_TIME_ZONE', 'Asia/Shanghai');
vi.stubEnv('TRUSTED_PROXY', '1');

const { recordLotViewAction } = await import('@/actions/lot-views');

// 23:30 in Shanghai on the 25th: half an hour later it is another day there.
const lateEvening = new Date('2026-11-25T15:30:00Z');

describe('围观: views counted once per visitor per day', () => {
  const current = databaseForEachTest('pglite');
  let lotId: number;

  beforeEach(async () => {
    state.database = current();
    state.user = null;
    state.jar = new Map();
    state.ip = '203.0.113.20';
    const { lotIds } = await publishedAuction(current().db, at(lateEvening, -2 * HOUR));
    lotId = lotIds[0]!;
    setClock(fixedClock(lateEvening));
  });

  const viewCount = async () =>
    (await current().db.select({ n: lots.viewCount }).from(lots).where(eq(lots.id, lotId)))[0]!.n;

  it('takes the day in the app’s time zone', () => {
    expect(dayIn(lateEvening, 'Asia/Shanghai')).toBe('2026-11-25');
    expect(dayIn(at(lateEvening, HOUR), 'Asia/Shanghai')).toBe('2026-11-26');
  });

  it('counts one visitor once a day however many calls arrive at once', async () => {
    const { db } = current();
    const view = (visitor: string, now: Date) => recordLotView({ db, lotId, visitor, now, timeZone: 'Asia/Shanghai' });
    const counted = await Promise.all(Array.from({ length: 12 }, () => view('user:1', lateEvening)));
    expect(counted.filter(Boolean)).toHaveLength(1);
    expect(await viewCount()).toBe(1);
    await Promise.all([view('user:2', lateEvening), view('user:2', at(lateEvening, 10 * 60_000))]);
    expect(await viewCount()).toBe(2);
    // Past midnight in Shanghai the same visitor counts again.
    expect(await view('user:1', at(lateEvening, HOUR))).toBe(true);
    expect(await viewCount()).toBe(3);
    expect(await db.select().from(lotViews)).toHaveLength(3);
    expect(await view('user:1', lateEvening)).toBe(false);
    expect(await recordLotView({ db, lotId: 999_999, visitor: 'user:1', now: lateEvening, timeZone: 'UTC' })).toBe(
      false,
    );
  });

  it('counts an anonymous visitor only with a cookie it issued earlier, and a signed-in one by their id', async () => {
    // The first visit only gets the signed, httpOnly cookie: nothing is counted yet.
    expect(await recordLotViewAction({ lotId })).toEqual({ ok: true, data: { counted: false } });
    const cookie = state.jar.get('gavel_visitor');
    expect(cookie?.options?.httpOnly).toBe(true);
    expect(await viewCount()).toBe(0);
    expect(await recordLotViewAction({ lotId })).toEqual({ ok: true, data: { counted: true } });
    expect(await recordLotViewAction({ lotId })).toEqual({ ok: true, data: { counted: false } });
    expect(state.jar.get('gavel_visitor')?.value).toBe(cookie?.value);
    // A forged or made-up cookie is not an id: it is replaced, and that call counts nothing.
    for (const forged of ["'; drop table lots; --", crypto.randomUUID(), `${crypto.randomUUID()}.c2lnbmF0dXJl`]) {
      state.jar.set('gavel_visitor', { value: forged });
      expect(await recordLotViewAction({ lotId })).toEqual({ ok: true, data: { counted: false } });
      expect(state.jar.get('gavel_visitor')?.value).not.toBe(forged);
    }
    expect(await viewCount()).toBe(1);
    const buyer = await seedBuyer(current().db);
    state.user = { id: buyer.id, name: buyer.name, role: 'buyer' };
    expect(await recordLotViewAction({ lotId })).toEqual({ ok: true, data: { counted: true } });
    expect(await recordLotViewAction({ lotId })).toEqual({ ok: true, data: { counted: false } });
    expect(await viewCount()).toBe(2);
    expect(await recordLotViewAction({ lotId: 'x' } as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('a script dropping its cookies mints no visitors, however many calls it makes', async () => {
    const counted = [];
    for (let call = 0; call < 20; call++) {
      state.jar = new Map();
      counted.push(await recordLotViewAction({ lotId }));
    }
    expect(counted.every((result) => result.ok && !result.data.counted)).toBe(true);
    expect(await viewCount()).toBe(0);
  });

  it('rate-limits anonymous counting per client address, not signed-in buyers or other addresses', async () => {
    // Each visitor a script was handed a cookie for still counts against its address.
    const visitWithNewCookie = async () => {
      state.jar = new Map();
      await recordLotViewAction({ lotId });
      return recordLotViewAction({ lotId });
    };
    for (let visitor = 0; visitor < 60; visitor++) {
      expect(await visitWithNewCookie()).toEqual({ ok: true, data: { counted: true } });
    }
    expect(await visitWithNewCookie()).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await viewCount()).toBe(60);
    state.ip = '203.0.113.21';
    expect(await visitWithNewCookie()).toEqual({ ok: true, data: { counted: true } });
    state.ip = '203.0.113.20';
    const buyer = await seedBuyer(current().db);
    state.user = { id: buyer.id, name: buyer.name, role: 'buyer' };
    expect(await recordLotViewAction({ lotId })).toEqual({ ok: true, data: { counted: true } });
    // Ten minutes on, the address may count again.
    state.user = null;
    setClock(fixedClock(at(lateEvening, 10 * 60_000)));
    expect(await visitWithNewCookie()).toEqual({ ok: true, data: { counted: true } });
    expect(await viewCount()).toBe(63);
  });
});
