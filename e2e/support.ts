import path from 'node:path';
import type { Page } from '@playwright/test';

/** Demo accounts created by the seed (scripts/seed/demo-accounts.ts). */
export const demo = {
  admin: { identifier: 'admin@gavel.test', password: 'gavel-admin', name: '运营小周' },
  buyer: { identifier: '13800000003', password: 'gavel-buyer', name: '朱凡宇' },
  exampleAuction: '茶书与老茶 · 第一期专场',
};

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
