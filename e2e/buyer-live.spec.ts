import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { BuyerLiveFixtures } from './fixtures/buyer-live';
import { CRON_SECRET, readFixtures, screenshot, signUpBuyer } from './support';

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const auth = { authorization: `Bearer ${CRON_SECRET}` };
/** The bound: every open page of the lot shows a bid within this. */
const LIVE_BOUND_MS = 2_000;

async function buyerPage(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signUpBuyer(page, name);
  return { context, page };
}

/** Pays a deposit from the lot page through the sandbox checkout and comes back to the lot. */
async function payDeposit(page: Page, lotId: number, kind: 'session' | 'lot') {
  await page.goto(`/lots/${lotId}`);
  await expect(page.getByTestId('my-state')).toHaveText('未缴纳保证金：缴纳后即可出价');
  await page
    .getByTestId('deposit-options')
    .getByRole('button', { name: kind === 'session' ? /缴纳全场保证金/ : /仅缴纳本拍品保证金/ })
    .click();
  await expect(page).toHaveURL(/\/sandbox\/pay\//);
  await page.getByRole('button', { name: '确认支付' }).click();
  await expect(page.getByRole('status')).toHaveText('支付成功');
  await page.getByTestId('checkout-back').click();
  if (kind === 'session') {
    await expect(page.getByTestId('session-deposit')).toContainText('已缴纳全场保证金');
    await page.goto(`/lots/${lotId}`);
  }
  await expect(page).toHaveURL(new RegExp(`/lots/${lotId}$`));
  await expect(page.getByTestId('my-state')).toHaveText('已缴纳保证金，可以出价');
}

/**
 * Taps a bid button on `bidder`'s page and times `watcher`'s page until it shows `text`: from
 * the tap, and from the moment the bid was accepted (the bidder's page says so), which is
 * what "within 2 s of any bid" bounds.
 */
async function bidSeenAfter(bidder: Page, button: string, watcher: Page, testId: string, text: string) {
  const tapped = Date.now();
  await bidder.getByTestId(button).click();
  const [accepted, seen] = await Promise.all([
    expect(bidder.getByTestId('bid-feedback'))
      .toContainText('出价成功')
      .then(() => Date.now()),
    expect(watcher.getByTestId(testId))
      .toContainText(text, { timeout: 10_000 })
      .then(() => Date.now()),
  ]);
  return { fromTap: seen - tapped, fromAccepted: Math.max(0, seen - accepted) };
}

test.describe('[LIVE] two buyers bid against each other on a phone', () => {
  const fixtures = () => readFixtures<BuyerLiveFixtures>('buyer-live');

  test.afterAll(async ({ request }) => {
    await request.post('/api/test/clock', { headers: auth, data: { reset: true } });
  });

  test('deposits through the checkout, each sees the other’s bid within 2 s, a late bid extends the end on both', async ({
    browser,
    request,
  }) => {
    test.setTimeout(120_000);
    const { lotId, lotEndsAt, antiSnipingMinutes } = fixtures();
    const zhao = await buyerPage(browser, '赵实时');
    const qian = await buyerPage(browser, '钱实时');
    await payDeposit(zhao.page, lotId, 'session');
    await payDeposit(qian.page, lotId, 'lot');
    await screenshot(qian.page, 'buyer-live-lot-before-bid-zh-375');

    // 赵 bids the start price; 钱's page shows it without a reload.
    const seenByQian = await bidSeenAfter(zhao.page, 'quick-bid', qian.page, 'leader', '赵**');
    await expect(qian.page.getByTestId('current-price')).toHaveText('¥100.00');
    await expect(qian.page.getByTestId('bid-count')).toHaveText('1 次出价');
    await expect(qian.page.getByTestId('my-state')).toHaveText('已缴纳保证金，可以出价');

    // 钱 answers with a bigger step; 赵 sees it and that he is outbid.
    const seenByZhao = await bidSeenAfter(qian.page, 'step-bid-2', zhao.page, 'current-price', '¥120.00');
    await expect(zhao.page.getByTestId('my-state')).toHaveText('您的出价已被超过');
    await expect(zhao.page.getByTestId('leader')).toContainText('钱**');
    // The tick sends 赵 the outbid notice; his open page's bell shows it once he is back on the tab.
    await expect(zhao.page.getByTestId('unread-count')).toHaveCount(0);
    expect((await request.get('/api/tick', { headers: auth })).ok()).toBe(true);
    await zhao.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(zhao.page.getByTestId('unread-count')).toHaveText('1');
    for (const [who, figure] of [
      ['钱 saw 赵’s bid', seenByQian],
      ['赵 saw 钱’s bid', seenByZhao],
    ] as const) {
      console.log(`[LIVE] ${who} ${figure.fromAccepted} ms after it was accepted (${figure.fromTap} ms after the tap)`);
      expect(figure.fromAccepted).toBeLessThanOrEqual(LIVE_BOUND_MS);
    }

    // Refusals speak for themselves: leading already, and below the minimum with the minimum.
    await qian.page.getByTestId('quick-bid').click();
    await expect(qian.page.getByTestId('bid-feedback')).toContainText('您已是当前最高出价者');
    await zhao.page.getByLabel('自定义出价金额（元）').fill('121');
    await zhao.page.getByRole('button', { name: '出价', exact: true }).click();
    await expect(zhao.page.getByTestId('bid-feedback')).toContainText('至少需出价 ¥130.00');

    // A proxy maximum shows to its owner only.
    await zhao.page.getByLabel('代理出价上限（元）').fill('500');
    await zhao.page.getByRole('button', { name: '设置代理' }).click();
    await expect(zhao.page.getByTestId('my-proxy')).toContainText('¥500.00');
    await expect(zhao.page.getByTestId('my-state')).toHaveText('您当前领先');
    await expect(qian.page.getByTestId('current-price')).toContainText('¥130.00');
    await expect(qian.page.getByTestId('my-proxy')).not.toContainText('¥500.00');
    await screenshot(zhao.page, 'buyer-live-lot-after-bid-zh-375');

    // Two minutes before the end, 钱's bid (the proxy answers) pushes the end on both pages.
    const serverNow = (await (await request.get('/api/test/clock', { headers: auth })).json()) as { now: string };
    const advanceMs = Date.parse(lotEndsAt) - Date.parse(serverNow.now) - 2 * 60_000;
    expect((await request.post('/api/test/clock', { headers: auth, data: { advanceMs } })).ok()).toBe(true);
    const endBefore = await qian.page.getByTestId('ends-at').textContent();
    await qian.page.getByTestId('step-bid-5').click();
    await expect(qian.page.getByTestId('bid-feedback')).not.toBeEmpty();
    for (const { page } of [zhao, qian]) {
      await expect(page.getByTestId('ends-at')).not.toHaveText(endBefore ?? '', { timeout: LIVE_BOUND_MS });
    }
    const live = (await (await request.get(`/api/v1/lots/${lotId}`)).json()) as { endsAt: string };
    expect(Date.parse(live.endsAt)).toBeGreaterThan(Date.parse(lotEndsAt));
    expect(Date.parse(live.endsAt) - Date.parse(lotEndsAt)).toBeLessThanOrEqual(antiSnipingMinutes * 60_000);
    await zhao.context.close();
    await qian.context.close();
    // Back to real time, so what follows sees every auction as it was.
    await request.post('/api/test/clock', { headers: auth, data: { reset: true } });
  });

  test('home, auction and lot pages at 375 px in Chinese and English', async ({ browser }) => {
    const { auctionId, lotId } = fixtures();
    for (const locale of ['zh', 'en'] as const) {
      const context = await browser.newContext(phone);
      if (locale === 'en')
        await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: test.info().project.use.baseURL! }]);
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByTestId('group-live')).toBeVisible();
      await screenshot(page, `buyer-live-home-${locale}-375`);
      await page.goto(`/auctions/${auctionId}`);
      await expect(page.getByTestId('lot-card')).toHaveCount(2);
      await screenshot(page, `buyer-live-auction-${locale}-375`);
      await page.goto(`/lots/${lotId}`);
      await expect(page.getByTestId('estimate')).toContainText('¥300.00');
      await screenshot(page, `buyer-live-lot-${locale}-375`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      await context.close();
    }
  });

  test('the lot page shows the latest bids and leads to the whole history, a page at a time', async ({ browser }) => {
    const { historyLotId, historyBidCount } = fixtures();
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`/lots/${historyLotId}`);
    await expect(page.getByTestId('bid-history').locator('li')).toHaveCount(10);
    await page
      .getByTestId('all-bids')
      .filter({ hasText: `查看全部 ${historyBidCount} 次出价` })
      .click();
    await expect(page).toHaveURL(new RegExp(`/lots/${historyLotId}/bids$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('出价记录：出价记录测试拍品');
    const rows = page.getByTestId('bid-history').locator('li');
    await expect(rows).toHaveCount(30);
    // Highest first, every name masked to its first character.
    await expect(rows.first()).toContainText('钱**');
    await expect(page.getByText(/钱多多|孙悦/)).toHaveCount(0);
    await screenshot(page, 'buyer-live-bids-zh-375');
    await page.getByRole('link', { name: '下一页' }).click();
    await expect(rows).toHaveCount(historyBidCount - 30);
    await expect(rows.last()).toContainText('钱**');
    await expect(rows.last()).toContainText('¥100.00');
    await page.getByRole('link', { name: '返回拍品' }).click();
    await expect(page).toHaveURL(new RegExp(`/lots/${historyLotId}$`));
    await context.close();
  });
});
