// Issue 8: the official slips of real dossiers as PDF — GET /api/v1/dossiers/{id}/documents/{kind}.
// poppler reads the text back; the QR code on the receipt is read from its pixels and must encode the
// public lookup link for the code. Access: the applicant and officers who may read the dossier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupUrl } from '../../src/domain/lookup/lookup-reply.ts';
import { act, getJson, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { pdfText } from '../helpers/poppler.ts';
import { pdfQrEncodes } from '../helpers/qr.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let citizen: string;
let desk: string;
let sxd: string;

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function getPdf(cookie: string, id: string, kind: string) {
  const res = await system.app.inject({
    url: `/api/v1/dossiers/${id}/documents/${kind}`,
    headers: { cookie },
  });
  return {
    status: res.statusCode,
    type: res.headers['content-type'],
    body: res.rawPayload,
    json: () => res.json(),
  };
}

beforeAll(async () => {
  system = await startTestSystem();
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  sxd = await loginAs(system, 'chuyenvien.sxd', 'Demo@2026');
});
afterAll(async () => system?.close());

describe('[R18] Mẫu 01 receipt of a real dossier', () => {
  it('a walk-in dossier: code, title, applicant, procedure, components, appointment, officer and a QR to the lookup', async () => {
    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
    const { status, body: dossier } = await postDossier(system, desk, {
      procedureId: procedure.id,
      channel: 'desk',
      applicant: { fullName: 'Trần Văn Bình', phone: '0987654321', address: 'Xã An Phú, tỉnh An Hòa' },
      delivery: { method: 'desk' },
    });
    expect(status).toBe(201);
    const pdf = await getPdf(desk, dossier.id, 'receipt');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat(pdfText(pdf.body));
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(dossier.code);
    expect(text).toContain('Trần Văn Bình');
    expect(text).toContain(procedure.version.name.slice(0, 30));
    const required = procedure.version.components.find((c: { required: boolean }) => c.required);
    expect(text).toContain(required.name.slice(0, 25));
    const officer = await system.database.db
      .selectFrom('users')
      .select('fullName')
      .where('username', '=', 'tiepnhan')
      .executeTakeFirstOrThrow();
    expect(text).toContain(officer.fullName);
    // The appointment day as printed (dd/mm/yyyy in Vietnam time).
    const due = new Date(dossier.dueAt);
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(due);
    expect(text).toContain(day);
    // Rule set of the reception: the ND 118/2025 set in 2026.
    expect(text).toMatch(/Mẫu số 01/);
    expect(pdfQrEncodes(pdf.body, lookupUrl(system.app.deps.config.publicUrl, dossier.code))).toBe(true);
    expect(pdfQrEncodes(pdf.body, lookupUrl(system.app.deps.config.publicUrl, `${dossier.code}X`))).toBe(
      false,
    );
  });

  it('a dossier received under ND 61/TT 01 keeps the TT 01/2018 form set', async () => {
    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
    const { body: dossier } = await postDossier(system, desk, {
      procedureId: procedure.id,
      channel: 'desk',
      applicant: { fullName: 'Lý Văn Cũ' },
      delivery: { method: 'desk' },
    });
    const db = system.database.db;
    const old = await db
      .selectFrom('ruleSets')
      .select('id')
      .where('code', '=', 'nd61-tt01')
      .executeTakeFirstOrThrow();
    await db.updateTable('dossiers').set({ ruleSetId: old.id }).where('id', '=', dossier.id).execute();
    // The detail says which forms apply, so the HTML print view names the right circular too.
    expect((await getJson(system, desk, `/api/v1/dossiers/${dossier.id}`)).body.formSet).toBe('tt01_2018');
    const text = flat(pdfText((await getPdf(desk, dossier.id, 'receipt')).body));
    expect(text).toContain('Thông tư số 01/2018/TT-VPCP');
    expect(text).toContain(dossier.code);
    const current = flat(
      pdfText(
        (
          await getPdf(
            desk,
            (
              await postDossier(system, desk, {
                procedureId: procedure.id,
                channel: 'desk',
                applicant: { fullName: 'Lý Văn Mới' },
                delivery: { method: 'desk' },
              })
            ).body.id,
            'receipt',
          )
        ).body,
      ),
    );
    expect(current).toContain('Thông tư số 03/2025/TT-VPCP');
  });

  it('an online dossier has no receipt before acceptance (409); after it, the applicant downloads it', async () => {
    const { body: dossier } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    const before = await getPdf(citizen, dossier.id, 'receipt');
    expect(before.status).toBe(409);
    expect(before.json().code).toBe('DOSSIER_DOCUMENT_NOT_AVAILABLE');
    expect((await act(system, desk, dossier.id, { action: 'accept' })).status).toBe(200);
    const after = await getPdf(citizen, dossier.id, 'receipt');
    expect(after.status).toBe(200);
    expect(flat(pdfText(after.body))).toContain(dossier.code);
  });

  it('[goal 9] others cannot: another agency’s officer 403, anonymous 401, unknown kind 400', async () => {
    const { body: dossier } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    await act(system, desk, dossier.id, { action: 'accept' });
    expect((await getPdf(sxd, dossier.id, 'receipt')).status).toBe(403);
    expect((await getPdf('', dossier.id, 'receipt')).status).toBe(401);
    expect((await getPdf(desk, dossier.id, 'receipt.exe')).status).toBe(400);
    expect((await getPdf(desk, '00000000-0000-4000-8000-000000000000', 'receipt')).status).toBe(404);
  });
});

describe('[R19] completion request (02), refusal (03) and apology (04) from the history', () => {
  it('the completion request lists what the desk asked for; the refusal its reasons', async () => {
    const { body: dossier } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    expect((await getPdf(desk, dossier.id, 'completion_request')).status).toBe(409);
    const items = [{ componentKey: 'tp-2', name: 'Bản chụp CCCD', reason: 'Ảnh mờ, không đọc được số' }];
    expect(
      (await act(system, desk, dossier.id, { action: 'request_completion', items, note: 'Thiếu giấy tờ' }))
        .status,
    ).toBe(200);
    const request = await getPdf(citizen, dossier.id, 'completion_request');
    expect(request.status).toBe(200);
    const requestText = flat(pdfText(request.body));
    expect(requestText).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(requestText).toContain('Bản chụp CCCD');
    expect(requestText).toContain('Ảnh mờ, không đọc được số');

    const { body: other } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    await act(system, desk, other.id, { action: 'refuse', reasons: ['Không thuộc thẩm quyền giải quyết'] });
    const refusal = await getPdf(citizen, other.id, 'refusal');
    expect(refusal.status).toBe(200);
    const refusalText = flat(pdfText(refusal.body));
    expect(refusalText).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refusalText).toContain('Không thuộc thẩm quyền giải quyết');
    expect(refusalText).toContain('Trần Văn Dân');
    // No apology was made: nothing to print.
    expect((await getPdf(citizen, other.id, 'apology')).status).toBe(409);
  });
});
