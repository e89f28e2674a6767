import { expect, test, type Page } from '@playwright/test';
import type { BuyerOrdersFixtures } from './fixtures/buyer-orders';
import { readFixtures, screenshot, signIn } from './support';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const fixtures = () => readFixtures<BuyerOrdersFixtures>('buyer-orders');

/** Screenshots one page in Chinese, then in English, and leaves the browser in Chinese. */
async function shootBothLanguages(page: Page, name: string) {
  await screenshot(page, `buyer-orders-${name}-zh`);
  const url = new URL(page.url());
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: url.origin }]);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, `buyer-orders-${name}-en`);
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: url.origin }]);
  await page.reload();
}

async function signInAs(page: Page, who: 'winner' | 'loser') {
  const f = fixtures();
  await page.goto('/login');
  await signIn(page, { identifier: f[who].phone, password: f.password });
  await expect(page.getByTestId('current-user')).toContainText(f[who].name);
}

test('[ORDERS] the winner adds an address, claims and applies a coupon, and pays through the sandbox', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const f = fixtures();
  await signInAs(page, 'winner');

  await page.goto('/me');
  await expect(page.getByRole('heading', { name: '我的' })).toBeVisible();
  await expect(page.getByRole('link', { name: '消息通知' })).toHaveAttribute('href', '/me/notifications');
  await shootBothLanguages(page, 'account');

  await page.goto('/me/orders');
  const card = page.getByTestId('order-card').filter({ hasText: f.auctionTitle });
  await expect(card.getByTestId('order-status')).toHaveText('待付款');
  await expect(card.getByTestId('pay-countdown')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  await shootBothLanguages(page, 'orders');

  await page.getByTestId('order-card').filter({ hasText: f.auctionTitle }).click();
  await expect(page).toHaveURL(new RegExp(`/me/orders/${f.orderId}$`));
  // No address yet: the form to add one is open.
  await page.getByLabel('收货人').fill('白浩伟');
  await page.getByLabel('手机号').fill('1380000');
  await page.getByLabel('省份').fill('浙江省');
  await page.getByLabel('城市').fill('杭州市');
  await page.getByLabel('详细地址').fill('龙井路 1 号');
  await page.getByRole('button', { name: '保存地址' }).click();
  await expect(page.getByText('请输入 11 位中国大陆手机号')).toBeVisible();
  await page.getByLabel('手机号').fill('13800000001');
  await page.getByRole('button', { name: '保存地址' }).click();
  await expect(page.getByRole('radio', { checked: true }).first()).toBeVisible();
  await expect(page.getByText('龙井路 1 号')).toBeVisible();
  const subtotal = (await page.getByTestId('pay-total').textContent())!;

  await page.getByRole('link', { name: '去领券' }).click();
  await expect(page).toHaveURL(/\/coupons$/);
  const coupon = page.getByTestId('claimable-coupon').filter({ hasText: f.couponTitle });
  await coupon.getByRole('button', { name: '领取' }).click();
  await expect(coupon.getByText('已领取')).toBeVisible();
  await expect(page.getByTestId('my-coupon').filter({ hasText: f.couponTitle })).toContainText('可使用');
  await shootBothLanguages(page, 'coupons');

  await page.goto(`/me/orders/${f.orderId}`);
  await page.getByTestId('coupon-choice').filter({ hasText: f.couponTitle }).click();
  await expect(page.getByTestId('pay-discount')).toHaveText('−¥20.00');
  const total = (await page.getByTestId('pay-total').textContent())!;
  expect(total).not.toBe(subtotal);
  await expect(page.getByTestId('pay-order')).toContainText(total);
  await shootBothLanguages(page, 'order-pay');

  await page.getByTestId('coupon-choice').filter({ hasText: f.couponTitle }).click();
  await page.getByTestId('pay-order').click();
  await expect(page).toHaveURL(/\/sandbox\/pay\//);
  await expect(page.getByText(total)).toBeVisible();
  await page.getByRole('button', { name: '确认支付' }).click();
  await expect(page.getByRole('status')).toHaveText('支付成功');

  await page.goto(`/me/orders/${f.orderId}`);
  await expect(page.getByTestId('order-status')).toHaveText('已付款');
  await expect(page.getByTestId('order-total')).toHaveText(total);
  await shootBothLanguages(page, 'order-paid');

  await page.goto('/me/addresses');
  await expect(page.getByTestId('address')).toContainText('默认地址');
  await shootBothLanguages(page, 'addresses');

  await page.goto('/me/bids');
  await expect(page.getByTestId('bid-card').filter({ hasText: f.auctionTitle }).getByTestId('bid-state')).toHaveText(
    '已拍下',
  );
  await shootBothLanguages(page, 'bids');
});

test('[ORDERS] the loser sees the deposit refunded in full', async ({ page }) => {
  const f = fixtures();
  await signInAs(page, 'loser');
  await page.goto('/me/deposits');
  const deposit = page.getByTestId('deposit-card').filter({ hasText: f.auctionTitle });
  await expect(deposit.getByTestId('deposit-status')).toHaveText('已退还');
  await expect(deposit.getByTestId('deposit-refunded')).toHaveText('¥1,000.00');
  await expect(deposit.getByTestId('deposit-balance')).toHaveText('¥0.00');
  await deposit.getByText('明细').click();
  await expect(deposit.getByText('退款 ¥1,000.00')).toBeVisible();
  await shootBothLanguages(page, 'deposits');

  await page.goto('/me/bids');
  await expect(page.getByTestId('bid-card').filter({ hasText: f.auctionTitle }).getByTestId('bid-state')).toHaveText(
    '未拍中',
  );
});

test('[ORDERS] a signed-out visitor is sent to sign in and comes back to the page', async ({ page }) => {
  await page.goto('/me/orders');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme%2Forders/);
});
