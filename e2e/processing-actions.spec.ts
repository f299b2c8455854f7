// Issue 7 "done when", the other processing actions through the screens: send-back with a reason
// (R35), hand-over to a colleague of the same unit (R22), a batch forward of dossiers picked by
// searching the worklist (R23), a supplement request answered by the citizen on the portal (R34), an
// apology once only that makes the dossier count as overdue (R33), a stop (status 8), and a
// withdrawal asked by the citizen and confirmed by the desk (7 → 8), and the other supplement clock
// policy (QĐ 766: pause) set by the administrator as a provincial rule set. Setup goes through the API.
// The rule-set test runs last: dossiers received after it follow the new rules.
import { randomUUID } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { pdf } from '../src/domain/files/test-files.ts';
import { type SubmissionProcedure, submissionFor } from '../test/helpers/submission.ts';
import {
  DEMO_PASSWORD,
  expectInSimulatedInboxes,
  seriousA11yViolations,
  signInToBackoffice,
} from './helpers.ts';

test.setTimeout(180_000);

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (
    await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  ).newPage();
  await signInToBackoffice(page, username);
  return page;
}

async function citizen(browser: Browser): Promise<Page> {
  const page = await (
    await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  ).newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('0912345678');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible();
  return page;
}

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field below.
type Json = any;

async function api(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<Json> {
  const response = await page.request.fetch(url, {
    method,
    headers: { 'x-requested-with': 'motcua', 'idempotency-key': randomUUID() },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

const dossier = (page: Page, id: string) => api(page, 'GET', `/api/v1/dossiers/${id}`);
const lastHistory = async (page: Page, id: string) =>
  (await api(page, 'GET', `/api/v1/dossiers/${id}/history?pageSize=200`)).items.at(-1);

/** Same as the processing spec: open the dossier, fill the action's form, submit, see it done. */
async function act(
  page: Page,
  id: string,
  action: string,
  fill?: (form: ReturnType<Page['locator']>) => Promise<void>,
) {
  await page.goto(`/admin/ho-so/${id}`);
  const button = page.locator(`button[data-action="${action}"]`);
  await expect(button).toBeVisible();
  if (fill) {
    await fill(page.locator('form.action-form', { has: button }));
  }
  await button.click();
}

async function done(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Đã thực hiện.' })).toBeVisible();
}

/** Demo dossiers waiting at the desk, forwarded through the API to chuyenvien.stp. */
async function atSpecialist(desk: Page, count: number): Promise<Array<{ id: string; code: string }>> {
  const list = await api(desk, 'GET', '/api/v1/worklists/mine?pageSize=100');
  const picked: Array<{ id: string; code: string }> = [];
  for (const item of list.items as Array<{ id: string; code: string; status: number }>) {
    if (picked.length === count) {
      break;
    }
    if (item.status !== 2) {
      continue;
    }
    const candidates = await api(desk, 'GET', `/api/v1/dossiers/${item.id}/assignees`);
    const specialist = candidates.find((c: { username: string }) => c.username === 'chuyenvien.stp');
    if (specialist) {
      await api(desk, 'POST', `/api/v1/dossiers/${item.id}/actions`, {
        action: 'forward',
        assignTo: specialist.id,
      });
      picked.push({ id: item.id, code: item.code });
    }
  }
  expect(picked, 'demo dossiers at the desk for the judicial-record process').toHaveLength(count);
  return picked;
}

/** An online dossier of the demo citizen, accepted by the desk and forwarded to chuyenvien.stp. */
async function citizenDossierAtSpecialist(person: Page, desk: Page): Promise<{ id: string; code: string }> {
  const procedure = (await api(person, 'GET', '/api/v1/procedures/AH-LLTP-01')) as SubmissionProcedure;
  const body = await submissionFor(procedure, async () => {
    const response = await person.request.post('/api/v1/files', {
      headers: { 'x-requested-with': 'motcua' },
      multipart: { file: { name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf()) } },
    });
    expect(response.status()).toBe(201);
    return (await response.json()).id;
  });
  const created = await api(person, 'POST', '/api/v1/dossiers', body);
  await api(desk, 'POST', `/api/v1/dossiers/${created.id}/actions`, { action: 'accept' });
  const candidates = await api(desk, 'GET', `/api/v1/dossiers/${created.id}/assignees`);
  const specialist = candidates.find((c: { username: string }) => c.username === 'chuyenvien.stp');
  await api(desk, 'POST', `/api/v1/dossiers/${created.id}/actions`, {
    action: 'forward',
    assignTo: specialist.id,
  });
  return { id: created.id, code: created.code };
}

test('[R22, R23, R35] send back with a reason, hand over to a colleague, batch forward from a search', async ({
  browser,
}) => {
  const desk = await as(browser, 'tiepnhan');
  const [a, b, c, d] = (await atSpecialist(desk, 4)) as Array<{ id: string; code: string }>;
  const specialist = await as(browser, 'chuyenvien.stp');
  const me = (await api(specialist, 'GET', '/api/v1/auth/me')).user.id;

  // Send back: the dossier returns to the desk's step with the reason in its history.
  await act(specialist, c?.id ?? '', 'send_back', async (form) => {
    await form
      .getByLabel('Lý do (mỗi dòng một lý do)')
      .fill('Thiếu bản sao Căn cước của người được cấp phiếu');
  });
  await done(specialist);
  expect((await dossier(specialist, c?.id ?? '')).currentAssigneeId).not.toBe(me);
  expect(await lastHistory(specialist, c?.id ?? '')).toMatchObject({
    action: 'send_back',
    reasons: ['Thiếu bản sao Căn cước của người được cấp phiếu'],
  });

  // Hand-over to a colleague of the same unit (the unit head sits in the same office).
  await act(specialist, d?.id ?? '', 'handover', async (form) => {
    const select = form.getByLabel('Bàn giao cho');
    const option = select.locator('option', { hasText: '(truongphong.stp)' });
    await select.selectOption((await option.getAttribute('value')) ?? '');
  });
  await done(specialist);
  const afterHandover = await dossier(specialist, d?.id ?? '');
  expect(afterHandover.currentAssigneeId).not.toBe(me);
  expect((await lastHistory(specialist, d?.id ?? '')).action).toBe('handover');

  // Batch: find each dossier by its code, tick it (the selection survives the search), forward both.
  await specialist.goto('/admin/xu-ly?ds=mine');
  for (const item of [a, b]) {
    await specialist.getByLabel('Tìm theo mã hồ sơ hoặc tên người nộp').fill(item?.code ?? '');
    await specialist.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(specialist).toHaveURL(new RegExp(`q=${encodeURIComponent(item?.code ?? '')}`));
    await specialist.getByLabel(`Chọn hồ sơ ${item?.code}`).check();
  }
  await specialist.screenshot({ path: 'test-results/processing-batch-selected.png', fullPage: true });
  expect(await seriousA11yViolations(specialist)).toEqual([]);
  await specialist.getByRole('button', { name: 'Chuyển xử lý các hồ sơ đã chọn (2)' }).click();
  await expect(specialist.getByText('Đã chuyển 2 hồ sơ; 0 hồ sơ không chuyển được.')).toBeVisible();
  for (const item of [a, b]) {
    expect((await lastHistory(specialist, item?.id ?? '')).action).toBe('forward');
    expect((await dossier(specialist, item?.id ?? '')).currentAssigneeId).not.toBe(me);
  }
});

test('[R33, R34] supplement answered on the portal; one apology that counts as overdue; stop', async ({
  browser,
}) => {
  const desk = await as(browser, 'tiepnhan');
  const person = await citizen(browser);
  const specialist = await as(browser, 'chuyenvien.stp');

  // Supplement (status 5): the citizen sends the file from "Hồ sơ của tôi"; processing resumes (4).
  const s = await citizenDossierAtSpecialist(person, desk);
  await act(specialist, s.id, 'request_supplement', async (form) => {
    await form.getByLabel('Nội dung cần bổ sung, nộp (mỗi dòng một mục)').fill('Bản sao giấy khai sinh');
  });
  await done(specialist);
  expect((await dossier(specialist, s.id)).status).toBe(5);
  await person.goto(`/ho-so-cua-toi/${s.id}`);
  await expect(
    person.getByRole('heading', { name: 'Yêu cầu bổ sung giấy tờ trong quá trình giải quyết' }),
  ).toBeVisible();
  await person
    .getByLabel('Tệp bổ sung cho: Bản sao giấy khai sinh')
    .setInputFiles({ name: 'khai-sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf()) });
  await expect(person.getByText('khai-sinh.pdf')).toBeVisible();
  // The demo's national rule set restarts the time limit (HP Đ12.2); the citizen is told so.
  await expect(
    person.getByText('Thời hạn giải quyết được tính lại từ đầu kể từ khi bạn nộp bổ sung.'),
  ).toBeVisible();
  await person.screenshot({ path: 'test-results/portal-supplement.png', fullPage: true });
  expect(await seriousA11yViolations(person)).toEqual([]);
  await person.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await expect(person.getByText('Đã gửi hồ sơ bổ sung.')).toBeVisible();
  const resumed = await dossier(specialist, s.id);
  expect(resumed.status).toBe(4);
  expect(resumed.files.some((f: { name: string }) => f.name === 'khai-sinh.pdf')).toBe(true);

  // Apology with a new date, once: the second is refused, and the dossier counts as overdue.
  const newDate = (dueAt: string, days: number) =>
    new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(Date.parse(dueAt) + days * 86_400_000));
  await act(specialist, s.id, 'apologize', async (form) => {
    await form.getByLabel('Lý do (mỗi dòng một lý do)').fill('Chờ kết quả xác minh của cơ quan công an');
    await form.getByLabel('Ngày hẹn trả mới (dd/mm/yyyy)').fill(newDate(resumed.dueAt, 7));
  });
  await done(specialist);
  const apologised = await dossier(specialist, s.id);
  expect(apologised.apologyCount).toBe(1);
  await act(specialist, s.id, 'apologize', async (form) => {
    await form.getByLabel('Lý do (mỗi dòng một lý do)').fill('Lần hai');
    await form.getByLabel('Ngày hẹn trả mới (dd/mm/yyyy)').fill(newDate(apologised.dueAt, 7));
  });
  await expect(specialist.getByRole('alert').filter({ hasText: 'chỉ được hẹn lại một lần' })).toBeVisible();
  expect((await api(specialist, 'GET', `/api/v1/dossiers/${s.id}/steps`)).apologised).toBe(true);

  // Stop (status 8) with the reason.
  await act(specialist, s.id, 'stop', async (form) => {
    await form.getByLabel('Lý do (mỗi dòng một lý do)').fill('Người yêu cầu không thuộc diện được cấp Phiếu');
  });
  await done(specialist);
  expect((await dossier(specialist, s.id)).status).toBe(8);
});

test('[R22] the citizen asks to withdraw on the portal (7); the desk confirms it (8)', async ({
  browser,
}) => {
  const desk = await as(browser, 'tiepnhan');
  const person = await citizen(browser);
  const w = await citizenDossierAtSpecialist(person, desk);
  await person.goto(`/ho-so-cua-toi/${w.id}`);
  await person.getByLabel('Lý do rút hồ sơ').fill('Tôi không còn nhu cầu cấp Phiếu');
  await person.getByRole('button', { name: 'Gửi yêu cầu rút hồ sơ' }).click();
  await expect(person.getByText('Đã gửi yêu cầu rút hồ sơ.')).toBeVisible();
  expect((await dossier(desk, w.id)).status).toBe(7);
  await act(desk, w.id, 'confirm_withdrawal');
  await done(desk);
  expect((await dossier(desk, w.id)).status).toBe(8);
  await desk.screenshot({ path: 'test-results/processing-withdrawn.png', fullPage: true });
});

test('[R37] a citizen who chose e-mail and SMS is told on both at reception and when the result is ready', async ({
  browser,
}) => {
  const person = await citizen(browser);
  const desk = await as(browser, 'tiepnhan');
  const procedure = (await api(person, 'GET', '/api/v1/procedures/AH-LLTP-01')) as SubmissionProcedure;
  const body = await submissionFor(procedure, async () => {
    const response = await person.request.post('/api/v1/files', {
      headers: { 'x-requested-with': 'motcua' },
      multipart: { file: { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf()) } },
    });
    return (await response.json()).id;
  });
  // The wizard sends the channels ticked at its delivery step (both, by default).
  const { id, code } = await api(person, 'POST', '/api/v1/dossiers', { ...body, notify: ['email', 'sms'] });
  await api(desk, 'POST', `/api/v1/dossiers/${id}/actions`, { action: 'accept' });
  // Through the four officers to the result (the leader's approval signs it), as the desk would see.
  const next = async (page: Page, username: string) => {
    const candidates = await api(page, 'GET', `/api/v1/dossiers/${id}/assignees`);
    const officer = candidates.find((c: { username: string }) => c.username === username);
    await api(page, 'POST', `/api/v1/dossiers/${id}/actions`, { action: 'forward', assignTo: officer.id });
  };
  await next(desk, 'chuyenvien.stp');
  await next(await as(browser, 'chuyenvien.stp'), 'truongphong.stp');
  await next(await as(browser, 'truongphong.stp'), 'lanhdao.stp');
  const leader = await as(browser, 'lanhdao.stp');
  const upload = await leader.request.post('/api/v1/files', {
    headers: { 'x-requested-with': 'motcua' },
    multipart: { file: { name: 'phieu-lltp.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf()) } },
  });
  await api(leader, 'POST', `/api/v1/dossiers/${id}/actions`, {
    action: 'approve',
    resultFileId: (await upload.json()).id,
  });
  await act(desk, id, 'confirm_result');
  await done(desk);

  // The simulated mailbox and SMS outbox (administrators' notifications screen) hold both messages.
  await expectInSimulatedInboxes(await as(browser, 'quantri'), {
    email: [`Hồ sơ ${code} đã được tiếp nhận`, `Hồ sơ ${code}: đã có kết quả`],
    sms: [`Ho so ${code} da duoc tiep nhan`, `Ho so ${code} da co ket qua`],
  });
  // And the dossier's own view counts one of each per event, all sent.
  const view = await api(desk, 'GET', `/api/v1/dossiers/${id}/notifications`);
  expect(
    view.items
      .map((n: { event: string; channel: string; status: string }) => `${n.event}/${n.channel}/${n.status}`)
      .sort(),
  ).toEqual(['received/email/sent', 'received/sms/sent', 'result_ready/email/sent', 'result_ready/sms/sent']);
});

test('[R34, rules as data] the administrator adds a provincial rule set that pauses the clock; a supplement then pauses it', async ({
  browser,
}) => {
  const admin = await as(browser, 'quantri');
  await admin.goto('/admin/bo-quy-tac');
  await expect(admin.getByRole('heading', { name: 'Bộ quy tắc pháp lý theo thời kỳ' })).toBeVisible();
  const table = admin.getByRole('table');
  await expect(table.getByRole('row', { name: /nd118-tt03/ })).toContainText('Đang áp dụng');
  await admin.getByLabel('Mã', { exact: true }).fill('tinh-qd766');
  await admin.getByLabel('Tên', { exact: true }).fill('Quy định tiếp nhận, giải quyết TTHC của tỉnh');
  await admin.getByLabel('Tên tiếng Anh').fill('Provincial one-stop rules');
  await admin.getByLabel('Căn cứ pháp lý (mỗi dòng một văn bản)').fill('Quyết định 766/QĐ-UBND');
  // The effective date is prefilled with today (dd/mm/yyyy); a past date is refused by the server.
  await expect(admin.getByLabel('Có hiệu lực từ ngày (dd/mm/yyyy)')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  const today = await admin.getByLabel('Có hiệu lực từ ngày (dd/mm/yyyy)').inputValue();
  await admin.getByLabel('Có hiệu lực từ ngày (dd/mm/yyyy)').fill('01/01/2025');
  await admin
    .getByLabel('Tính thời gian khi yêu cầu bổ sung trong quá trình giải quyết')
    .selectOption('pause');
  await admin.getByRole('button', { name: 'Thêm bộ quy tắc' }).click();
  await expect(admin.getByRole('link', { name: /không được trước hôm nay/ })).toBeVisible();
  await admin.getByLabel('Có hiệu lực từ ngày (dd/mm/yyyy)').fill(today);
  await admin.getByRole('button', { name: 'Thêm bộ quy tắc' }).click();
  await expect(admin.getByText('Đã thêm bộ quy tắc tinh-qd766.')).toBeVisible();
  const added = table.getByRole('row', { name: /tinh-qd766/ });
  await expect(added).toContainText('Của tỉnh');
  await expect(added).toContainText('Đang áp dụng');
  await expect(added).toContainText('Tạm dừng');
  await expect(table.getByRole('row', { name: /nd118-tt03/ })).not.toContainText('Đang áp dụng');
  await admin.screenshot({ path: 'test-results/rule-sets.png', fullPage: true });
  expect(await seriousA11yViolations(admin)).toEqual([]);

  // A dossier received now follows the new rules: the supplement waiting time does not count.
  const desk = await as(browser, 'tiepnhan');
  const person = await citizen(browser);
  const specialist = await as(browser, 'chuyenvien.stp');
  const s = await citizenDossierAtSpecialist(person, desk);
  expect((await dossier(specialist, s.id)).ruleSetCode).toBe('tinh-qd766');
  const before = await dossier(specialist, s.id);
  await act(specialist, s.id, 'request_supplement', async (form) => {
    await form.getByLabel('Nội dung cần bổ sung, nộp (mỗi dòng một mục)').fill('Bản sao giấy khai sinh');
  });
  await done(specialist);
  await person.goto(`/ho-so-cua-toi/${s.id}`);
  await expect(
    person.getByText(
      'Thời gian chờ bạn bổ sung không tính vào thời hạn giải quyết; ngày hẹn trả được lùi tương ứng.',
    ),
  ).toBeVisible();
  await person
    .getByLabel('Tệp bổ sung cho: Bản sao giấy khai sinh')
    .setInputFiles({ name: 'khai-sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf()) });
  await expect(person.getByText('khai-sinh.pdf')).toBeVisible();
  await person.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await expect(person.getByText('Đã gửi hồ sơ bổ sung.')).toBeVisible();
  const resumed = await dossier(specialist, s.id);
  expect(resumed.status).toBe(4);
  // Paused: the appointment moves by the waiting working time only (seconds here, nothing outside
  // working hours); the arithmetic of both policies is proven in the domain and API tests.
  expect(Date.parse(resumed.dueAt)).toBeGreaterThanOrEqual(Date.parse(before.dueAt));
});
