import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

/** WCAG 2.1 A/AA check; returns the violations so a test can print and assert them. */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function signInToBackoffice(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/admin/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

/** R37: waits until the administrators' simulated mailbox and SMS outbox hold every expected text. */
export async function expectInSimulatedInboxes(admin: Page, texts: { email: string[]; sms: string[] }) {
  await admin.getByRole('link', { name: 'Thông báo' }).click();
  const email = admin.getByRole('region', { name: 'Hộp thư giả lập: Thư điện tử' });
  const sms = admin.getByRole('region', { name: 'Hộp thư giả lập: SMS' });
  await expect(async () => {
    await admin.getByRole('button', { name: 'Tải lại' }).click();
    for (const text of texts.email) {
      await expect(email).toContainText(text, { timeout: 1000 });
    }
    for (const text of texts.sms) {
      await expect(sms).toContainText(text, { timeout: 1000 });
    }
  }).toPass({ timeout: 30_000 });
}
