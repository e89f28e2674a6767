import { expect, test } from '@playwright/test';
import { CRON_SECRET, lifecycleAuction, readFixtures, screenshot, type LifecycleFixtures } from './support';

const auth = { authorization: `Bearer ${CRON_SECRET}` };

// It moves the server's clock past its own auction's end, and puts it back after: the other
// specs' auctions end later than that, so nothing they read changes.
test.describe('the lifecycle engine, driven by the server clock', () => {
  test.afterAll(async ({ request }) => {
    await request.post('/api/test/clock', { headers: auth, data: { reset: true } });
  });

  test('the tick refuses callers without the cron secret', async ({ request }) => {
    expect((await request.get('/api/tick')).status()).toBe(401);
    expect((await request.post('/api/tick', { headers: { authorization: 'Bearer wrong-secret' } })).status()).toBe(401);
    expect((await request.post('/api/test/clock', { data: { advanceMs: 1 } })).status()).toBe(401);
  });

  test('an auction past its end reads ended before any tick, and the tick settles it', async ({ page, request }) => {
    const lifecycle = readFixtures<LifecycleFixtures>('lifecycle');
    await page.goto('/');
    await page.getByRole('link', { name: lifecycleAuction.title }).first().click();
    await expect(page).toHaveURL(new RegExp(`/auctions/${lifecycle.auctionId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lifecycleAuction.title);
    await expect(page.locator('header').getByText('拍卖中')).toBeVisible();

    // A minute past its last lot's end the page already says ended, though nothing ran yet.
    const serverNow = (await (await request.get('/api/test/clock', { headers: auth })).json()) as { now: string };
    const advanceMs = Date.parse(lifecycle.lastLotEndsAt) - Date.parse(serverNow.now) + 60_000;
    const moved = await request.post('/api/test/clock', { headers: auth, data: { advanceMs } });
    expect(moved.ok()).toBe(true);
    await page.reload();
    await expect(page.locator('header').getByText('已结束')).toBeVisible();

    const tick = await request.get('/api/tick', { headers: auth });
    expect(tick.ok()).toBe(true);
    const summary = await tick.json();
    expect(summary.transitions).toMatchObject({ 'auction:live→ended': 1, 'lot:live→sold': 2, 'lot:live→unsold': 1 });
    expect(summary.outbox.failed).toBe(0);

    await page.reload();
    await expect(page.getByText('成交', { exact: true })).toHaveCount(2);
    await expect(page.getByText('流拍', { exact: true })).toHaveCount(1);
    await screenshot(page, 'lifecycle-settled');
    await page.goto('/');
    const card = page.getByRole('link', { name: lifecycleAuction.title }).first();
    await expect(card).toContainText(`成交额 ${lifecycleAuction.turnover}`);

    // A second tick at the same moment has nothing left to do.
    const again = await (await request.post('/api/tick', { headers: auth })).json();
    expect(again.transitions).toEqual({});
  });
});
