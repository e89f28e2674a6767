import { expect, test } from '@playwright/test';
import { CRON_SECRET, demo, screenshot } from './support';

const auth = { authorization: `Bearer ${CRON_SECRET}` };

// Runs after the other specs (files run in order, one worker): it moves the server's clock.
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
    await page.goto('/');
    await page.getByRole('link', { name: demo.exampleAuction }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demo.exampleAuction);
    await expect(page.locator('header').getByText('拍卖中')).toBeVisible();

    // Two hours and a minute later the page already says ended, though nothing ran yet.
    const moved = await request.post('/api/test/clock', { headers: auth, data: { advanceMs: (2 * 60 + 1) * 60_000 } });
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
    await screenshot(page, 'lifecycle-example-settled');
    await page.goto('/');
    const card = page.getByRole('link', { name: demo.exampleAuction }).first();
    await expect(card).toContainText('成交额 ¥10,500.00');

    // A second tick at the same moment has nothing left to do.
    const again = await (await request.post('/api/tick', { headers: auth })).json();
    expect(again.transitions).toEqual({});
  });
});
