import { expect, test, type Page } from '@playwright/test';
import type { AdminPeopleFixtures } from './fixtures/admin-people';
import { adminState, readFixtures, screenshot } from './support';

test.use({ storageState: adminState, viewport: { width: 1280, height: 900 } });

const people = () => readFixtures<AdminPeopleFixtures>('admin-people');
const couponTitle = `人员测试券${Date.now() % 100_000}`;

async function inEnglish(page: Page, baseURL: string | undefined) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
}

test.describe.configure({ mode: 'serial' });

test('[ADMIN] the operator creates a coupon, grants it to a buyer and sees them hold it', async ({ page }) => {
  await page.goto('/admin/coupons');
  await expect(page.getByRole('heading', { name: '优惠券', exact: true })).toBeVisible();
  await page.getByTestId('new-coupon').click();
  await expect(page).toHaveURL(/\/admin\/coupons\/new$/);
  // A wrong amount is refused in the form, with the field's own message.
  await page.getByLabel('名称').fill(couponTitle);
  await page.getByLabel('使用门槛（元，0 为无门槛）').fill('abc');
  await page.getByLabel('优惠金额（元）').fill('20');
  await page.getByTestId('coupon-save').click();
  await expect(page.getByText('请输入金额，例如 100 或 99.50')).toBeVisible();
  await page.getByLabel('使用门槛（元，0 为无门槛）').fill('100');
  await page.getByLabel('发放总量').fill('10');
  await page.getByTestId('coupon-save').click();
  await expect(page).toHaveURL(/\/admin\/coupons\/\d+$/);
  await expect(page.getByRole('heading', { name: couponTitle })).toBeVisible();
  await expect(page.getByTestId('coupon-summary')).toContainText('已发放 0 / 10');

  const { grantee } = people();
  const grant = page.getByTestId('grant-form');
  await grant.getByRole('searchbox').fill(grantee.name);
  await grant.getByRole('button', { name: '搜索' }).click();
  await grant.getByTestId('grant-results').getByText(grantee.name).click();
  await expect(grant.getByTestId('grant-picked')).toContainText(grantee.name);
  await grant.getByTestId('grant-submit').click();
  await expect(grant.getByTestId('grant-report')).toContainText(`${grantee.name}：已发放`);
  await expect(page.getByTestId('coupon-summary')).toContainText('已发放 1 / 10');
  // Granting again hits the per-buyer limit, and the report says so.
  await grant.getByTestId('grant-results').getByText(grantee.name).click();
  await grant.getByTestId('grant-submit').click();
  await expect(grant.getByTestId('grant-report')).toContainText('已达每人限领数量');
  await screenshot(page, 'admin-people-coupon-zh');

  await page.getByRole('link', { name: '领取与使用明细' }).click();
  const usage = page.getByTestId('coupon-usage');
  await expect(usage.getByRole('row', { name: new RegExp(grantee.name) })).toContainText('未使用');
  await expect(usage.getByRole('row', { name: new RegExp(grantee.name) })).toContainText('后台发放');
  await screenshot(page, 'admin-people-usage-zh');

  await page.goto('/admin/coupons');
  await expect(page.getByTestId('coupon-table').getByRole('row', { name: new RegExp(couponTitle) })).toContainText(
    '1 / 10',
  );
  await screenshot(page, 'admin-people-coupons-zh');
});

test('[ADMIN] the operator blocks a buyer from bidding, allows them again and lifts their strikes', async ({
  page,
}) => {
  const { blockee } = people();
  await page.goto(`/admin/users?q=${encodeURIComponent(blockee.name)}`);
  const row = page.getByTestId(`user-row-${blockee.id}`);
  await expect(row).toContainText('2 / 3');
  await expect(row.getByTestId('bidding-state')).toHaveText('可以出价');
  await row.getByTestId('block-bidding').click();
  await expect(row.getByRole('alertdialog')).toContainText(`禁止 ${blockee.name} 出价？`);
  await row.getByRole('button', { name: '确定禁止' }).click();
  await expect(row.getByTestId('bidding-state')).toContainText('起禁止出价');
  await screenshot(page, 'admin-people-users-blocked-zh');
  await row.getByTestId('unblock-bidding').click();
  await row.getByRole('button', { name: '确定恢复' }).click();
  await expect(row.getByTestId('bidding-state')).toHaveText('可以出价');
  await row.getByTestId('lift-strikes').click();
  await expect(row.getByRole('alertdialog')).toContainText('2 次违约清零');
  await row.getByRole('button', { name: '确定清除' }).click();
  await expect(row).toContainText('0 / 3');
  await page.goto('/admin/users');
  await expect(page.getByTestId('user-table')).toBeVisible();
  await screenshot(page, 'admin-people-users-zh');
});

test('[ADMIN] the dashboard shows the KPIs and both charts', async ({ page }) => {
  await page.goto('/admin');
  for (const kpi of ['live', 'bidsToday', 'turnoverMonth', 'deposits', 'overdueRate'])
    await expect(page.getByTestId(`kpi-${kpi}`)).toBeVisible();
  await expect(page.getByTestId('kpi-bidsToday')).toContainText('今日出价');
  // The seed has an ended auction with a turnover, so that chart draws bars.
  await expect(page.getByTestId('chart-turnover').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('chart-bids')).toBeVisible();
  await screenshot(page, 'admin-people-dashboard-zh');
});

test('[ADMIN] the audit log lists those actions, filtered by record', async ({ page }) => {
  await page.goto('/admin/audit?entity=coupon');
  const coupons = page.getByTestId('audit-table');
  await expect(coupons.getByRole('row', { name: /新建优惠券/ }).filter({ hasText: couponTitle })).toBeVisible();
  await expect(coupons.getByRole('row', { name: /发放优惠券/ }).first()).toBeVisible();
  await screenshot(page, 'admin-people-audit-zh');
  const { blockee } = people();
  await page.goto(`/admin/audit?entity=user`);
  const users = page.getByTestId('audit-table');
  for (const action of ['禁止出价', '恢复出价', '清除违约'])
    await expect(users.getByRole('row', { name: new RegExp(`${action}.*#${blockee.id}`) }).first()).toBeVisible();
  // Filters narrow by action too.
  await page.locator('select[name="action"]').selectOption('user.liftStrikes');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/action=user.liftStrikes/);
  await expect(page.getByTestId('audit-row').first()).toContainText('清除违约');
});

test('[ADMIN] the people pages in English at 1280 px, and at 375 px', async ({ page, baseURL }) => {
  await inEnglish(page, baseURL);
  for (const [path, name, heading] of [
    ['/admin', 'dashboard', 'Dashboard'],
    ['/admin/coupons', 'coupons', 'Coupons'],
    ['/admin/coupons/new', 'coupon-new', 'New coupon'],
    ['/admin/users', 'users', 'Users'],
    ['/admin/audit', 'audit', 'Audit log'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await screenshot(page, `admin-people-${name}-en`);
  }
  await page.goto('/admin/coupons');
  await page.getByRole('link', { name: couponTitle }).click();
  await expect(page.getByText('Holders and usage')).toBeVisible();
  await screenshot(page, 'admin-people-coupon-en');
  await page.setViewportSize({ width: 375, height: 812 });
  for (const [path, name] of [
    ['/admin', 'dashboard'],
    ['/admin/users', 'users'],
    ['/admin/audit', 'audit'],
  ] as const) {
    await page.goto(path);
    await screenshot(page, `admin-people-${name}-375`);
    // Nothing pushes the page wider than the phone: tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }
});
