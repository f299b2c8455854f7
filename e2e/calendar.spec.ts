// The working calendar in the back office (issue 3): the administrator declares an ad-hoc day off and a
// make-up Saturday on the yearly view, and the "check a due date" tool on the same screen reflects both
// at once, with the explanation naming them. Keyboard use and axe checks included.
import { expect, type Page, test } from '@playwright/test';
import { todayInVietnam } from '../src/domain/time/vietnam-date.ts';
import { formatIsoDate, parseIsoDate, weekdayOf } from '../src/domain/working-time/civil-time.ts';
import { seriousA11yViolations, signInToBackoffice } from './helpers.ts';

/** Next year's first Friday on or after 9 March: no public holiday near it in any year. */
function quietWeek() {
  const year = Number(todayInVietnam().slice(0, 4)) + 1;
  let day = parseIsoDate(`${year}-03-09`) ?? 0;
  while (weekdayOf(day) !== 5) {
    day += 1;
  }
  const vn = (d: number) => {
    const iso = formatIsoDate(d);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  };
  /** How the grid names a day: "Thứ Bảy, ngày 13 tháng 3 năm 2027". */
  const label = (weekday: string, d: number) => {
    const iso = formatIsoDate(d);
    return `${weekday}, ngày ${Number(iso.slice(8, 10))} tháng ${Number(iso.slice(5, 7))} năm ${iso.slice(0, 4)}`;
  };
  return {
    year,
    friday: vn(day),
    saturday: vn(day + 1),
    monday: vn(day + 3),
    tuesday: vn(day + 4),
    saturdayCell: label('Thứ Bảy', day + 1),
    mondayCell: label('Thứ Hai', day + 3),
  };
}

async function checkDue(page: Page, date: string, time: string, value: string, unit: string) {
  await page.getByLabel('Ngày tiếp nhận').fill(date);
  await page.getByLabel('Giờ tiếp nhận').fill(time);
  await page.getByLabel('Thời hạn').fill(value);
  await page.getByLabel('Đơn vị').selectOption({ label: unit });
  await page.getByRole('button', { name: 'Tính hạn' }).click();
}

test('[issue 3] an administrator adds a day off and a make-up Saturday; the due-date tool follows', async ({
  page,
}) => {
  // Two axe runs over a year of 365 day buttons take a while on a busy machine.
  test.setTimeout(90_000);
  const week = quietWeek();
  await signInToBackoffice(page, 'quantri');
  await page.getByRole('link', { name: 'Lịch làm việc' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch làm việc và ngày nghỉ');
  await expect(page.getByText(/đang là ĐỀ XUẤT do hệ thống tính/)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: `Năm sau (${week.year})` }).click();
  await expect(
    page.getByRole('heading', { name: `Lịch mặc định của tỉnh — Năm ${week.year}` }),
  ).toBeVisible();

  // Before: Friday 15:00 + 4 working hours ends on Monday 09:00.
  await checkDue(page, week.friday, '15:00', '4', 'giờ làm việc');
  await expect(page.getByTestId('due-result')).toHaveText(`09:00 ${week.monday}`);

  // A make-up Saturday, declared from the grid.
  await page.getByRole('button', { name: new RegExp(`^${week.saturdayCell}`) }).click();
  await expect(page.getByRole('heading', { name: `Thứ Bảy, ${week.saturday}` })).toBeFocused();
  await expect(page.getByLabel('Làm bù', { exact: true })).toBeChecked();
  await page.getByLabel('Tên (tiếng Việt)').fill('Làm bù cho ngày nghỉ thứ Hai');
  await page.getByLabel('Tên (tiếng Anh)').fill('Make-up day for the Monday off');
  await page.getByLabel('Căn cứ pháp lý (không bắt buộc)').fill('Thông báo số 99/TB-UBND (thử nghiệm)');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu thay đổi.')).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^${week.saturdayCell}: Làm bù`) })).toBeVisible();

  // An ad-hoc day off on the Monday, reached with the keyboard from the Saturday (→ →, Enter).
  await page.getByRole('button', { name: new RegExp(`^${week.saturdayCell}`) }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: new RegExp(`^${week.mondayCell}`) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Thứ Hai, ${week.monday}` })).toBeFocused();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng nhập tên tiếng Việt.');
  await page.getByLabel('Nghỉ đột xuất', { exact: true }).check();
  await page.getByLabel('Tên (tiếng Việt)').fill('Nghỉ đột xuất do bão (thử nghiệm)');
  await page.getByLabel('Tên (tiếng Anh)').fill('Storm closure (test)');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu thay đổi.')).toBeVisible();

  // After: the Saturday counts, the Monday is skipped; the explanation names both.
  await checkDue(page, week.friday, '15:00', '4', 'giờ làm việc');
  await expect(page.getByTestId('due-result')).toHaveText(`09:00 ${week.saturday}`);
  await checkDue(page, week.friday, '15:00', '2', 'ngày làm việc');
  await expect(page.getByTestId('due-result')).toHaveText(`15:00 ${week.tuesday}`);
  const explanation = page.locator('.cal-result__explanation');
  await expect(explanation).toContainText(`${week.monday} – Nghỉ đột xuất do bão (thử nghiệm)`);
  await expect(explanation).toContainText(
    `Có tính ngày làm bù ${week.saturday} – Làm bù cho ngày nghỉ thứ Hai`,
  );
  await expect(page.getByText(`lịch nghỉ năm ${week.year} chưa được xác nhận`)).toBeVisible();

  // Both days are listed with their reasons; the page stays accessible with results shown.
  const list = page.getByRole('table').filter({ hasText: 'Tên, lý do' });
  await expect(list.getByRole('row', { name: new RegExp(week.saturday) })).toContainText(
    'Thông báo số 99/TB-UBND',
  );
  await expect(list.getByRole('row', { name: new RegExp(week.monday) })).toContainText('Nghỉ đột xuất');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Removing the day off restores the Monday.
  await list.getByRole('button', { name: `Sửa ${week.monday}` }).click();
  await page.getByRole('button', { name: 'Xóa ngày này' }).click();
  await page.getByRole('button', { name: 'Xóa ngày này' }).last().click();
  await expect(page.getByText('Đã xóa khai báo của ngày.')).toBeVisible();
  await checkDue(page, week.friday, '15:00', '2', 'ngày làm việc');
  await expect(page.getByTestId('due-result')).toHaveText(`15:00 ${week.monday}`);
});

test('[issue 3] the due-date tool refuses a malformed date next to the field', async ({ page }) => {
  await signInToBackoffice(page, 'quantri');
  await page.goto('/admin/lich-lam-viec');
  await page.getByLabel('Ngày tiếp nhận').fill('31/02/2026');
  await page.getByRole('button', { name: 'Tính hạn' }).click();
  await expect(page.getByRole('link', { name: /Ngày tiếp nhận: ngày phải có thật/ })).toBeVisible();
  await expect(page.getByLabel('Ngày tiếp nhận')).toHaveAttribute('aria-invalid', 'true');
});
