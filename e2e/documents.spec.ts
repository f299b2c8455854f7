// Issue 8 through the browser: the receipt preview downloads as a PDF with its code and QR, a signed
// result verifies and a tampered copy does not, the demo notifications reach the simulated e-mail and
// SMS outbox with a banner saying it is simulated, and the SMS lookup contract answers.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { seriousA11yViolations, signInToBackoffice } from './helpers.ts';

const CODE = '000.00.06.H99-260505-0001';

test('[R18] the receipt preview is a PDF with the title, the code and an embedded QR image', async ({
  page,
}) => {
  await signInToBackoffice(page, 'quantri');
  await page.getByRole('link', { name: 'Mẫu phiếu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mẫu phiếu, văn bản');
  const href = await page
    .getByRole('row', { name: /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ })
    .getByRole('link', { name: /Xem thử/ })
    .last()
    .getAttribute('href');
  expect(href).toContain('/templates/receipt/preview?ruleSet=nd118_2025');
  const response = await page.request.get(href as string);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true);
  const text = execFileSync('/usr/bin/pdftotext', ['-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/\s+/g, ' ');
  expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(text).toContain(`Mã hồ sơ: ${CODE}`);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('[R24] a signed result verifies in the signature page; a tampered copy fails', async ({ page }) => {
  await signInToBackoffice(page, 'quantri');
  const signed = await (
    await page.request.get(
      '/api/v1/admin/documents/templates/result_handover/preview?ruleSet=nd118_2025&signed=true',
    )
  ).body();
  await page.getByRole('link', { name: 'Kiểm tra chữ ký số' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiểm tra chữ ký số');

  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng chọn một tệp PDF.');

  await page
    .getByLabel('Tệp PDF cần kiểm tra')
    .setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: signed });
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await expect(page.locator('#verdict')).toHaveText('Chữ ký số hợp lệ');
  await expect(page.getByText('Sở Tư pháp tỉnh An Hòa (DEMO)').first()).toBeVisible();
  // The signed template preview is timestamped but carries no DSS: B-T.
  await expect(page.getByTestId('signature-level')).toHaveText('B-T (có dấu thời gian)');
  await expect(page.getByText('Bản trình diễn: chỉ tin cậy chứng thư gốc giả lập')).toBeVisible();
  // Times in Vietnam time as hh:mm:ss dd/mm/yyyy.
  await expect(page.getByTestId('signed-at')).toHaveText(/^\d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
  // What the check does not cover, worded in Vietnamese.
  await expect(page.getByText('Giới hạn của lần kiểm tra: không tra cứu OCSP')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  const tampered = Buffer.from(signed);
  const at = tampered.indexOf('/Producer');
  tampered[at + 3] = tampered[at + 3] === 0x41 ? 0x42 : 0x41;
  await page
    .getByLabel('Tệp PDF cần kiểm tra')
    .setInputFiles({ name: 'sua.pdf', mimeType: 'application/pdf', buffer: tampered });
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await expect(page.locator('#verdict')).toHaveText('Chữ ký số không hợp lệ');
  await expect(page.getByText('Nội dung tệp đã bị thay đổi sau khi ký.')).toBeVisible();
});

test("[R37] the demo dossier's reception and result reach the simulated mailbox and SMS outbox", async ({
  page,
}) => {
  await signInToBackoffice(page, 'quantri');
  await page.getByRole('link', { name: 'Thông báo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo gửi người nộp hồ sơ');
  await expect(page.getByText(/đang dùng bản giả lập trong máy chủ/)).toBeVisible();
  // Delivery is asynchronous (the outbox worker): reload until the messages are there.
  const email = page.getByRole('region', { name: 'Hộp thư giả lập: Thư điện tử' });
  const sms = page.getByRole('region', { name: 'Hộp thư giả lập: SMS' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await expect(email).toContainText(`Hồ sơ ${CODE} đã được tiếp nhận`, { timeout: 1000 });
    await expect(email).toContainText(`Hồ sơ ${CODE}: đã có kết quả`, { timeout: 1000 });
  }).toPass({ timeout: 25_000 });
  await expect(sms).toContainText(`Ho so ${CODE} da duoc tiep nhan`);
  await expect(sms).toContainText(`Ho so ${CODE} da co ket qua`);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('[R38] SMS lookup contract: POST { from, text } answers { reply } with the code', async ({
  request,
}) => {
  const response = await request.post('/api/v1/channels/sms/inbound', {
    data: { from: '0912345678', text: `tc ${CODE.toLowerCase()}` },
  });
  expect(response.status()).toBe(200);
  const { reply } = (await response.json()) as { reply: string };
  expect(reply).toContain(CODE);
});

test('administrators change a notification text and a form text without code changes', async ({ page }) => {
  await signInToBackoffice(page, 'quantri');
  await page.getByRole('link', { name: 'Nội dung mẫu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nội dung thông báo và mẫu phiếu');
  await page.getByLabel('Kênh', { exact: true }).selectOption('sms');
  await page.getByLabel('Nội dung', { exact: true }).fill('HS {code}: da tiep nhan. Tra cuu {lookupUrl}');
  await page.getByRole('button', { name: 'Lưu', exact: true }).first().click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await expect(page.getByText('Đang dùng nội dung do quản trị viên sửa.')).toBeVisible();
  await page.getByRole('button', { name: 'Dùng lại nội dung mặc định' }).click();
  await expect(page.getByText('Đang dùng nội dung mặc định.')).toBeVisible();

  await page.getByRole('button', { name: 'Mở' }).click();
  // Each text is named in Vietnamese, with its key beside it.
  await page.getByLabel('Khối ký người tiếp nhận receiverSign').fill('CÔNG CHỨC TIẾP NHẬN');
  await page.getByRole('button', { name: 'Lưu', exact: true }).last().click();
  await expect(page.getByLabel('Khối ký người tiếp nhận (đã sửa) receiverSign')).toHaveValue(
    'CÔNG CHỨC TIẾP NHẬN',
  );
  await expect(page.getByLabel('Số văn bản và ký hiệu ({number} là số thứ tự) numberFormat')).toHaveValue(
    '{number}/TNHS',
  );
  await page.screenshot({ path: 'test-results/wording-form.png', fullPage: true });
  const pdf = await (
    await page.request.get('/api/v1/admin/documents/templates/receipt/preview?ruleSet=nd118_2025')
  ).body();
  const text = execFileSync('/usr/bin/pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
  expect(text).toContain('CÔNG CHỨC TIẾP NHẬN');
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('[issue 8] a returned dossier links only the documents it has; the tracking book opens for a period', async ({
  page,
}) => {
  await signInToBackoffice(page, 'tiepnhan');
  const list = await (await page.request.get('/api/v1/dossiers?pageSize=100')).json();
  const returned = list.items.find((d: { status: number }) => d.status === 10);
  await page.goto(`/admin/ho-so/${returned.id}`);
  const panel = page.getByTestId('dossier-documents');
  await expect(panel.getByRole('heading')).toHaveText('Phiếu, giấy tờ của hồ sơ');
  await expect(panel.getByRole('link')).toHaveCount(3);
  await expect(panel.getByRole('link', { name: /Thông báo dừng/ })).toHaveCount(0);
  const slip = panel.getByRole('link', { name: /Phiếu kiểm soát quá trình giải quyết hồ sơ \(Mẫu số 06\)/ });
  const response = await page.request.get((await slip.getAttribute('href')) as string);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const text = execFileSync('/usr/bin/pdftotext', ['-', '-'], { input: await response.body() })
    .toString('utf8')
    .replace(/\s+/g, ' ');
  expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
  expect(text).toContain(returned.code);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Sổ theo dõi hồ sơ' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sổ theo dõi hồ sơ');
  await page.getByLabel('Đến ngày (dd/mm/yyyy)').fill('31/13/2026');
  await page.getByRole('button', { name: 'Lập sổ (PDF)' }).click();
  await expect(page.getByText('Vui lòng nhập ngày theo dạng dd/mm/yyyy.').first()).toBeVisible();
  const received = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(returned.receivedAt),
  );
  await page.getByLabel('Từ ngày (dd/mm/yyyy)').fill(received);
  await page.getByLabel('Đến ngày (dd/mm/yyyy)').fill(received);
  await page.getByRole('button', { name: 'Lập sổ (PDF)' }).click();
  await expect(page.getByRole('link', { name: 'Mở sổ theo dõi hồ sơ (PDF)' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
