import { expect, test } from '@playwright/test';
import { demo, freshPhone, screenshot, signIn } from './support';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('[SIGNUP] a new buyer fixes the form, signs up and sees the demo auctions', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('昵称').fill('茶客小林');
  await page.getByLabel('手机号').fill('12345');
  await page.getByLabel('邮箱（选填）').fill('not-an-email');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('different');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await expect(page.getByText('请输入 11 位中国大陆手机号')).toBeVisible();
  await expect(page.getByText('邮箱格式不正确')).toBeVisible();
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await screenshot(page, 'signup-errors-375');

  // A number the seed already registered: the server answers on the field itself.
  await page.getByLabel('手机号').fill('13800000001');
  await page.getByLabel('邮箱（选填）').fill('');
  await page.getByLabel('密码', { exact: true }).fill('tea-lover-2026');
  await page.getByLabel('确认密码').fill('tea-lover-2026');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await expect(page.getByText('该手机号已注册，请直接登录')).toBeVisible();

  // Typed with spaces, as people write numbers; a fresh one, so the spec can run again on the same server.
  const phone = freshPhone();
  await page.getByLabel('手机号').fill(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
  await page.getByRole('button', { name: '注册并登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: '拍卖专场' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('茶客小林');
  for (const title of demo.publishedAuctions) {
    await expect(page.getByTestId('auction-card').filter({ hasText: title })).toHaveCount(1);
  }
  await expect(page.getByText(demo.draftAuction)).toHaveCount(0);
  await screenshot(page, 'home-375');

  await page.getByText(demo.exampleAuction).click();
  await expect(page.getByRole('heading', { name: demo.exampleAuction })).toBeVisible();
  await expect(page.getByTestId('lot-card')).toHaveCount(3);
  await expect(page.getByTestId('lot-card').first()).toContainText('¥500.00');
  await screenshot(page, 'auction-375');
});

test('[LOGIN] a wrong password gets one plain message and no session', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, { identifier: demo.buyer.identifier, password: 'not-the-password' });
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('手机号/邮箱或密码不正确');
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, 'login-error-375');
});

test('[I18N] a buyer switches the site to English and back', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Auctions' })).toBeVisible();
  await expect(page.getByText('Session deposit ¥1,000.00').first()).toBeVisible();
  await screenshot(page, 'home-en-375');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '拍卖专场' })).toBeVisible();
});

test('[404] an unknown address shows a page that leads home', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page.getByRole('heading', { name: '拍卖专场' })).toBeVisible();
  const missingAuction = await page.goto('/auctions/999999');
  expect(missingAuction?.status()).toBe(404);
});
