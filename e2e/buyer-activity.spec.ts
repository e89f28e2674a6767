import { expect, test, type Browser, type Page } from '@playwright/test';
import { buyerActivity, type BuyerActivityFixtures } from './buyer-activity-data';
import { CRON_SECRET, readFixtures, screenshot, signIn } from './support';

declare global {
  interface Window {
    /** Where the faked mini-program bridge was asked to go (set by the init script below). */
    __navigated?: string[];
  }
}

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;
const MINI_PROGRAM_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ' +
  'MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN miniProgram/wx0123456789abcdef';

test.use(PHONE);

type Buyer = keyof typeof buyerActivity.buyers;

async function signedIn(page: Page, who: Buyer, next = '/') {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(next)}`);
  await signIn(page, { identifier: buyerActivity.buyers[who].phone, password: buyerActivity.password });
  await expect(page.getByTestId('current-user')).toContainText(buyerActivity.buyers[who].name);
}

/** A phone-sized page of its own (own cookies), in `locale`, signed in as `who`. */
async function phonePage(browser: Browser, who: Buyer, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signedIn(page, who);
  if (locale === 'en') {
    const { hostname } = new URL(page.url());
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', domain: hostname, path: '/' }]);
  }
  return page;
}

test('[WATCH][NOTIFY] a watcher sees the lot in the watchlist, is outbid, and reads the notice from the bell', async ({
  page,
  request,
}) => {
  const fixtures = readFixtures<BuyerActivityFixtures>('buyer-activity');
  const lotTitle = buyerActivity.lots[0];
  await signedIn(page, 'watcher', '/me/watchlist');
  await expect(page).toHaveURL(/\/me\/watchlist$/);

  // The watched lot with its current price (the rival's ¥150 bid), its status and a countdown.
  const card = page.getByTestId('watched-lot').filter({ hasText: lotTitle });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('watched-price')).toHaveText('¥150.00');
  await expect(card.getByText('拍卖中')).toBeVisible();
  await expect(card.locator('time')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  await expect(card.getByRole('link', { name: lotTitle })).toHaveAttribute('href', `/lots/${fixtures.flowLotId}`);

  // Unwatch, then watch again, with the button: what the server keeps is the last tap.
  const button = card.getByTestId('watch-button');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await button.tap();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(button).toBeEnabled();
  await button.tap();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toBeEnabled();
  await page.reload();
  await expect(page.getByTestId('watched-lot').filter({ hasText: lotTitle })).toHaveCount(1);

  // The tick sends what the outbid bid queued (a later fixture’s tick may already have).
  const ticked = await request.get('/api/tick', { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(ticked.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId('unread-count')).toHaveText('1');
  await screenshot(page, 'buyer-activity-header-bell-375');

  await page.getByTestId('notification-bell').tap();
  await expect(page).toHaveURL(/\/me\/notifications$/);
  const notice = page.getByTestId('notification').filter({ hasText: lotTitle });
  await expect(notice).toHaveAttribute('data-kind', 'outbid');
  await expect(notice).toContainText('¥150.00');
  await expect(notice.getByRole('link', { name: '查看' })).toHaveAttribute('href', `/lots/${fixtures.flowLotId}`);
  await expect(page.getByTestId('inbox-unread')).toHaveText('1 条未读');

  await notice.getByTestId('mark-read').tap();
  await expect(notice).toHaveAttribute('data-read', 'true');
  await expect(page.getByTestId('inbox-unread')).toHaveText('全部已读');
  await expect(page.getByTestId('unread-count')).toHaveCount(0);
});

test('[MINIPROGRAM] paying a deposit in the mini-program web-view hands the charge to the mini-program', async ({
  browser,
}) => {
  const fixtures = readFixtures<BuyerActivityFixtures>('buyer-activity');
  const context = await browser.newContext({ ...PHONE, userAgent: MINI_PROGRAM_UA, locale: 'zh-CN' });
  // The web-view's bridge, faked: it records where the page asked the mini-program to go.
  await context.addInitScript(() => {
    const navigated: string[] = [];
    Object.assign(window, {
      __navigated: navigated,
      wx: {
        miniProgram: {
          navigateTo: ({ url, success }: { url: string; success?: () => void }) => {
            navigated.push(url);
            success?.();
          },
        },
      },
    });
  });
  const page = await context.newPage();
  await signedIn(page, 'miniProgram');
  const auctionPath = `/auctions/${fixtures.auctionId}`;
  await page.goto(auctionPath);
  const pay = page.getByTestId('session-deposit').getByRole('button', { name: /保证金/ });
  await expect(pay).toBeVisible();
  await pay.tap();
  await expect.poll(() => page.evaluate(() => window.__navigated ?? [])).toHaveLength(1);
  const [target] = await page.evaluate(() => window.__navigated ?? []);
  const url = new URL(target!, 'https://mini.program');
  expect(url.pathname).toBe('/pages/pay/index');
  expect(url.searchParams.get('return')).toBe(auctionPath);
  const reference = url.searchParams.get('reference')!;
  expect(reference).toMatch(/^sbx_ch_[0-9a-f]+$/);
  // The page did not navigate to the web checkout; the reference is this buyer's open charge.
  expect(new URL(page.url()).pathname).toBe(auctionPath);
  await page.goto(`/sandbox/pay/${reference}`);
  await expect(page.getByRole('button', { name: '确认支付' })).toBeVisible();
  await context.close();
});

test('[SCREENSHOTS] notifications, watchlist and header at 375 px in both languages', async ({ browser }) => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const page = await phonePage(browser, 'showcase', locale);
    await page.goto('/me/notifications');
    await expect(page.getByTestId('notification')).toHaveCount(5);
    await expect(page.locator('body')).not.toContainText('notifications.');
    await screenshot(page, `buyer-activity-notifications-${locale}-375`);
    await page.goto('/me/watchlist');
    await expect(page.getByTestId('watched-lot')).toHaveCount(3);
    await screenshot(page, `buyer-activity-watchlist-${locale}-375`);
    await page.context().close();
  }
  const empty = await phonePage(browser, 'rival');
  await empty.goto('/me/watchlist');
  await expect(empty.getByText('还没有关注的拍品')).toBeVisible();
  await screenshot(empty, 'buyer-activity-watchlist-empty-375');
  await empty.goto('/me/notifications');
  await expect(empty.getByText('暂时没有消息')).toBeVisible();
  await empty.context().close();
});
