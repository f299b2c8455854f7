// Issue 7 through the browser: a demo judicial-record dossier waiting at the desk is walked through
// the processing screens by all four officers — desk → specialist → unit head → leader signs →
// desk confirms and returns — and the public lookup shows each status (2 → 4 → 4 → 4 → 4 → 9 → 10).
import { type Browser, expect, type Page, test } from '@playwright/test';
import { pdf } from '../src/domain/files/test-files.ts';
import { seriousA11yViolations, signInToBackoffice } from './helpers.ts';

test.setTimeout(120_000);

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await signInToBackoffice(page, username);
  return page;
}

async function lookupStatus(page: Page, code: string): Promise<number> {
  const response = await page.request.get(`/api/v1/lookup/${encodeURIComponent(code)}`);
  expect(response.status()).toBe(200);
  return (await response.json()).status;
}

async function act(
  page: Page,
  id: string,
  action: string,
  fill?: (form: ReturnType<Page['locator']>) => Promise<void>,
  assignee?: string,
) {
  await page.goto(`/admin/ho-so/${id}`);
  const button = page.locator(`button[data-action="${action}"]`);
  await expect(button).toBeVisible();
  const form = page.locator('form.action-form', { has: button });
  if (fill) {
    await fill(form);
  }
  // When other tests added officers to the same unit, the next step's officer must be chosen.
  const choose = form.getByLabel('Cán bộ nhận bước tiếp theo');
  // The list of officers loads on its own: ask the API whether there is a choice to make.
  const candidates =
    assignee && action === 'forward'
      ? await (await page.request.get(`/api/v1/dossiers/${id}/assignees`)).json()
      : [];
  if (assignee && candidates.length > 1) {
    const option = choose.locator('option', { hasText: `(${assignee})` });
    await choose.selectOption((await option.getAttribute('value')) ?? '');
  }
  await button.click();
  // Approving signs the result (goal 27); the demo's first signature also generates its CA.
  await expect(page.getByRole('status').filter({ hasText: 'Đã thực hiện.' })).toBeVisible({
    timeout: action === 'approve' ? 30_000 : 5_000,
  });
}

test('[R21–R25, R36] the demo LLTP dossier goes from the desk through four officers to status 10', async ({
  browser,
}) => {
  const desk = await as(browser, 'tiepnhan');
  await desk.goto('/admin/xu-ly?ds=mine');
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ cần xử lý');
  await expect(desk.getByRole('heading', { name: 'Chú giải màu cảnh báo' })).toBeVisible();
  await expect(desk.getByTestId('count-mine')).not.toHaveText('0');
  await expect(desk.getByRole('table')).toBeVisible();
  await desk.screenshot({ path: 'test-results/processing-worklist.png', fullPage: true });
  expect(await seriousA11yViolations(desk)).toEqual([]);

  // A demo dossier waiting at the desk (status 2, step 1 held by tiepnhan).
  const list = await (await desk.request.get('/api/v1/worklists/mine?pageSize=100')).json();
  const waiting = list.items.find((d: { status: number; procedureName: string }) => d.status === 2);
  expect(waiting, 'a demo dossier at the desk').toBeTruthy();
  const { id, code } = waiting as { id: string; code: string };
  expect(await lookupStatus(desk, code)).toBe(2);

  await desk.goto(`/admin/ho-so/${id}`);
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText(`Xử lý hồ sơ ${code}`);
  await expect(desk.getByRole('heading', { name: 'Các bước xử lý' })).toBeVisible();
  await desk.screenshot({ path: 'test-results/processing-desk.png', fullPage: true });
  expect(await seriousA11yViolations(desk)).toEqual([]);
  await act(
    desk,
    id,
    'forward',
    async (form) => {
      await form.getByLabel('Đã nhận hồ sơ giấy ở bước này').check();
    },
    'chuyenvien.stp',
  );
  expect(await lookupStatus(desk, code)).toBe(4);

  const specialist = await as(browser, 'chuyenvien.stp');
  await act(specialist, id, 'forward', undefined, 'truongphong.stp');
  expect(await lookupStatus(specialist, code)).toBe(4);

  const head = await as(browser, 'truongphong.stp');
  await act(head, id, 'forward', undefined, 'lanhdao.stp');
  expect(await lookupStatus(head, code)).toBe(4);

  const leader = await as(browser, 'lanhdao.stp');
  const listed = leader.waitForResponse((r) => r.url().includes('/api/v1/worklists/signature?'));
  await leader.goto('/admin/xu-ly?ds=signature');
  await expect(leader.getByTestId('count-signature')).not.toHaveText('0');
  // R36: each row's badge is the worse of the two clocks the server answered, and "overdue" means a
  // clock had run out at the moment the server answered.
  const response = await listed;
  const answeredAt = Date.parse((await response.headerValue('date')) ?? '');
  const page1 = (await response.json()).items as Array<{
    code: string;
    dueAt: string | null;
    stepDueAt: string | null;
    warning: string | null;
    stepWarning: string | null;
  }>;
  await expect(leader.locator('table tbody tr')).toHaveCount(page1.length);
  const names: Record<string, string> = { overdue: 'Quá hạn', dueSoon: 'Sắp đến hạn', normal: 'Trong hạn' };
  for (const row of page1) {
    const level = [row.warning, row.stepWarning].includes('overdue')
      ? 'overdue'
      : [row.warning, row.stepWarning].includes('dueSoon')
        ? 'dueSoon'
        : (row.warning ?? row.stepWarning);
    const badge = leader.locator('table tbody tr', { hasText: row.code }).locator('.warn');
    await expect(badge, JSON.stringify(row)).toHaveText(names[level ?? ''] ?? '');
    if (level === 'overdue') {
      const clocks = [row.dueAt, row.stepDueAt].filter((c): c is string => c !== null).map(Date.parse);
      // The Date header has whole seconds: allow the one it rounds down.
      expect(Math.min(...clocks), JSON.stringify(row)).toBeLessThan(answeredAt + 1000);
    }
  }
  const signature = await (
    await leader.request.get(`/api/v1/worklists/signature?q=${encodeURIComponent(code)}`)
  ).json();
  expect(signature.items.map((d: { id: string }) => d.id)).toEqual([id]);
  await leader.screenshot({ path: 'test-results/processing-signature-list.png', fullPage: true });
  await act(leader, id, 'approve', async (form) => {
    await form
      .getByLabel('Tệp kết quả (PDF)')
      .setInputFiles({ name: 'phieu-lltp.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf()) });
  });
  // Signed at approval: the panel verifies the copy (B-LTA, CRL, the demo CA and TSA are simulated).
  const signedPanel = leader.getByTestId('signed-result');
  await expect(signedPanel).toBeVisible({ timeout: 15_000 });
  await expect(signedPanel).toContainText('Chữ ký số hợp lệ');
  // NĐ 30/2020: the leader's own signature, then the agency's; both valid, both B-LTA (one DSS, then
  // a document timestamp, listed apart: still 2 signatures).
  await expect(signedPanel.getByTestId('signature-count')).toHaveText('2/2 chữ ký số hợp lệ');
  await expect(signedPanel.getByTestId('signature')).toHaveCount(2);
  await expect(signedPanel.getByTestId('signature').nth(0)).toContainText('Đỗ Văn Hùng (demo)');
  await expect(signedPanel.getByTestId('signature').nth(1)).toContainText('Sở Tư pháp tỉnh An Hòa (DEMO)');
  await expect(signedPanel.getByTestId('signature-level')).toHaveText([/^B-LTA /, /^B-LTA /]);
  await expect(signedPanel.getByTestId('document-timestamp')).toHaveText(
    /^Dấu thời gian tài liệu \(B-LTA\): .+, MotCua Demo TSA \(NOT FOR PRODUCTION\)$/,
  );
  await expect(signedPanel).toContainText('đủ chứng thư và CRL để kiểm tra mà không cần tra cứu trực tuyến');
  await leader.screenshot({ path: 'test-results/processing-approved.png', fullPage: true });
  // The issued file checked on the signature page: the same facts, plus issuer and chain.
  const issued = await (await leader.request.get(`/api/v1/dossiers/${id}/result`)).body();
  await leader.getByRole('link', { name: 'Kiểm tra chữ ký số' }).click();
  await leader
    .getByLabel('Tệp PDF cần kiểm tra')
    .setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: issued });
  await leader.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await expect(leader.locator('#verdict')).toHaveText('Chữ ký số hợp lệ');
  await expect(leader.getByTestId('signature-count')).toHaveText('2/2 chữ ký số hợp lệ');
  await expect(leader.getByTestId('signature-level')).toHaveText([/^B-LTA /, /^B-LTA /]);
  await expect(leader.getByTestId('document-timestamp')).toContainText('MotCua Demo TSA');
  await leader.screenshot({ path: 'test-results/processing-result-checked.png', fullPage: true });
  expect(await lookupStatus(leader, code)).toBe(4);

  await act(desk, id, 'confirm_result');
  expect(await lookupStatus(desk, code)).toBe(9);
  await act(desk, id, 'return_result', async (form) => {
    await form.getByLabel('Hình thức trả kết quả').selectOption('desk');
  });
  expect(await lookupStatus(desk, code)).toBe(10);
  await expect(desk.getByTestId('status')).toContainText('10');
  await desk.screenshot({ path: 'test-results/processing-returned.png', fullPage: true });
  expect(await seriousA11yViolations(desk)).toEqual([]);
});
