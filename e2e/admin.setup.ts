import { expect, test as setup } from '@playwright/test';
import { adminState, demo, signIn } from './support';

setup('admin signs in once for the admin tests', async ({ page }) => {
  await page.goto('/login?callbackUrl=/admin');
  await signIn(page, demo.admin);
  await expect(page.getByRole('heading', { name: '概览' })).toBeVisible();
  await page.context().storageState({ path: adminState });
});
