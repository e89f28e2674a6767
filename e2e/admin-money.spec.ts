import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { adminMoney, type AdminMoneyFixtures } from './admin-money-data';
import { CRON_SECRET, adminState, readFixtures, screenshot } from './support';

const fixtures = () => readFixtures<AdminMoneyFixtures>('admin-money');
const DESKTOP = { width: 1280, height: 900 };

async function inEnglish(page: Page) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
  await page.reload();
}

test.describe('[ADMIN MONEY] operator back office: results, orders, refunds', () => {
  test.use({ storageState: adminState, viewport: DESKTOP });

  test('after a tick the operator sees the results of an ended auction', async ({ page, request }) => {
    const { settleAuctionId, settleLotIds } = fixtures();
    const tick = await request.post('/api/tick', { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(tick.ok()).toBe(true);
    await page.goto(`/admin/auctions/${settleAuctionId}`);
    await expect(page.getByRole('heading', { name: adminMoney.settleAuction })).toBeVisible();
    const lots = page.locator('#lots');
    const sold = lots.getByRole('row', { name: new RegExp(adminMoney.lots[0]!) });
    await expect(sold.getByText('成交', { exact: true })).toBeVisible();
    await expect(sold.getByText('待支付')).toBeVisible();
    await expect(sold.getByText(adminMoney.winner)).toBeVisible();
    await expect(lots.getByRole('row', { name: new RegExp(adminMoney.lots[1]!) }).getByText('流拍')).toBeVisible();
    await expect(page.getByText('¥300.00').first()).toBeVisible();
    // The timeline shows the tick's hops; the loser's lot deposit went back at close.
    await expect(page.locator('#events').getByText('拍卖中 → 成交').first()).toBeVisible();
    await expect(page.locator('#deposits').getByText('已退还')).toBeVisible();
    await screenshot(page, 'admin-money-auction-zh');
    await inEnglish(page);
    await expect(page.getByRole('heading', { name: 'Settlement' })).toBeVisible();
    await screenshot(page, 'admin-money-auction-en');

    await page.goto(`/admin/auctions/${settleAuctionId}/lots/${settleLotIds[0]}`);
    await expect(page.getByText('Sold, awaiting payment')).toBeVisible();
    await expect(page.getByRole('cell', { name: adminMoney.loser })).toBeVisible();
    await screenshot(page, 'admin-money-lot-en');
    await page.context().clearCookies({ name: 'NEXT_LOCALE' });
    await page.reload();
    await expect(page.getByText('成交，待付款')).toBeVisible();
    await screenshot(page, 'admin-money-lot-zh');
  });

  test('the operator ships a paid order and the audit trail shows it', async ({ page }) => {
    const { paidOrderId, paidOrderNo, shipAuctionId } = fixtures();
    await page.goto(`/admin/orders?auctionId=${shipAuctionId}&status=paid`);
    await screenshot(page, 'admin-money-orders-zh');
    await page.getByRole('link', { name: paidOrderNo }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/orders/${paidOrderId}$`));
    await screenshot(page, 'admin-money-order-zh');
    // The same schema refuses a bad tracking number in the browser.
    await page.getByLabel('快递公司').fill('顺丰速运');
    await page.getByLabel('快递单号').fill('SF 12;34');
    await page.getByRole('button', { name: '确认发货' }).click();
    await expect(page.getByText('只能包含字母、数字和连字符')).toBeVisible();
    await page.getByLabel('快递单号').fill('SF1234567890');
    await page.getByRole('button', { name: '确认发货' }).click();
    await expect(page.getByText('已发货').first()).toBeVisible();
    await expect(page.getByText('顺丰速运 SF1234567890')).toBeVisible();
    await expect(page.locator('#audit').getByText('订单发货')).toBeVisible();
    await inEnglish(page);
    await expect(page.getByText('Shipped the order')).toBeVisible();
    await screenshot(page, 'admin-money-order-en');
    await page.goto(`/admin/orders?auctionId=${shipAuctionId}`);
    await screenshot(page, 'admin-money-orders-en');
  });

  test('the operator exports the filtered orders as CSV', async ({ page }) => {
    const { paidOrderNo, shipAuctionId } = fixtures();
    await page.goto(`/admin/orders?auctionId=${shipAuctionId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^订单号,状态,专场,拍品,买家,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(paidOrderNo);
    expect(lines[1]).toContain(`${adminMoney.shipAuction},${adminMoney.lots[0]},${adminMoney.winner}`);
  });

  test('the operator retries a refund the outbox gave up on', async ({ page, request }) => {
    const { shipAuctionId, failedRefundId } = fixtures();
    await page.goto(`/admin/auctions/${shipAuctionId}#failed-refunds`);
    const row = page.getByTestId(`failed-refund-${failedRefundId}`);
    await expect(row).toContainText(adminMoney.loser);
    await expect(row).toContainText('¥200.00');
    await row.getByRole('button', { name: '重试' }).click();
    await expect(row).toBeHidden();
    await expect(page.locator('#audit').getByText('重试失败的退款')).toBeVisible();
    // The next tick sends it: the loser's lot deposit shows refunded and nothing is left failed.
    expect((await request.post('/api/tick', { headers: { authorization: `Bearer ${CRON_SECRET}` } })).ok()).toBe(true);
    await page.reload();
    await expect(page.getByText('没有失败的退款')).toBeVisible();
  });

  test('the orders list works on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`/admin/orders?auctionId=${fixtures().shipAuctionId}`);
    await expect(page.getByRole('heading', { name: '订单' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-money-orders-375');
  });
});
