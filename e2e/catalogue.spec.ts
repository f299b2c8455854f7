// The procedure catalogue through a browser (issue 5): the citizen finds a procedure from the home
// page without diacritics, reads every component, tries the e-form; the agencies directory leads to
// an agency's procedures; a focal point edits and publishes a draft in the back office and the
// portal shows it. Accessibility: axe finds no serious or critical violation on the portal pages.
import { expect, test } from '@playwright/test';
import { todayInVietnam } from '../src/domain/time/vietnam-date.ts';
import { DEMO_PASSWORD, seriousA11yViolations, signInToBackoffice } from './helpers.ts';

test('[R3] search from the home page without diacritics, then read the procedure page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Tư pháp/ }).first()).toBeVisible();
  await page.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(/\/thu-tuc\?q=dang%20ky%20khai%20sinh/);
  await expect(page.getByRole('status').first()).toContainText('Tìm thấy');
  const first = page.locator('.result-item').first();
  await expect(first.getByRole('link')).toHaveText('Thủ tục đăng ký khai sinh');
  await first.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' })).toBeVisible();
  for (const section of ['Trình tự thực hiện', 'Cách thức thực hiện', 'Thành phần hồ sơ', 'Căn cứ pháp lý']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByText('Miễn phí')).toBeVisible();
  await expect(page.getByText('1 ngày làm việc', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Tải To-khai-dang-ky-khai-sinh\.pdf/ })).toHaveAttribute(
    'href',
    /\/api\/v1\/procedure-files\//,
  );
  await expect(page.getByText(/Công bố theo Quyết định số 1250\/QĐ-UBND/)).toBeVisible();
  await expect(page.getByText(/nội dung mới áp dụng từ ngày/)).toBeVisible();

  const submit = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
  const wizard = (await submit.getAttribute('href')) ?? '';
  await submit.click();
  await expect(page.getByText('Vui lòng đăng nhập để nộp và theo dõi hồ sơ trực tuyến.')).toBeVisible();
  // Signed in, the same link opens the wizard with the procedure's e-form: prefill and conditional fields.
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('0912345678');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible();
  await page.goto(wizard);
  await page.getByRole('button', { name: 'Điền sẵn từ hồ sơ cá nhân' }).click();
  await expect(page.getByLabel('Họ, chữ đệm, tên người yêu cầu')).toHaveValue('Trần Văn Dân (demo)');
  await expect(page.getByLabel('Ghi rõ quan hệ')).toHaveCount(0);
  await page.getByLabel('Khác', { exact: true }).check();
  await expect(page.getByLabel('Ghi rõ quan hệ')).toBeVisible();
});

test('[R3] filters narrow the results and live in the URL', async ({ page }) => {
  await page.goto('/thu-tuc');
  await page.getByLabel('Ngành, lĩnh vực').selectOption({ label: '— Chứng thực' });
  await page.getByLabel('Mức độ trực tuyến').selectOption({ label: 'Trực tuyến một phần' });
  await page.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(page).toHaveURL(/sector=G15-CT/);
  await expect(page).toHaveURL(/online=partial/);
  const items = page.locator('.result-item');
  await expect(items.first()).toBeVisible();
  // The previous page's results stay on screen until the filtered ones arrive: wait for those.
  await expect
    .poll(async () => {
      const texts = await items.allTextContents();
      return (
        texts.length > 0 && texts.every((t) => t.includes('Chứng thực') && t.includes('Trực tuyến một phần'))
      );
    })
    .toBe(true);
});

test('[R1] the agencies directory lists contacts and leads to each agency’s procedures', async ({ page }) => {
  await page.goto('/co-quan');
  const stp = page.locator('[id="000.00.11.H99"]');
  await expect(stp.getByRole('heading', { name: 'Sở Tư pháp' })).toBeVisible();
  await expect(stp).toContainText('0299 3800 111');
  await expect(stp).toContainText('stp@anhoa.example.vn');
  await expect(stp).toContainText('Trung tâm Phục vụ hành chính công tỉnh An Hòa');
  await stp.getByRole('link', { name: /Xem \d+ thủ tục/ }).click();
  await expect(page).toHaveURL(/agency=000\.00\.11\.H99/);
  await expect(page.locator('.result-item').first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: /^Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam/ }).first(),
  ).toBeVisible();
});

test('[WCAG 2.1 AA] no serious or critical axe violations on home, search results and a procedure page', async ({
  page,
}) => {
  const counts: Record<string, number> = {};
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Thủ tục được xem nhiều' })).toBeVisible();
  await expect(page.locator('.sector-grid a').first()).toBeVisible();
  counts.home = (await seriousA11yViolations(page)).length;
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.goto('/thu-tuc?q=chung%20thuc');
  await expect(page.locator('.result-item').first()).toBeVisible();
  counts.search = (await seriousA11yViolations(page)).length;
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.goto('/thu-tuc/1.001193');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  counts.procedure = (await seriousA11yViolations(page)).length;
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.goto('/co-quan');
  await expect(page.getByRole('heading', { name: 'Sở Tư pháp' })).toBeVisible();
  counts.agencies = (await seriousA11yViolations(page)).length;
  expect(await seriousA11yViolations(page)).toEqual([]);
  console.log(`axe serious/critical violations: ${JSON.stringify(counts)}`);
});

test('[R4] back office: edit the pending draft, compare, publish; the portal shows the new version', async ({
  page,
}) => {
  const today = todayInVietnam();
  await signInToBackoffice(page, 'quantri');
  await page.getByRole('link', { name: 'Thủ tục hành chính' }).click();
  await page.getByLabel('Trạng thái').selectOption({ label: 'Có bản dự thảo' });
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByRole('link', { name: 'Thủ tục đăng ký kết hôn', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký kết hôn' })).toBeVisible();

  await page.getByRole('link', { name: 'Sửa bản dự thảo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sửa bản dự thảo số 2' })).toBeVisible();
  await page
    .getByLabel('Ghi chú về thời hạn')
    .fill('Trả kết quả ngay trong buổi làm việc (bản sửa đổi thử nghiệm).');
  await page.getByRole('button', { name: 'Sửa biểu mẫu điện tử' }).first().click();
  const definition = page.getByLabel('Định nghĩa (JSON: schema + layout)');
  await expect(page.getByRole('group', { name: 'Tờ khai đăng ký kết hôn' })).toBeVisible();
  const json = JSON.parse(await definition.inputValue());
  json.layout.title.vi = 'Tờ khai đăng ký kết hôn (mẫu mới)';
  await definition.fill(JSON.stringify(json, null, 2));
  await expect(page.getByRole('group', { name: 'Tờ khai đăng ký kết hôn (mẫu mới)' })).toBeVisible();
  await definition.fill('{ "schema": ');
  await expect(page.getByText('JSON chưa hợp lệ.')).toBeVisible();
  await definition.fill(JSON.stringify(json, null, 2));
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByRole('button', { name: 'Lưu bản dự thảo' }).click();
  await expect(page.getByRole('status').or(page.locator('.alert--success'))).toContainText(
    'Đã lưu bản dự thảo',
  );

  await page.getByRole('link', { name: '← Quay lại' }).click();
  await page.getByRole('button', { name: /So sánh với bản trước/ }).click();
  await expect(page.getByRole('rowheader', { name: 'processingTime.note' })).toBeVisible();

  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Số quyết định');
  const publish = page.getByRole('form', { name: 'Công bố bản dự thảo' });
  await publish.getByLabel('Số quyết định').fill('1500/QĐ-UBND');
  await publish.getByLabel('Ngày ban hành').fill(today);
  await publish.getByLabel('Ngày có hiệu lực').fill(today);
  await publish.getByRole('button', { name: 'Công bố' }).click();
  await expect(page.getByText('Đã công bố.')).toBeVisible();
  await expect(page.getByText('Bản 2 đang hiệu lực')).toBeVisible();

  await page.goto('/thu-tuc/1.000894');
  await expect(
    page.getByText('Trả kết quả ngay trong buổi làm việc (bản sửa đổi thử nghiệm).'),
  ).toBeVisible();
  await expect(page.getByText(/Quyết định số 1500\/QĐ-UBND/)).toBeVisible();
});

test('[R4] back office: create a procedure from scratch; the server’s field error links to the field', async ({
  page,
}) => {
  const today = todayInVietnam();
  await signInToBackoffice(page, 'quantri');
  await page.goto('/admin/thu-tuc/moi');
  await expect(page.getByRole('heading', { level: 1, name: 'Thêm thủ tục mới (bản dự thảo)' })).toBeVisible();
  await page.getByLabel('Mã thủ tục của tỉnh').fill('ah-test-99');
  await expect(page.getByLabel('Mã thủ tục của tỉnh')).toHaveValue('AH-TEST-99');
  await page.getByLabel('Tên thủ tục', { exact: true }).fill('Cấp giấy xác nhận thử nghiệm trình diễn');
  await page.getByLabel('Cơ quan, người có thẩm quyền quyết định').fill('Giám đốc Sở Tư pháp');
  await page.getByLabel('Sở Tư pháp', { exact: true }).check();
  await page.getByRole('textbox', { name: 'Tên bước 1', exact: true }).fill('Nộp hồ sơ');
  await page.getByLabel('Nội dung').fill('Nộp tại Trung tâm Phục vụ hành chính công.');
  await page.getByLabel('Tên kết quả').fill('Giấy xác nhận');
  await page.getByRole('button', { name: 'Thêm thành phần' }).click();
  await page.getByRole('textbox', { name: 'Tên giấy tờ 1', exact: true }).fill('Đơn đề nghị');
  await page.getByRole('button', { name: 'Lưu bản dự thảo' }).click();
  // No legal basis yet: the server refuses, the summary links to the field.
  const summary = page.locator('.alert--error');
  await expect(summary).toBeVisible();
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Căn cứ pháp lý (mỗi dòng một văn bản)')).toBeFocused();
  await page
    .getByLabel('Căn cứ pháp lý (mỗi dòng một văn bản)')
    .fill('Luật thử nghiệm\nNghị định thử nghiệm');
  await page.getByRole('button', { name: 'Lưu bản dự thảo' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Cấp giấy xác nhận thử nghiệm trình diễn' }),
  ).toBeVisible();

  const publish = page.getByRole('form', { name: 'Công bố bản dự thảo' });
  await publish.getByLabel('Số quyết định').fill('1600/QĐ-UBND');
  await publish.getByLabel('Ngày ban hành').fill(today);
  await publish.getByLabel('Ngày có hiệu lực').fill(today);
  await publish.getByRole('button', { name: 'Công bố' }).click();
  await expect(page.getByText('Bản 1 đang hiệu lực')).toBeVisible();
  await page.goto('/thu-tuc?q=xac%20nhan%20thu%20nghiem');
  await expect(page.getByRole('link', { name: 'Cấp giấy xác nhận thử nghiệm trình diễn' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('[R2] a procedure page is readable before (or without) the app’s JavaScript', async ({ page }) => {
    await page.goto('/thu-tuc/1.001193');
    await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' })).toBeVisible();
    await expect(page).toHaveTitle(/^Thủ tục đăng ký khai sinh — /);
  });
});
