import { expect, test, type Page } from '@playwright/test';
import type { AdminCatalogueFixtures } from './fixtures/admin-catalogue';
import { adminState, fillFormField, readFixtures, screenshot } from './support';

test.use({ storageState: adminState, viewport: { width: 1280, height: 900 } });

/** A real PNG header: the upload is judged by its bytes, not its name. */
const png = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e7b4d2d00000000049454e44ae426082',
    'hex',
  ),
});

const fixtures = () => readFixtures<AdminCatalogueFixtures>('admin-catalogue');

async function inEnglish(page: Page) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() || 'http://127.0.0.1' }]);
}

async function shootBoth(page: Page, name: string) {
  await screenshot(page, `${name}-zh-CN`);
  await inEnglish(page);
  await page.reload();
  await screenshot(page, `${name}-en`);
  await page.context().clearCookies({ name: 'NEXT_LOCALE' });
  await page.reload();
}

test('[CATALOGUE] an operator creates an auction with two lots and images, publishes it, and buyers see it', async ({
  page,
}) => {
  const title = `目录测试新专场 ${Date.now() % 100_000}`;
  await page.goto('/admin/auctions/new');
  await expect(page.getByRole('heading', { name: '新建专场' })).toBeVisible();
  await shootBoth(page, 'admin-auction-new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('介绍').fill('端到端测试创建的专场。');
  const cover = page.locator('fieldset').first().locator('input[type=file]').first();
  await cover.setInputFiles(png('cover.png'));
  await expect(page.locator('fieldset').first().locator('img')).toHaveCount(1);
  await expect(page.getByLabel('全场保证金（¥）')).toHaveValue('1000');
  await page.getByRole('button', { name: '创建草稿' }).click();
  await expect(page).toHaveURL(/\/admin\/auctions\/\d+\/edit$/);
  const editUrl = page.url();

  for (const lot of ['第一件：龙井', '第二件：普洱']) {
    await page.getByRole('link', { name: '添加拍品' }).click();
    await expect(page.getByRole('heading', { name: '添加拍品' })).toBeVisible();
    if (lot.startsWith('第一件')) await shootBoth(page, 'admin-lot-new');
    await page.getByLabel('标题').fill(lot);
    await page.getByLabel('起拍价（¥）').fill('100');
    await expect(page.getByLabel('单品保证金（¥）')).toHaveValue('200');
    const files = page.getByTestId('lot-form').locator('input[type=file]');
    await files.nth(0).setInputFiles(png('lot-cover.png'));
    await files.nth(1).setInputFiles(png('lot-1.png'));
    await expect(page.getByTestId('gallery').locator('img')).toHaveCount(1);
    await files.nth(1).setInputFiles(png('lot-2.png'));
    await expect(page.getByTestId('gallery').locator('img')).toHaveCount(2);
    await page.getByRole('button', { name: '添加拍品' }).click();
    await expect(page).toHaveURL(editUrl);
  }
  await expect(page.getByTestId('lot-row')).toHaveCount(2);
  await expect(page.getByTestId('lot-row').first()).toContainText('2 张图片');

  // A wrong file is refused with a message, before anything is stored.
  await page.goto(`${editUrl}/lots/new`);
  await page
    .getByTestId('lot-form')
    .locator('input[type=file]')
    .nth(0)
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await expect(page.getByText('不支持此文件类型')).toBeVisible();
  await page.goto(editUrl);

  await shootBoth(page, 'admin-auction-edit');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByTestId('auction-controls').getByRole('button', { name: '取消专场' })).toBeVisible();
  await expect(page.locator('h1 + span')).toHaveText('未开拍');

  await page.goto('/admin/auctions?q=' + encodeURIComponent(title));
  await expect(page.getByTestId('auction-row')).toHaveCount(1);
  await expect(page.getByTestId('auction-row')).toContainText('未开拍');
  await page.goto('/');
  await expect(page.getByText(title)).toBeVisible();
});

test("[CATALOGUE] during preview an operator edits a lot's text but is refused on its price", async ({ page }) => {
  const { previewAuctionId, previewLotId } = fixtures();
  await page.goto(`/admin/auctions/${previewAuctionId}/edit/lots/${previewLotId}`);
  await expect(page.getByText('预展中：只能修改文字和图片')).toBeVisible();
  await shootBoth(page, 'admin-lot-edit-preview');
  await page.getByLabel('标题').fill('预展中的普洱（改名）');
  await page.getByLabel('起拍价（¥）').fill('250');
  await page.getByRole('button', { name: '保存拍品' }).click();
  await expect(page.getByRole('alert').first()).toContainText('当前状态下这些内容不能再修改');
  await expect(page.getByText('当前状态下不可修改', { exact: false }).first()).toBeVisible();
  await page.getByLabel('起拍价（¥）').fill('300');
  await page.getByRole('button', { name: '保存拍品' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await page.goto(`/admin/auctions/${previewAuctionId}/edit`);
  await expect(page.getByTestId('lot-row')).toContainText('预展中的普洱（改名）');
  await expect(page.getByTestId('lot-row')).toContainText('¥300.00');
});

test("[CATALOGUE] an operator relists an ended auction's unsold lots into a second auction", async ({ page }) => {
  const { endedAuctionId } = fixtures();
  await page.goto(`/admin/auctions/${endedAuctionId}/edit`);
  await page.getByRole('link', { name: '流拍拍品再拍' }).click();
  await expect(page.getByRole('heading', { name: '流拍拍品再拍' })).toBeVisible();
  await expect(page.getByTestId('relist-lot')).toHaveCount(2);
  await shootBoth(page, 'admin-relist');
  await fillFormField(page.getByTestId('relist-lot').nth(0).getByLabel('起拍价（¥）'), '80');
  await fillFormField(page.getByTestId('relist-lot').nth(1).getByLabel('起拍价（¥）'), '60');
  await page.getByRole('button', { name: '创建二拍专场' }).click();
  await expect(page).toHaveURL(/\/admin\/auctions\/\d+\/edit$/);
  await expect(page.getByRole('heading', { name: '目录测试：已结束的专场（二拍）' })).toBeVisible();
  await expect(page.getByTestId('lot-row')).toHaveCount(2);
  await expect(page.getByTestId('lot-row').nth(0)).toContainText('流拍的白茶');
  await expect(page.getByTestId('lot-row').nth(0)).toContainText('¥80.00');
  await expect(page.locator('h1 + span')).toHaveText('待发布');
});

test('[CATALOGUE] the auctions list filters, searches and sorts, at 1280 and on a phone', async ({ page }) => {
  await page.goto('/admin/auctions?status=ended');
  await expect(page.getByTestId('auction-row').first()).toContainText('已结束');
  for (const row of await page.getByTestId('auction-row').all()) await expect(row).toContainText('已结束');
  await page.goto('/admin/auctions?q=' + encodeURIComponent('不存在的专场名'));
  await expect(page.getByText('没有符合条件的专场')).toBeVisible();
  await page.goto('/admin/auctions?sort=turnover');
  await shootBoth(page, 'admin-auctions');
  await page.setViewportSize({ width: 375, height: 812 });
  const { previewAuctionId } = fixtures();
  await page.goto(`/admin/auctions/${previewAuctionId}/edit`);
  await screenshot(page, 'admin-auction-edit-375');
  await expect(page.getByText('预展中：只能修改标题、介绍、封面和视频。')).toBeVisible();
});
