import { expect, test, type Page } from '@playwright/test';
import { adminState, demo, screenshot, signIn } from './support';

/** ¥12,345.67 → 1234567 fen. */
const fen = (text: string) => Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);

/** The 累计成交额 column of /admin/auctions (one page holds the seed's and the specs' auctions). */
async function listedTurnover(page: Page) {
  await page.goto('/admin/auctions');
  const cells = await page.locator('tbody tr td[data-column="turnover"]').allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  return cells.reduce((total, cell) => total + fen(cell), 0);
}

test('[ADMIN] an admin who opens /admin signs in and lands on the dashboard', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin|\/login\?callbackUrl=\/admin/);
  await signIn(page, demo.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: '概览' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText(demo.admin.name);
  const stats = page.getByTestId('dashboard-stats');
  await expect(stats.getByText('拍卖中')).toBeVisible();
  await expect(page.getByRole('cell', { name: demo.draftAuction })).toBeVisible();
  await screenshot(page, 'admin-dashboard');
  // Other specs may have settled auctions of their own by now: the figure must add up, whatever they did.
  const turnover = stats
    .locator('div', { has: page.getByText('累计成交额', { exact: true }) })
    .locator('p')
    .nth(1);
  const shown = fen(await turnover.innerText());
  expect(shown).toBeGreaterThanOrEqual(fen(demo.endedAuction.turnover));
  expect(await listedTurnover(page)).toBe(shown);
});

test.describe('signed in as admin', () => {
  test.use({ storageState: adminState });

  test('[ADMIN] the auctions list shows drafts too, on a phone as well', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/admin/auctions');
    await expect(page.getByRole('heading', { name: '拍卖专场' })).toBeVisible();
    for (const title of [...demo.publishedAuctions, demo.draftAuction]) {
      await expect(page.getByRole('cell', { name: title, exact: true })).toBeVisible();
    }
    const ended = page.getByRole('row').filter({ has: page.getByRole('cell', { name: demo.endedAuction.title }) });
    await expect(ended).toContainText(demo.endedAuction.turnover);
    await screenshot(page, 'admin-auctions-375');
  });
});

test('[ADMIN] a buyer who opens /admin is refused', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, demo.buyer);
  await expect(page.getByTestId('current-user')).toContainText(demo.buyer.name);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: '没有访问权限' })).toBeVisible();
  await expect(page.getByText('概览')).toHaveCount(0);
  await screenshot(page, 'admin-refused-buyer');

  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
  const afterSignOut = await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
  expect(afterSignOut?.status()).toBe(200);
});
