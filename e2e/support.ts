import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Demo accounts created by the seed (scripts/seed/demo-accounts.ts). */
export const demo = {
  admin: { identifier: 'admin@gavel.test', password: 'gavel-admin', name: '运营小周' },
  buyer: { identifier: '13800000003', password: 'gavel-buyer', name: '朱凡宇' },
  exampleAuction: '茶书与老茶 · 第一期专场',
  /** Every auction the seed creates, published ones first; no spec changes them. */
  publishedAuctions: [
    '茶书与老茶 · 第一期专场',
    '武夷岩茶品鉴专场',
    '明前龙井 · 春茶预展',
    '普洱老茶秋拍',
    '白茶专场 · 福鼎老白茶',
  ],
  draftAuction: '茶器专场（筹备中）',
  /** The seed's settled auction and its turnover. */
  endedAuction: { title: '白茶专场 · 福鼎老白茶', turnover: '¥2,600.00' },
};

/** playwright.config.ts starts the server on this (throwaway) data directory. */
export const DATA_DIR = '.data/e2e';

/**
 * The auction lifecycle.spec.ts settles, its own so that the seed's stay as every other spec
 * reads them: live when the server starts, ending an hour later (the seed's first auction ends
 * after two), bought by two buyers of its own. e2e/fixtures/lifecycle.ts creates it.
 */
export const lifecycleAuction = {
  title: '生命周期测试专场',
  lots: [
    { title: '测试拍品甲', bids: [['rival', 100] as const, ['winner', 300] as const] },
    { title: '测试拍品乙', bids: [['rival', 100] as const] },
    { title: '测试拍品丙', bids: [] },
  ],
  endsInMs: 60 * 60_000,
  /** The bids above, in yuan: ¥300 + ¥100. */
  turnover: '¥400.00',
};

/**
 * Each file in e2e/fixtures/ prepares one area's data before the server starts and writes
 * what its specs need to know (ids, references) to its own JSON file in the data directory.
 */
export const fixturesFile = (dataDir: string, area: string) => path.join(dataDir, `e2e-fixtures-${area}.json`);

export function writeFixtures(dataDir: string, area: string, data: unknown): void {
  const file = fixturesFile(dataDir, area);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  console.log(`e2e fixtures written to ${path.relative(process.cwd(), file)}`);
}

export function readFixtures<T>(area: string): T {
  return JSON.parse(fs.readFileSync(fixturesFile(DATA_DIR, area), 'utf8')) as T;
}

/** What e2e/fixtures/lifecycle.ts wrote for lifecycle.spec.ts. */
export type LifecycleFixtures = { auctionId: number; lastLotEndsAt: string };

/** The server's cron secret (playwright.config.ts starts it with this one). */
export const CRON_SECRET = 'e2e-cron-secret-not-for-production';

// Playwright runs from the project root (where its config is).
const e2eDir = path.resolve('e2e');

export const adminState = path.join(e2eDir, '.auth', 'admin.json');

/** Key screens are kept for people to look at (gitignored). */
export function screenshot(page: Page, name: string) {
  return page.screenshot({ path: path.join(e2eDir, 'screenshots', `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, { identifier, password }: { identifier: string; password: string }) {
  await page.getByLabel('手机号或邮箱').fill(identifier);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

let phones = 0;

/** A mobile number no earlier run on this server registered, for specs that sign up. */
export function freshPhone(): string {
  phones += 1;
  return `139${String(Date.now()).slice(-6)}${String(phones % 100).padStart(2, '0')}`;
}

/**
 * Signs a new buyer up through the sign-up page, for a spec that needs an account of its own
 * (the sign-in limits it uses up are then nobody else's). Leaves the page signed in as them.
 */
export async function signUpBuyer(page: Page, name = '测试买家') {
  const buyer = { identifier: freshPhone(), password: 'e2e-buyer-password', name };
  await page.goto('/signup');
  await page.getByLabel('昵称').fill(name);
  await page.getByLabel('手机号').fill(buyer.identifier);
  await page.getByLabel('密码', { exact: true }).fill(buyer.password);
  await page.getByLabel('确认密码').fill(buyer.password);
  await page.getByRole('button', { name: '注册并登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText(name);
  return buyer;
}

/**
 * Fills a field of a react-hook-form form and checks it took. Right after the form appears,
 * its field array may still be registering inputs and writing their defaults, which can land
 * between Playwright's select-all and its typing (100 then 80 gives 10080).
 */
export async function fillFormField(field: Locator, value: string) {
  await expect(async () => {
    await field.fill(value);
    await expect(field).toHaveValue(value, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}
