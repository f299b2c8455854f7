// Issue 4 through a browser: unit administrator creates an officer, who must change the password
// and enrol the second factor at first sign-in; lock/unlock; the system administrator manages the
// agency tree and sectors; a citizen registers with a code read from the simulated mailbox, signs
// in and edits the profile.
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_PASSWORD, seriousA11yViolations, signInToBackoffice } from './helpers.ts';

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập hệ thống' })).toBeVisible();
}

/** Selects the option whose text contains `text` (options are indented by their depth in the tree). */
async function chooseOption(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

async function nextTotp(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) });
}

test('unit administrator creates an officer; first sign-in forces a new password and the second factor', async ({
  page,
}) => {
  await signInToBackoffice(page, 'quantri.stp');
  await page.getByRole('link', { name: 'Tài khoản cán bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản cán bộ', level: 1 })).toBeVisible();
  // Only Sở Tư pháp's officers are listed.
  await expect(page.getByRole('link', { name: 'chuyenvien.stp' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'chuyenvien.sxd' })).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Thêm cán bộ' }).click();
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng nhập họ và tên.');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Ánh');
  await chooseOption(page.getByLabel('Đơn vị', { exact: true }), 'Phòng Hành chính tư pháp');
  await expect(page.getByText('nguyenthianh.stp')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Đã tạo tài khoản' })).toBeVisible();
  const temporary = (await page.locator('code.secret').textContent()) ?? '';
  expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await signOut(page);

  await page.getByLabel('Tên đăng nhập').fill('nguyenthianh.stp');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(temporary);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Đổi mật khẩu trước khi sử dụng' })).toBeVisible();
  // Nothing else is offered meanwhile.
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('password123');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('password123');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('alert')).toContainText('quá phổ biến');
  await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('hoa phượng đỏ sân trường');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('hoa phượng đỏ sân trường');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

  await expect(page.getByRole('heading', { name: 'Thiết lập xác thực hai lớp' })).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
  await expect(page.getByRole('img', { name: /Mã QR/ })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  const secret = (await page.locator('code.totp-setup__secret').textContent()) ?? '';
  await page.getByLabel('Mã xác thực (6 chữ số)').fill(await nextTotp(secret));
  await page.getByRole('button', { name: 'Xác nhận mã' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await page.getByRole('link', { name: 'Tài khoản của tôi' }).click();
  await expect(page.getByText('Đã bật xác thực hai lớp.')).toBeVisible();
  await expect(page.getByText('Chuyên viên xử lý — Phòng Hành chính tư pháp')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await signOut(page);

  // The next sign-in asks for the code after the password.
  await page.getByLabel('Tên đăng nhập').fill('nguyenthianh.stp');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('hoa phượng đỏ sân trường');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Xác thực hai lớp' })).toBeVisible();
  await page.getByLabel('Mã xác thực (6 chữ số)').fill('000000');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByRole('alert')).toContainText('không đúng');
});

test('unit administrator locks and unlocks an officer of its unit', async ({ page }) => {
  await signInToBackoffice(page, 'quantri.stp');
  await page.getByRole('link', { name: 'Tài khoản cán bộ' }).click();
  await page.getByRole('link', { name: 'truongphong.stp' }).click();
  await expect(page.getByRole('heading', { name: /Hoàng Thu Hà/ })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByLabel('Lý do khóa').fill('Nghỉ phép dài ngày');
  await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(page.getByText('Đã khóa', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByText('Đang hoạt động', { exact: true }).first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('system administrator adds a unit, merges it, and manages sectors', async ({ page }) => {
  await signInToBackoffice(page, 'quantri');
  await page.getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Cơ quan, đơn vị', level: 1 })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc: Sở Tư pháp' }).click();
  await page.getByLabel('Mã định danh').fill('000.05.11.H99');
  await page.getByLabel('Tên', { exact: true }).fill('Phòng Thử nghiệm');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('rowheader', { name: 'Phòng Thử nghiệm' })).toBeVisible();

  await page.getByRole('button', { name: 'Ngừng hoạt động / sáp nhập: Phòng Thử nghiệm' }).click();
  await chooseOption(page.getByLabel('Cơ quan tiếp nhận (sáp nhập)'), 'Sở Tư pháp');
  await page.getByRole('button', { name: 'Ngừng hoạt động', exact: true }).click();
  await expect(page.getByText(/Đã đóng\. 0 cán bộ/)).toBeVisible();
  // It stays listed (valid until the end of today), marked as merged, with no actions left.
  await expect(page.getByRole('button', { name: 'Sửa: Phòng Thử nghiệm' })).toHaveCount(0);
  await expect(
    page.getByRole('rowheader', { name: /Phòng Thử nghiệm.*sáp nhập vào Sở Tư pháp/ }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Lĩnh vực' }).click();
  // A name no demo field uses: the catalogue tests filter by the demo field “Chứng thực”.
  await page.getByLabel('Mã', { exact: true }).fill('tn-e2e');
  await page.getByLabel('Tên', { exact: true }).fill('Lĩnh vực thử nghiệm');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('rowheader', { name: 'Lĩnh vực thử nghiệm' })).toBeVisible();
  await page.getByRole('button', { name: 'Ngừng dùng: Lĩnh vực thử nghiệm' }).click();
  await expect(page.getByRole('button', { name: 'Dùng lại: Lĩnh vực thử nghiệm' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

async function codeFromMailbox(browser: Browser, recipient: string): Promise<string> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const admin = await context.newPage();
  await signInToBackoffice(admin, 'quantri');
  await admin.getByRole('link', { name: 'Hộp thư mô phỏng' }).click();
  await expect(admin.getByText(/MÔ PHỎNG: hệ thống chưa kết nối/)).toBeVisible();
  expect(await seriousA11yViolations(admin)).toEqual([]);
  const row = admin.getByRole('row', { name: new RegExp(recipient) }).first();
  const text = (await row.textContent()) ?? '';
  await context.close();
  return /\b(\d{6})\b/.exec(text)?.[1] ?? '';
}

test('a citizen registers with a phone number, verifies with the code, signs in and edits the profile', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Đăng ký tài khoản' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng ký tài khoản' })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng nhập họ và tên.');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel('Họ và tên').fill('Lâm Thị Thu');
  await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('0933 222 111');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('thu vàng lá rơi đầy ngõ');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('thu vàng lá rơi đầy ngõ');
  await page.getByRole('button', { name: 'Đăng ký' }).click();

  await expect(page.getByRole('heading', { name: 'Nhập mã xác thực' })).toBeVisible();
  await expect(page.getByText('0933***111', { exact: false })).toBeVisible();
  await expect(page.getByText(/tin nhắn không được gửi thật/)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  const code = await codeFromMailbox(browser, '0933222111');
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel('Mã xác thực (6 chữ số)').fill(code);
  await page.getByRole('button', { name: 'Xác thực' }).click();

  await expect(page.getByText('Tài khoản đã được xác thực. Mời bạn đăng nhập.')).toBeVisible();
  await page.getByLabel('Mật khẩu', { exact: true }).fill('thu vàng lá rơi đầy ngõ');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible();
  await expect(page.getByText('0933222111 (đã xác thực)')).toBeVisible();

  await page.getByLabel('Ngày sinh').fill('31/02/1995');
  await page.getByLabel('Số CCCD (12 chữ số)').fill('079195000123');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert')).toContainText('Ngày sinh phải theo dạng dd/mm/yyyy');
  await page.getByLabel('Ngày sinh').fill('14/02/1996');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert')).toContainText('không khớp năm sinh');
  await page.getByLabel('Ngày sinh').fill('14/02/1995');
  await page.getByLabel('Địa chỉ').fill('Số 3 đường Lê Lợi, phường Hòa Bình');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Ngày sinh')).toHaveValue('14/02/1995');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('link', { name: 'Đăng nhập' }).first()).toBeVisible();
});

// The reset uses the citizen registered in the test above, not the demo citizen: later browser tests
// (intake, channels) sign in as the demo citizen with the published demo password.
test('the portal shows the demo sign-in; a forgotten password is reset by code', async ({
  page,
  browser,
}) => {
  await page.goto('/dang-nhap');
  await expect(page.getByText(`0912345678 / ${DEMO_PASSWORD}`)).toBeVisible();
  await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
  await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('0933222111');
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  await expect(page.getByText(/mã đặt lại mật khẩu đã được gửi đến 0933\*\*\*111/)).toBeVisible();
  const code = await codeFromMailbox(browser, '0933222111');
  await page.getByLabel('Mã xác thực (6 chữ số)').fill(code);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mùa xuân con én đưa thoi');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('mùa xuân con én đưa thoi');
  await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await expect(page.getByText('Đã đặt mật khẩu mới. Mời bạn đăng nhập.')).toBeVisible();
  await page.getByLabel('Mật khẩu', { exact: true }).fill('mùa xuân con én đưa thoi');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible();
  await expect(page.getByLabel('Số CCCD (12 chữ số)')).toHaveValue('079195000123');
});

test('a citizen signs in with the identity account (local OpenID provider standing in for VNeID)', async ({
  page,
}) => {
  await page.goto('/dang-nhap');
  await expect(page.getByText(/MÔ PHỎNG thay cho VNeID/)).toBeVisible();
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh' }).click();
  await expect(page.getByRole('heading', { name: /Hệ thống định danh điện tử \(MÔ PHỎNG\)/ })).toBeVisible();
  await page.getByLabel('Số định danh cá nhân').fill('048085000321');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Nguyễn Văn Sáu');
  await expect(page.getByLabel('Số CCCD (12 chữ số)')).toHaveValue('048085000321');
  await expect(page.getByText('vneid:level2')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
