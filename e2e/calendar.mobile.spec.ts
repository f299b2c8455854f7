// The working-calendar screen on a 375 px phone: no horizontal scrolling, accessible.
import { expect, test } from '@playwright/test';
import { seriousA11yViolations, signInToBackoffice } from './helpers.ts';

test('the working calendar fits a 375 px phone and passes axe', async ({ page }) => {
  await signInToBackoffice(page, 'quantri');
  await page.goto('/admin/lich-lam-viec');
  await expect(page.getByRole('heading', { name: /Lịch mặc định của tỉnh — Năm/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
});
