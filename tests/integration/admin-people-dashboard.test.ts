import { describe, expect, it } from 'vitest';
import { dashboardCharts } from '@/lib/admin/dashboard-charts';
import { dashboardStats } from '@/lib/admin/dashboard-stats';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { at, DAY, HOUR, MINUTE, payOrder, wonOrder, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

// 09:00 in Shanghai: the auctions go live at 11:00 and end at 12:00 local time.
const T0 = new Date('2026-11-10T01:00:00Z');
const OCTOBER = new Date('2026-10-20T01:00:00Z');
const ZONE = DEFAULT_RULES.timeZone;

describe.each(testDrivers())('the dashboard on %s, against a known history', (driver) => {
  const current = databaseForEachTest(driver);

  async function history() {
    const db = current().db;
    // One auction ended in October, its order left unpaid; two in November, one paid, one not.
    const october = await wonOrder(db, { now: OCTOBER });
    const paid = await wonOrder(db, { now: T0 });
    const unpaid = await wonOrder(db, { now: T0 });
    await payOrder(db, { userId: paid.buyer.id, orderId: paid.order.id, now: at(paid.auction.endsAt, HOUR) });
    return { db, october, paid, unpaid };
  }

  it('right after the November auctions end', async () => {
    const { db, paid } = await history();
    const now = at(paid.auction.endsAt, 30 * MINUTE); // 12:30 local
    const stats = await dashboardStats({ db, now });
    expect(stats).toMatchObject({
      live: 0,
      bids: 3,
      // Both November bids were placed at 11:01 local today; October's is another day.
      bidsToday: 2,
      turnover: yuan(300),
      turnoverThisMonth: yuan(200),
      // October's order is past its deadline (overdue); November's are not due yet.
      overdue: { overdue: 1, due: 1 },
    });
    const charts = await dashboardCharts({ db, now, timeZone: ZONE });
    expect(charts.turnoverByAuction.map((row) => row.turnover)).toEqual([yuan(100), yuan(100), yuan(100)]);
    expect(charts.bidsByHour).toHaveLength(24);
    expect(charts.bidsByHour[0]!.hour).toBe('13:00');
    expect(charts.bidsByHour.at(-1)).toEqual({ hour: '12:00', bids: 0 });
    expect(charts.bidsByHour.at(-2)).toEqual({ hour: '11:00', bids: 2 });
    expect(charts.bidsByHour.reduce((total, row) => total + row.bids, 0)).toBe(2);
    expect((await dashboardCharts({ db, now, timeZone: ZONE, auctionCount: 2 })).turnoverByAuction).toHaveLength(2);
  });

  it('after the November deadline, read at now without a tick: one paid, two overdue', async () => {
    const { db, unpaid } = await history();
    const now = at(unpaid.dueAt, DEFAULT_RULES.paymentGraceMs + HOUR);
    const stats = await dashboardStats({ db, now });
    expect(stats).toMatchObject({ bidsToday: 0, turnoverThisMonth: yuan(200), overdue: { overdue: 2, due: 3 } });
    const charts = await dashboardCharts({ db, now, timeZone: ZONE });
    expect(charts.bidsByHour.every((row) => row.bids === 0)).toBe(true);
  });

  it('an empty platform has nothing to chart and no rate', async () => {
    const db = current().db;
    const now = at(T0, DAY);
    expect(await dashboardStats({ db, now })).toMatchObject({
      bidsToday: 0,
      turnoverThisMonth: 0,
      overdue: { overdue: 0, due: 0 },
    });
    const charts = await dashboardCharts({ db, now, timeZone: ZONE });
    expect(charts.turnoverByAuction).toEqual([]);
    expect(charts.bidsByHour.every((row) => row.bids === 0)).toBe(true);
  });
});
