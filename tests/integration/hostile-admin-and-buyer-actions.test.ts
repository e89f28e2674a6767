import { sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addresses, coupons, notifications } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { newAuctionFormValues } from '@/lib/auctions/auction-form-defaults';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { seedBuyer } from '../support/factories';
import { DAY, HOUR, at, publishedAuction, testAddress, wonOrder, yuan } from '../support/lifecycle';
import { databaseForEachTest, publicTables, testDrivers, type TestDatabase } from '../support/test-database';

// Every write action of the back office and the buyer pages, fed what a hostile client can send.
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
vi.stubEnv('AUTH_SECRET', 'hostile-admin-buyer-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'hostile-admin-buyer-cron-secret-0123456789');
vi.stubEnv('APP_TIME_ZONE', 'Asia/Shanghai');

const auctionActions = await import('@/actions/admin-auctions');
const lotActions = await import('@/actions/admin-lots');
const orderActions = await import('@/actions/admin-orders');
const refundActions = await import('@/actions/admin-refunds');
const userActions = await import('@/actions/admin-users');
const couponAdminActions = await import('@/actions/admin-coupons');
const addressActions = await import('@/actions/addresses');
const { claimCouponAction } = await import('@/actions/coupons');
const notificationActions = await import('@/actions/notifications');
const buyerOrderActions = await import('@/actions/orders');
const { updateProfileAction } = await import('@/actions/profile');
const { setWatch } = await import('@/actions/watchlist');
const bidActions = await import('@/actions/bids');
const { payDepositAction } = await import('@/actions/deposits');
const { recordLotViewAction } = await import('@/actions/lot-views');

const TZ = 'Asia/Shanghai';
const T0 = new Date('2026-11-25T04:00:00Z');

type Outcome = { ok: true } | { ok: false; code: string };
type Call = (raw: unknown) => Promise<Outcome>;
const as = (action: unknown) => action as Call;

/** Values no field of any of these forms accepts: ids past int4, floats, 100 kB, control characters, wrong types. */
const HOSTILE: unknown[] = [
  2 ** 31,
  2 ** 53 + 2,
  -1,
  0,
  1.5,
  Number.NaN,
  '2147483648',
  '99999999999999999999',
  '21474837',
  'x'.repeat(100_000),
  'a\u0000b',
  '\u001b[2J\u0007',
  {},
  [],
  true,
];

const DIGITS = /^\d+$/;

/** Whether a field legitimately takes this value, so it is no probe for it. */
function accepted(key: string, original: unknown, value: unknown) {
  if (typeof original === 'boolean' && typeof value === 'boolean') return true;
  if (Array.isArray(original) && Array.isArray(value) && original.length === 0) return true;
  if (typeof value !== 'string' || !DIGITS.test(value)) return false;
  // Digit strings probe ids past int4 (21474837 is an id within it: an unknown record, no probe)
  // and amounts past ¥1,000,000,000; a name or a street may well be digits.
  if (/Id$/.test(key)) return value === '21474837';
  if (typeof original === 'string' && DIGITS.test(original)) return value !== '99999999999999999999';
  return true;
}

/** The payload as a form post would carry it, every field 100 kB with a NUL in it. */
function formDataOf(base: Record<string, unknown>) {
  const form = new FormData();
  for (const key of Object.keys(base)) form.set(key, `${'x'.repeat(100_000)}\u0000`);
  return form;
}

/** The base payload with one field (top level or one object down) replaced by a hostile value. */
function* mutations(base: Record<string, unknown>): Generator<[string, unknown]> {
  for (const [key, original] of Object.entries(base)) {
    for (const value of HOSTILE) {
      if (accepted(key, original, value)) continue;
      yield [`${key}=${JSON.stringify(value)?.slice(0, 24)}`, { ...base, [key]: value }];
    }
    if (original && typeof original === 'object' && !Array.isArray(original)) {
      for (const [inner, payload] of mutations(original as Record<string, unknown>)) {
        yield [`${key}.${inner}`, { ...base, [key]: payload }];
      }
    }
    // A list of rows (the relist's lots) or of ids (reorder, grant): its first entry made hostile.
    if (Array.isArray(original) && original.length > 0) {
      const [first, ...rest] = original as unknown[];
      const entries: [string, unknown][] =
        first && typeof first === 'object'
          ? [...mutations(first as Record<string, unknown>)]
          : HOSTILE.filter((value) => !accepted('entryId', first, value)).map((value) => [
              JSON.stringify(value)?.slice(0, 24) ?? '',
              value,
            ]);
      for (const [inner, entry] of entries) yield [`${key}.0.${inner}`, { ...base, [key]: [entry, ...rest] }];
    }
  }
}

// On every driver: Postgres, not PGlite, is where a NUL byte or an int4 overflow would turn into a 500.
describe.each(testDrivers())('new admin and buyer actions under hostile input on %s', (driver) => {
  const current = databaseForEachTest(driver);
  const db = () => current().db;
  let admin: CurrentUser;
  let buyer: CurrentUser;
  let ids: {
    auctionId: number;
    lotId: number;
    endedAuctionId: number;
    endedLotId: number;
    othersOrderId: number;
    othersAddressId: number;
    othersNotificationId: number;
    myAddressId: number;
    myNotificationId: number;
    couponId: number;
    othersUserId: number;
  };

  beforeEach(async () => {
    state.database = current();
    const adminRow = await seedBuyer(db(), { role: 'admin' });
    const buyerRow = await seedBuyer(db());
    admin = { id: adminRow.id, name: adminRow.name, role: 'admin' };
    buyer = { id: buyerRow.id, name: buyerRow.name, role: 'buyer' };
    const won = await wonOrder(db(), { now: T0 });
    const scheduled = await publishedAuction(db(), at(won.auction.endsAt, HOUR));
    const other = won.buyer.id;
    const [othersAddress, myAddress] = await db()
      .insert(addresses)
      .values([
        { userId: other, ...testAddress },
        { userId: buyer.id, ...testAddress },
      ])
      .returning();
    const [othersNotice, myNotice] = await db()
      .insert(notifications)
      .values(
        [other, buyer.id].map((userId) => ({
          userId,
          kind: 'outbid' as const,
          data: { lotId: 1, lotTitle: '茶饼', price: yuan(1) },
        })),
      )
      .returning();
    const [coupon] = await db()
      .insert(coupons)
      .values({ title: '新人券', discount: yuan(10), validFrom: T0, validUntil: at(T0, 30 * DAY), totalQuantity: 5 })
      .returning();
    ids = {
      auctionId: scheduled.auctionId,
      lotId: scheduled.lotIds[0]!,
      endedAuctionId: won.auction.auctionId,
      endedLotId: won.auction.lotIds[0]!,
      othersOrderId: won.order.id,
      othersAddressId: othersAddress!.id,
      othersNotificationId: othersNotice!.id,
      myAddressId: myAddress!.id,
      myNotificationId: myNotice!.id,
      couponId: coupon!.id,
      othersUserId: other,
    };
    setClock(fixedClock(at(won.auction.endsAt, 2 * HOUR)));
  });

  /** Rows in every table, to prove a refusal wrote nothing anywhere. */
  async function rowCounts() {
    const counts: Record<string, number> = {};
    for (const table of await publicTables(db())) {
      const result = await db().execute<{ n: number }>(sql.raw(`select count(*)::int as n from "${table}"`));
      counts[table] = result.rows[0]!.n;
    }
    return counts;
  }

  /** A fingerprint of every row, so an UPDATE that a refusal let through shows too. */
  async function snapshot() {
    const rows: Record<string, string> = {};
    for (const table of await publicTables(db())) {
      const result = await db().execute<{ digest: string }>(
        sql.raw(`select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${table}" t`),
      );
      rows[table] = result.rows[0]!.digest;
    }
    return rows;
  }

  function adminCalls(): [string, Call, Record<string, unknown>][] {
    const auctionForm = { ...newAuctionFormValues(T0, TZ), title: '春茶专场' };
    const lotForm = {
      title: '拍品',
      description: '',
      coverUrl: null,
      images: [],
      startPrice: '100',
      reservePrice: '',
      depositAmount: '10',
      estimateLow: '',
      estimateHigh: '',
    };
    const couponForm = {
      title: '新客券',
      threshold: '100',
      discount: '20',
      validFrom: '2026-12-05T10:00',
      validUntil: '2026-12-12T10:00',
      totalQuantity: 10,
      perUserLimit: 1,
      auctionId: null,
    };
    const prices = { startPrice: '1', reservePrice: '', depositAmount: '1', estimateLow: '', estimateHigh: '' };
    return [
      ['createAuction', as(auctionActions.createAuctionAction), auctionForm],
      [
        'updateAuction',
        as(auctionActions.updateAuctionAction),
        { ...auctionForm, auctionId: ids.auctionId, version: 1 },
      ],
      [
        'extendAuctionEnd',
        as(auctionActions.extendAuctionEndAction),
        { auctionId: ids.auctionId, version: 1, endsAt: '2026-12-30T10:00' },
      ],
      [
        'relistAuction',
        as(auctionActions.relistAuctionAction),
        { sourceAuctionId: ids.endedAuctionId, auction: auctionForm, lots: [{ lotId: ids.endedLotId, ...prices }] },
      ],
      ['publishAuction', as(auctionActions.publishAuctionAction), { auctionId: ids.auctionId }],
      ['cancelAuction', as(auctionActions.cancelAuctionAction), { auctionId: ids.auctionId }],
      ['createLot', as(lotActions.createLotAction), { auctionId: ids.auctionId, ...lotForm }],
      ['updateLot', as(lotActions.updateLotAction), { lotId: ids.lotId, version: 1, ...lotForm }],
      ['reorderLots', as(lotActions.reorderLotsAction), { auctionId: ids.auctionId, lotIds: [ids.lotId] }],
      ['removeLot', as(lotActions.removeLotAction), { lotId: ids.lotId }],
      [
        'shipOrder',
        as(orderActions.shipOrderAction),
        { orderId: String(ids.othersOrderId), carrier: '顺丰', trackingNo: 'SF-1' },
      ],
      ['cancelOrder', as(orderActions.cancelOrderAction), { orderId: String(ids.othersOrderId), reason: '重复下单' }],
      ['manualRefund', as(refundActions.manualRefundAction), { depositId: '1', reason: '人工退款' }],
      ['retryRefund', as(refundActions.retryRefundAction), { refundId: '1' }],
      ['changeRole', as(userActions.changeRoleAction), { userId: ids.othersUserId, role: 'admin' }],
      ['setBiddingBlock', as(userActions.setBiddingBlockAction), { userId: ids.othersUserId, blocked: true }],
      ['liftStrikes', as(userActions.liftStrikesAction), { userId: ids.othersUserId }],
      ['createCoupon', as(couponAdminActions.createCouponAction), couponForm],
      ['updateCoupon', as(couponAdminActions.updateCouponAction), { couponId: ids.couponId, coupon: couponForm }],
      ['setCouponStatus', as(couponAdminActions.setCouponStatusAction), { couponId: ids.couponId, status: 'disabled' }],
      [
        'grantCoupon',
        as(couponAdminActions.grantCouponAction),
        { couponId: ids.couponId, userIds: [ids.othersUserId] },
      ],
      ['searchBuyers', as(couponAdminActions.searchBuyersAction), { query: '买家' }],
    ];
  }

  function buyerCalls(): [string, Call, Record<string, unknown>][] {
    return [
      ['saveAddress', as(addressActions.saveAddressAction), { id: ids.myAddressId, isDefault: false, ...testAddress }],
      ['deleteAddress', as(addressActions.deleteAddressAction), { addressId: ids.myAddressId }],
      ['setDefaultAddress', as(addressActions.setDefaultAddressAction), { addressId: ids.myAddressId }],
      ['claimCoupon', as(claimCouponAction), { couponId: ids.couponId }],
      [
        'markNotificationRead',
        as(notificationActions.markNotificationReadAction),
        { notificationId: ids.myNotificationId },
      ],
      [
        'payOrder',
        as(buyerOrderActions.payOrderAction),
        { orderId: ids.othersOrderId, addressId: ids.myAddressId, userCouponId: null },
      ],
      ['confirmReceipt', as(buyerOrderActions.confirmReceiptAction), { orderId: ids.othersOrderId }],
      ['updateProfile', as(updateProfileAction), { name: '林一' }],
      ['setWatch', as(setWatch), { lotId: ids.lotId, watching: true }],
      ['placeBid', as(bidActions.placeBidAction), { lotId: String(ids.lotId), amount: '100' }],
      ['setProxyBid', as(bidActions.setProxyBidAction), { lotId: String(ids.lotId), maxAmount: '100' }],
      ['payDeposit', as(payDepositAction), { auctionId: String(ids.auctionId), lotId: String(ids.lotId) }],
      ['recordLotView', as(recordLotViewAction), { lotId: String(ids.lotId) }],
    ];
  }

  async function expectRefusedWritingNothing(user: CurrentUser, calls: [string, Call, Record<string, unknown>][]) {
    state.user = user;
    const before = await snapshot();
    const wrong: string[] = [];
    for (const [name, call, base] of calls) {
      const payloads: [string, unknown][] = [
        ['null', null],
        ['number', 42],
        ['string', 'x'.repeat(100_000)],
        ['array', [base]],
        ['nul keys', { '\u0000': 1, __proto__: { admin: true } }],
        ['form data', formDataOf(base)],
        ...mutations(base),
      ];
      for (const [label, raw] of payloads) {
        const result = await call(raw);
        const code = result.ok ? 'ok' : result.code;
        // The view beacon answers ok to anything it can parse, and counts only real lots.
        if (code === 'ok' && name === 'recordLotView') continue;
        // Any refusal the client can read (VALIDATION, NOT_FOUND, WRONG_STATE …); never a 500.
        if (code === 'ok' || code === 'INTERNAL') wrong.push(`${name} ${label} → ${code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }

  it('back-office actions refuse every hostile payload with a 4xx code and change no row', async () => {
    await expectRefusedWritingNothing(admin, adminCalls());
  });

  it('buyer actions refuse every hostile payload with a 4xx code and change no row', async () => {
    await expectRefusedWritingNothing(buyer, buyerCalls());
  });

  it("another buyer's address, notification and order answer NOT_FOUND and stay as they were", async () => {
    state.user = buyer;
    const before = await rowCounts();
    const snap = await snapshot();
    const attempts: [string, Promise<Outcome>][] = [
      [
        'saveAddress',
        as(addressActions.saveAddressAction)({ ...testAddress, id: ids.othersAddressId, isDefault: true }),
      ],
      ['deleteAddress', as(addressActions.deleteAddressAction)({ addressId: ids.othersAddressId })],
      ['setDefaultAddress', as(addressActions.setDefaultAddressAction)({ addressId: ids.othersAddressId })],
      [
        'markNotificationRead',
        as(notificationActions.markNotificationReadAction)({ notificationId: ids.othersNotificationId }),
      ],
      [
        'payOrder',
        as(buyerOrderActions.payOrderAction)({
          orderId: ids.othersOrderId,
          addressId: ids.myAddressId,
          userCouponId: null,
        }),
      ],
      ['confirmReceipt', as(buyerOrderActions.confirmReceiptAction)({ orderId: ids.othersOrderId })],
    ];
    const codes: Record<string, string> = {};
    for (const [name, attempt] of attempts) {
      const result = await attempt;
      codes[name] = result.ok ? 'ok' : result.code;
    }
    expect(codes).toEqual(Object.fromEntries(attempts.map(([name]) => [name, 'NOT_FOUND'])));
    expect(await rowCounts()).toEqual(before);
    expect(await snapshot()).toEqual(snap);
  });
});
