// The foundation, seen through a browser: both apps render their first screen in Vietnamese,
// switch to English, are accessible, and the back office signs in and out against the real API.
import { expect, test } from '@playwright/test';
import { seriousA11yViolations, signInToBackoffice } from './helpers.ts';

test('portal home: Vietnamese landmarks, search, lookup and the language switch', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thực hiện thủ tục hành chính trực tuyến');
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('search')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  await expect(page.getByText('Tỉnh An Hòa', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Do administrative procedures online');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('portal: a malformed dossier code is refused next to the field', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Mã số hồ sơ').fill('abc');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByRole('alert')).toContainText('chưa đúng định dạng');
  await expect(page.getByLabel('Mã số hồ sơ')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Mã số hồ sơ').fill(' 000.00.06.h99-260505-0001 ');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page).toHaveURL(/\/tra-cuu\?ma=000\.00\.06\.H99-260505-0001$/);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('back office: sign-in errors, then sign in and out as the demo administrator', async ({ page }) => {
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { name: 'Đăng nhập hệ thống' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'quantri', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng nhập tên đăng nhập.');

  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');

  await signInToBackoffice(page, 'quantri');
  await expect(page.getByText('Quản trị hệ thống', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập hệ thống' })).toBeVisible();
});

test('unknown pages: the app says so; unknown API paths answer JSON 404', async ({ page, request }) => {
  await page.goto('/khong-ton-tai');
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  const response = await request.get('/api/v1/khong-ton-tai');
  expect(response.status()).toBe(404);
  expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
});

test('[WCAG 2.1 AA] no serious or critical axe violations on the portal home and sign-in page', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { name: 'Đăng nhập hệ thống' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
