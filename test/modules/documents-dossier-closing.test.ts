// Issue 8 on real dossiers walked through their process: the stop notice, the control slip from the
// step ledger (one row per step, early / on time / overdue by the working-time rules), the result
// hand-over receipt, the paper copy of the signed electronic result with the ND 45/2020 Đ18 mark, the
// list of a dossier's documents, and the unit's tracking book. poppler reads the PDFs back.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, getJson, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { pdfPageCount, pdfText } from '../helpers/poppler.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let citizen: string;
let desk: string;
let specialist: string;
let head: string;
let leader: string;
let sxd: string;
let admin: string;
let specialistId: string;

const flat = (text: string) => text.replace(/\s+/g, ' ');
const count = (text: string, needle: string) => text.split(needle).length - 1;

async function get(cookie: string, url: string) {
  const res = await system.app.inject({ url, headers: { cookie } });
  return { status: res.statusCode, body: res.rawPayload, json: () => res.json() };
}
const doc = (cookie: string, id: string, kind: string) =>
  get(cookie, `/api/v1/dossiers/${id}/documents/${kind}`);
/** The text of a document that must exist. */
async function textOf(cookie: string, id: string, kind: string, layout = false) {
  const res = await doc(cookie, id, kind);
  expect(res.status, res.body.toString().slice(0, 300)).toBe(200);
  const text = pdfText(res.body, { layout });
  return layout ? text : flat(text);
}
const kinds = async (cookie: string, id: string) =>
  (await getJson(system, cookie, `/api/v1/dossiers/${id}/documents`)).body.items.map(
    (i: { kind: string }) => i.kind,
  );

async function ok(cookie: string, id: string, body: Record<string, unknown>) {
  const answer = await act(system, cookie, id, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

async function submitted(): Promise<{ id: string; code: string }> {
  const { status, body } = await postDossier(
    system,
    citizen,
    await onlineSubmission(system, citizen, 'AH-LLTP-01'),
  );
  expect(status).toBe(201);
  return { id: body.id, code: body.code };
}

/** A real PDF as the result (the dossier's own receipt), uploaded by the signing leader. */
async function resultPdf(id: string): Promise<string> {
  const pdf = (await doc(leader, id, 'receipt')).body;
  const { payload, headers } = multipartFile('ket-qua.pdf', pdf);
  const res = await system.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...headers, cookie: leader },
    payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** Accepted, through the specialist, the head and the leader's approval, to the returned result. */
async function returned(deliveredHow: 'desk' | 'online') {
  const dossier = await submitted();
  await ok(desk, dossier.id, { action: 'accept' });
  await ok(desk, dossier.id, { action: 'forward', assignTo: specialistId });
  await ok(specialist, dossier.id, { action: 'forward' });
  await ok(head, dossier.id, { action: 'forward' });
  await ok(leader, dossier.id, { action: 'approve', resultFileId: await resultPdf(dossier.id) });
  await ok(desk, dossier.id, { action: 'confirm_result' });
  await ok(desk, dossier.id, { action: 'return_result', deliveredHow });
  return dossier;
}

const fullName = async (username: string) =>
  (
    await system.database.db
      .selectFrom('users')
      .select('fullName')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).fullName;

beforeAll(async () => {
  system = await startTestSystem();
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  specialist = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
  head = await loginAs(system, 'truongphong.stp', 'Demo@2026');
  leader = await loginAs(system, 'lanhdao.stp', 'Demo@2026');
  sxd = await loginAs(system, 'chuyenvien.sxd', 'Demo@2026');
  admin = await loginAs(system, 'quantri', 'Demo@2026');
  specialistId = (
    await system.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'chuyenvien.stp')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => system?.close());

describe('[R35, R31] control slip, hand-over receipt and paper copy of a returned dossier', () => {
  let dossier: { id: string; code: string };

  it('before reception there is no control slip (409); documents appear as the history grows', async () => {
    const fresh = await submitted();
    const before = await doc(desk, fresh.id, 'control_slip');
    expect(before.status).toBe(409);
    expect(before.json().code).toBe('DOSSIER_DOCUMENT_NOT_AVAILABLE');
    expect(await kinds(desk, fresh.id)).toEqual([]);
    await ok(desk, fresh.id, { action: 'accept' });
    expect(await kinds(desk, fresh.id)).toEqual(['receipt', 'control_slip']);
    expect((await doc(desk, fresh.id, 'result_handover')).status).toBe(409);
    expect((await doc(desk, fresh.id, 'stop_notice')).json().code).toBe('DOSSIER_DOCUMENT_NOT_AVAILABLE');
    // An open step: one row, no verdict yet.
    const text = await textOf(desk, fresh.id, 'control_slip');
    expect(count(text, 'Giao:')).toBe(1);
    expect(text).toContain('đang giải quyết');
  });

  it('the walked dossier lists its documents; the control slip has one row per ledger step, classified', async () => {
    dossier = await returned('desk');
    expect(await kinds(desk, dossier.id)).toEqual([
      'receipt',
      'control_slip',
      'result_handover',
      'paper_conversion_mark',
    ]);
    const db = system.database.db;
    const ledger = await db
      .selectFrom('dossierSteps')
      .selectAll()
      .where('dossierId', '=', dossier.id)
      .orderBy('seq')
      .execute();
    expect(ledger).toHaveLength(5);
    // Step 1 finished after its due time, step 2 at it (same day), the rest well before theirs.
    const [first, second] = ledger;
    await db
      .updateTable('dossierSteps')
      .set({ dueAt: new Date(new Date(first?.completedAt as Date).getTime() - 60_000) })
      .where('id', '=', first?.id as never)
      .execute();
    await db
      .updateTable('dossierSteps')
      .set({ dueAt: new Date(second?.completedAt as Date) })
      .where('id', '=', second?.id as never)
      .execute();
    // Early is decided on the Vietnam date: due three days after completion, whatever the hour the
    // suite runs (a one-day step finished at 00:48 is due the same evening, so it would be on time).
    for (const step of ledger.slice(2)) {
      await db
        .updateTable('dossierSteps')
        .set({ dueAt: new Date(new Date(step.completedAt as Date).getTime() + 3 * 86_400_000) })
        .where('id', '=', step.id as never)
        .execute();
    }
    const pdf = await doc(desk, dossier.id, 'control_slip');
    expect(pdf.status).toBe(200);
    const text = flat(pdfText(pdf.body));
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Mẫu số 06 (Thông tư số 03/2025/TT-VPCP)');
    expect(text).toContain(dossier.code);
    expect(count(text, 'Giao:')).toBe(5);
    expect(count(text, 'Nhận:')).toBe(5);
    // Each verdict once in the column header (repeated on each page), then once per row.
    const headers = count(text, 'TÊN CƠ QUAN');
    expect(count(text, 'Quá hạn')).toBe(headers + 1);
    expect(count(text, 'Đúng hạn')).toBe(headers + 1);
    expect(count(text, 'Trước hạn')).toBe(headers + 3);
    expect(text).toContain('Tổ chức, cá nhân (trả kết quả)');
    for (const officer of ['tiepnhan', 'chuyenvien.stp', 'truongphong.stp', 'lanhdao.stp']) {
      expect(text).toContain(await fullName(officer));
    }
    // Row 1 is the overdue one: in the laid-out text its line carries the verdict.
    const lines = pdfText(pdf.body, { layout: true }).split('\n');
    expect(lines.find((l) => l.includes('1. Giao:'))).toContain('Quá hạn');
    expect(lines.find((l) => l.includes('3. Giao:'))).toContain('Đúng hạn');
  });

  it('the hand-over receipt names the applicant, the officer and the paper form', async () => {
    const text = await textOf(citizen, dossier.id, 'result_handover');
    expect(text).toContain('BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(dossier.code);
    const { applicant } = await system.database.db
      .selectFrom('dossiers')
      .select('applicant')
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(text).toContain((applicant as { fullName: string }).fullName);
    expect(text).toContain(await fullName('tiepnhan'));
    expect(text).toContain('Bản giấy');
    expect(text).toContain('Bản điện tử');
  });

  it('[ND 45/2020 Đ18] the paper copy of the signed result carries the mark and the original’s SHA-256', async () => {
    const signed = await get(desk, `/api/v1/dossiers/${dossier.id}/result`);
    expect(signed.status).toBe(200);
    const pdf = await doc(desk, dossier.id, 'paper_conversion_mark');
    expect(pdf.status).toBe(200);
    expect(pdfPageCount(pdf.body)).toBe(pdfPageCount(signed.body) + 1);
    const text = flat(pdfText(pdf.body));
    expect(text).toContain('BẢN CHUYỂN ĐỔI TỪ VĂN BẢN ĐIỆN TỬ');
    expect(text).toContain(dossier.code);
    expect(text).toContain(createHash('sha256').update(signed.body).digest('hex'));
    expect(text).toContain('Chữ ký số của bản điện tử: hợp lệ');
    expect(text).toContain(await fullName('tiepnhan'));
  });

  it('a result returned online has no paper copy (409) and its receipt says electronic', async () => {
    const online = await returned('online');
    expect(await kinds(desk, online.id)).not.toContain('paper_conversion_mark');
    const res = await doc(desk, online.id, 'paper_conversion_mark');
    expect(res.status).toBe(409);
    expect(res.json().message.vi).toContain('bản giấy');
    const text = await textOf(desk, online.id, 'result_handover');
    expect(text).toContain('Bản điện tử');
    expect(text).not.toContain('Bản giấy');
  });

  it('[goal 9] another agency’s officer is refused (403), a stranger citizen sees nothing', async () => {
    expect((await doc(sxd, dossier.id, 'control_slip')).status).toBe(403);
    expect((await get(sxd, `/api/v1/dossiers/${dossier.id}/documents`)).status).toBe(403);
    expect((await doc('', dossier.id, 'control_slip')).status).toBe(401);
    expect((await doc(desk, dossier.id, 'tracking_book')).status).toBe(400);
  });
});

describe('[R19] stop notice under the 2025 rules; none under TT 01/2018', () => {
  it('a stopped dossier has its notice with the reason; the control slip ends with the stop', async () => {
    const dossier = await submitted();
    await ok(desk, dossier.id, { action: 'accept' });
    await ok(desk, dossier.id, { action: 'forward', assignTo: specialistId });
    await ok(specialist, dossier.id, { action: 'stop', reasons: ['Không đủ điều kiện cấp Phiếu'] });
    expect(await kinds(citizen, dossier.id)).toEqual(['receipt', 'stop_notice', 'control_slip']);
    const text = await textOf(citizen, dossier.id, 'stop_notice');
    expect(text).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Mẫu số 05 (Thông tư số 03/2025/TT-VPCP)');
    expect(text).toContain(dossier.code);
    expect(text).toContain('Không đủ điều kiện cấp Phiếu');
    expect(text).toContain(await fullName('chuyenvien.stp'));
    const slip = await textOf(desk, dossier.id, 'control_slip');
    expect(count(slip, 'Giao:')).toBe(2);
    expect(slip).toContain('Dừng giải quyết hồ sơ');

    // The same dossier under ND 61 / TT 01/2018: no stop-notice form (404), the control slip is Mẫu 05.
    const db = system.database.db;
    const old = await db
      .selectFrom('ruleSets')
      .select('id')
      .where('code', '=', 'nd61-tt01')
      .executeTakeFirstOrThrow();
    await db.updateTable('dossiers').set({ ruleSetId: old.id }).where('id', '=', dossier.id).execute();
    expect(await kinds(citizen, dossier.id)).toEqual(['receipt', 'control_slip']);
    const missing = await doc(citizen, dossier.id, 'stop_notice');
    expect(missing.status).toBe(404);
    expect(missing.json().code).toBe('DOCUMENT_NOT_IN_RULE_SET');
    const oldSlip = await textOf(desk, dossier.id, 'control_slip');
    expect(oldSlip).toContain('Mẫu số 05 (Thông tư số 01/2018/TT-VPCP)');
  });

  it('an administrator’s wording and header for the receiving agency apply to the control slip', async () => {
    const dossier = await submitted();
    await ok(desk, dossier.id, { action: 'accept' });
    const agency = await system.database.db
      .selectFrom('dossiers as d')
      .innerJoin('agencies as a', 'a.id', 'd.receivingAgencyId')
      .select('a.code')
      .where('d.id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    const put = await system.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/documents/templates/control_slip',
      headers: { ...JSON_HEADERS, cookie: admin },
      payload: {
        ruleSet: 'nd118_2025',
        agencyCode: agency.code,
        texts: { colNote: 'GHI CHÚ CỦA ĐƠN VỊ' },
        header: { governingAgency: 'Ủy ban nhân dân tỉnh An Hòa (thử)' },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const text = await textOf(desk, dossier.id, 'control_slip');
    expect(text).toContain('GHI CHÚ CỦA ĐƠN VỊ');
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH AN HÒA (THỬ)');
  });
});

describe('[R36] tracking book of a unit for a period (Mẫu 07)', () => {
  it('lists the dossiers received in the period with their times; scoped; period checked', async () => {
    const dossier = await returned('desk');
    const db = system.database.db;
    const row = await db
      .selectFrom('dossiers')
      .select(['receivingAgencyId', 'receivedAt'])
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(row.receivedAt as Date),
    );
    const url = (agencyId: string, from: string, to: string) =>
      `/api/v1/documents/tracking-book?agencyId=${agencyId}&from=${from}&to=${to}`;
    const book = await get(desk, url(row.receivingAgencyId, day, day));
    expect(book.status).toBe(200);
    const text = flat(pdfText(book.body));
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Mẫu số 07');
    expect(text).toContain(dossier.code);
    expect(text).toMatch(/Tổng số: \d+ hồ sơ\./);
    // Another period: not in it.
    const earlier = await get(desk, url(row.receivingAgencyId, '2025-01-01', '2025-01-31'));
    const earlierText = flat(pdfText(earlier.body));
    expect(earlierText).not.toContain(dossier.code);
    expect(earlierText).toContain('Không có hồ sơ trong kỳ.');
    expect(earlierText).toContain('Mẫu số 06 (Thông tư số 01/2018/TT-VPCP)');
    // Another agency's officer, a reversed or too long period, an unknown unit.
    expect((await get(sxd, url(row.receivingAgencyId, day, day))).status).toBe(403);
    expect((await get(citizen, url(row.receivingAgencyId, day, day))).status).toBe(403);
    expect((await get(desk, url(row.receivingAgencyId, '2026-02-01', '2026-01-01'))).status).toBe(400);
    expect((await get(desk, url(row.receivingAgencyId, '2024-01-01', '2026-01-01'))).status).toBe(400);
    expect((await get(desk, url(row.receivingAgencyId, '2026-13-01', '2026-01-01'))).status).toBe(400);
    const unknown = await get(desk, url('00000000-0000-4000-8000-000000000000', day, day));
    expect(unknown.status).toBe(404);
  });
});
