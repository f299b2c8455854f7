// R37 through the browser: the administrator maps a notification event to its approved Zalo ZNS
// template in "Nội dung mẫu", sees it listed (and the unmapped events flagged), gets the server's
// error for an invalid template id linked to the field, and removes the mapping again.
import { expect, test } from '@playwright/test';
import { seriousA11yViolations, signInToBackoffice } from './helpers.ts';

test('[R37] administrators map an event to a ZNS template, see it listed, and remove it', async ({
  page,
}) => {
  await signInToBackoffice(page, 'quantri');
  await page.getByRole('link', { name: 'Nội dung mẫu' }).click();
  const section = page.getByRole('region', { name: 'Mẫu tin ZNS (Zalo)' });
  const received = section.getByRole('row', { name: /^Tiếp nhận hồ sơ/ });
  // Nine applicant events, none mapped in the demo; officers' reminders are e-mail only.
  await expect(section.getByText('9 sự kiện gửi người nộp hồ sơ chưa gắn mẫu ZNS.')).toBeVisible();
  await expect(received).toContainText('Chưa gắn mẫu');
  await expect(section.getByRole('row', { name: /^Nhắc cán bộ: bước quá hạn/ })).toContainText(
    'Nhắc cán bộ, chỉ gửi thư điện tử',
  );

  await received.getByRole('button', { name: 'Gắn mẫu cho sự kiện Tiếp nhận hồ sơ' }).click();
  const form = section.getByRole('region', { name: 'Mẫu ZNS cho sự kiện: Tiếp nhận hồ sơ' });
  await form.getByLabel('Mã mẫu ZNS').fill('motcua_received');
  await form.getByLabel('Tên tham số 1').fill('ma_ho_so');
  await form.getByLabel('Trường điền vào tham số 1').selectOption('{code}');
  await form.getByRole('button', { name: 'Thêm tham số' }).click();
  await form.getByLabel('Tên tham số 2').fill('trang_thai');
  await form.getByLabel('Trường điền vào tham số 2').selectOption('{statusName}');
  await form.getByRole('button', { name: 'Lưu mẫu' }).click();

  // The server refuses the id; the summary at the top names it and links to the field.
  const summary = form.locator('.alert--error');
  const link = summary.getByRole('link', { name: /Mã mẫu ZNS là dãy số do Zalo cấp/ });
  await expect(link).toHaveAttribute('href', '#zns-template-id');
  await link.click();
  await expect(form.getByLabel('Mã mẫu ZNS')).toBeFocused();
  await expect(form.getByLabel('Mã mẫu ZNS')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await form.getByLabel('Mã mẫu ZNS').fill('285436');
  await form.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(section.getByText('Đã gắn mẫu ZNS cho sự kiện "Tiếp nhận hồ sơ".')).toBeVisible();
  await expect(form).toBeHidden();
  await expect(received).toContainText('Đã gắn mẫu');
  await expect(received).toContainText('285436');
  await expect(received).toContainText('ma_ho_so ← Mã hồ sơ');
  await expect(received).toContainText('trang_thai ← Trạng thái hồ sơ');
  await expect(received).toContainText(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  await expect(section.getByText('8 sự kiện gửi người nộp hồ sơ chưa gắn mẫu ZNS.')).toBeVisible();

  // Editing opens with what is saved.
  await received.getByRole('button', { name: 'Sửa cho sự kiện Tiếp nhận hồ sơ' }).click();
  await expect(form.getByLabel('Mã mẫu ZNS')).toHaveValue('285436');
  await expect(form.getByLabel('Trường điền vào tham số 2')).toHaveValue('{statusName}');
  await form.getByRole('button', { name: 'Hủy' }).click();

  page.once('dialog', (dialog) => void dialog.accept());
  await received.getByRole('button', { name: 'Bỏ mẫu cho sự kiện Tiếp nhận hồ sơ' }).click();
  await expect(section.getByText('Đã bỏ mẫu ZNS của sự kiện "Tiếp nhận hồ sơ".')).toBeVisible();
  await expect(received).toContainText('Chưa gắn mẫu');
  await expect(section.getByText('9 sự kiện gửi người nộp hồ sơ chưa gắn mẫu ZNS.')).toBeVisible();
});
