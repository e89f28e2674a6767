import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { seedBuyer } from '../support/factories';
import { HOUR, at, wonOrder } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({
  user: null as { id: number; name: string; role: 'buyer' | 'admin' } | null,
  database: null as TestDatabase | null,
}));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'zh-CN', messages, namespace: namespace as never }),
}));
vi.stubEnv('AUTH_SECRET', 'admin-money-csv-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'admin-money-csv-cron-secret-0123456789');
vi.stubEnv('APP_TIME_ZONE', 'Asia/Shanghai');

const orders = await import('@/app/api/admin/orders.csv/route');
const bids = await import('@/app/api/admin/auctions/[id]/bids.csv/route');

const T0 = new Date('2026-11-23T02:00:00Z');
const BOM = [0xef, 0xbb, 0xbf];

async function body(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bom: [...bytes.slice(0, 3)], text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3)) };
}

describe('CSV exports', () => {
  const current = databaseForEachTest('pglite');
  let auctionId: number;

  beforeEach(async () => {
    state.database = current();
    const { db } = current();
    const admin = await seedBuyer(db, { role: 'admin' });
    state.user = { id: admin.id, name: admin.name, role: 'admin' };
    const won = await wonOrder(db, {
      now: T0,
      lots: [{ title: '宋聘号, "红标" 1920' }],
    });
    // A hostile display name: commas, quotes and a formula.
    await db.update(users).set({ name: '=HYPERLINK("http://evil","点我"),白' }).where(eq(users.id, won.buyer.id));
    auctionId = won.auction.auctionId;
    setClock(fixedClock(at(won.auction.endsAt, HOUR)));
  });

  it('exports orders as UTF-8 with a BOM, escaped and defused, in Chinese', async () => {
    const response = await orders.GET(new Request('http://localhost/api/admin/orders.csv'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const { bom, text } = await body(response);
    expect(bom).toEqual(BOM);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '订单号,状态,专场,拍品,买家,手机,成交价（元）,佣金（元）,优惠（元）,应付（元）,付款截止,付款时间,发货时间,快递公司,快递单号',
    );
    expect(lines[1]).toContain(',待支付,测试专场,"宋聘号, ""红标"" 1920","\'=HYPERLINK(""http://evil"",""点我""),白",');
    expect(lines[1]).toMatch(/,\d{11},100,0,0,100,2026-11-24 13:00:00,,,,$/);
    expect(lines).toHaveLength(3);
  });

  it('applies the list filters', async () => {
    const none = await orders.GET(new Request('http://localhost/api/admin/orders.csv?status=paid'));
    expect((await body(none)).text.split('\r\n')).toHaveLength(2);
    const junk = await orders.GET(
      new Request('http://localhost/api/admin/orders.csv?status=nope&auctionId=-3&dueSoon=x'),
    );
    expect(junk.status).toBe(200);
    expect((await body(junk)).text.split('\r\n')).toHaveLength(3);
  });

  it("exports an auction's bids", async () => {
    const response = await bids.GET(new Request('http://localhost/'), {
      params: Promise.resolve({ id: String(auctionId) }),
    });
    const { bom, text } = await body(response);
    expect(bom).toEqual(BOM);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('拍品序号,拍品,出价人,手机,金额（元）,代理出价,出价时间');
    expect(lines[1]).toMatch(
      /^1,"宋聘号, ""红标"" 1920","'=HYPERLINK\(""http:\/\/evil"",""点我""\),白",\d{11},100,否,2026-11-23 12:01:00$/,
    );
  });

  it('answers 404 for an unknown or malformed auction', async () => {
    for (const id of ['999999', 'abc', '-1', '1e5']) {
      const response = await bids.GET(new Request('http://localhost/'), { params: Promise.resolve({ id }) });
      expect(response.status, id).toBe(404);
    }
  });

  it('is for admins only: anonymous 401, buyer 403', async () => {
    for (const [user, status] of [
      [null, 401],
      [{ id: 1, name: 'b', role: 'buyer' as const }, 403],
    ] as const) {
      state.user = user;
      expect((await orders.GET(new Request('http://localhost/api/admin/orders.csv'))).status).toBe(status);
      const response = await bids.GET(new Request('http://localhost/'), {
        params: Promise.resolve({ id: String(auctionId) }),
      });
      expect(response.status).toBe(status);
    }
  });
});
