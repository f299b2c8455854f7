// Issue 6 through HTTP on a real database: online submission, the desk's queue with the reception
// clock, completion request and answer, acceptance with the appointment, walk-in reception, refusal,
// withdrawal, idempotent retries, two officers at once, scopes, and the history as the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_CODE_PATTERN } from '../../src/domain/dossier/dossier-code.ts';
import { type HistoryEntry, replayHistory } from '../../src/domain/dossier/history.ts';
import { createUser } from '../../src/modules/auth/users.service.ts';
import { act, getJson, onlineSubmission, postDossier, uploadPdf } from '../helpers/dossiers.ts';
import { loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let citizen: string;
let otherCitizen: string;
let desk: string;
let sxd: string;
let dossierId: string;

beforeAll(async () => {
  system = await startTestSystem();
  await system.database.db.transaction().execute((trx) =>
    createUser(trx, {
      username: 'congdan.khac',
      fullName: 'Lê Thị Khác',
      kind: 'citizen',
      password: 'Mat-khau-rieng-2026',
      mustChangePassword: false,
      roles: [],
    }),
  );
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  otherCitizen = await loginAs(system, 'congdan.khac', 'Mat-khau-rieng-2026');
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  sxd = await loginAs(system, 'chuyenvien.sxd', 'Demo@2026');
});
afterAll(async () => system?.close());

describe('[R12, R17, R18] online submission and reception', () => {
  it('a citizen submits online: a national-format code, status 1, and an 8-working-hour reception clock', async () => {
    const body = await onlineSubmission(system, citizen, 'AH-LLTP-01');
    const { status, body: dossier } = await postDossier(system, citizen, body, 'submit-lltp-0001');
    expect(status).toBe(201);
    expect(dossier.code).toMatch(DOSSIER_CODE_PATTERN);
    expect(dossier.code.startsWith('000.00.06.H99-')).toBe(true);
    expect(dossier).toMatchObject({
      status: 1,
      statusName: { vi: 'Mới đăng ký' },
      subStatus: 'awaiting_reception',
      channel: 'online',
    });
    expect(dossier.receptionDueAt).not.toBeNull();
    expect(dossier.applicant.fullName).toBeTruthy();
    dossierId = dossier.id;
  });

  it('[goal 28] a retry with the same Idempotency-Key returns the same dossier and creates nothing', async () => {
    const body = await onlineSubmission(system, citizen, 'AH-LLTP-01');
    const first = await postDossier(system, citizen, body, 'submit-lltp-retry');
    const again = await postDossier(system, citizen, body, 'submit-lltp-retry');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const count = await system.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('applicantUserId', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('the desk sees it in the online queue with its colour; the citizen sees it in "my dossiers"', async () => {
    const queue = await getJson(system, desk, '/api/v1/dossiers?queue=online_new');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((d: { id: string }) => d.id === dossierId);
    expect(item).toMatchObject({ status: 1, procedureName: expect.stringContaining('lý lịch tư pháp') });
    expect(['normal', 'dueSoon', 'overdue']).toContain(item.warning);
    const mine = await getJson(system, citizen, '/api/v1/dossiers');
    expect(mine.body.items.map((d: { id: string }) => d.id)).toContain(dossierId);
    expect((await getJson(system, otherCitizen, '/api/v1/dossiers')).body.items).toEqual([]);
  });

  it('the desk may accept, request completion or refuse; the citizen may only ask to withdraw', async () => {
    const deskActions = (await getJson(system, desk, `/api/v1/dossiers/${dossierId}/actions`)).body.map(
      (a: { action: string }) => a.action,
    );
    expect(deskActions.sort()).toEqual(['accept', 'refuse', 'request_completion']);
    const citizenActions = (await getJson(system, citizen, `/api/v1/dossiers/${dossierId}/actions`)).body.map(
      (a: { action: string }) => a.action,
    );
    expect(citizenActions).toEqual(['request_withdrawal']);
  });

  it('[R19] one completion request listing everything; a second one is refused while it is open', async () => {
    const items = [{ componentKey: 'tp-2', name: 'Bản chụp CCCD', reason: 'Ảnh mờ, không đọc được số' }];
    expect((await act(system, desk, dossierId, { action: 'request_completion', items })).status).toBe(200);
    const again = await act(system, desk, dossierId, { action: 'request_completion', items });
    expect(again.status).toBe(409);
    const seen = await getJson(system, citizen, `/api/v1/dossiers/${dossierId}`);
    expect(seen.body).toMatchObject({
      status: 5,
      subStatus: 'completion_requested',
      openRequest: { kind: 'completion', items: [{ name: 'Bản chụp CCCD' }] },
    });
  });

  it('the citizen completes it with a new file: same dossier and code, the earlier file kept as superseded', async () => {
    const before = await getJson(system, citizen, `/api/v1/dossiers/${dossierId}`);
    const fileId = await uploadPdf(system, citizen, 'cccd-ro-net.pdf');
    const done = await act(system, citizen, dossierId, {
      action: 'submit_completion',
      components: [{ componentKey: 'tp-2', fileIds: [fileId] }],
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      code: before.body.code,
      status: 1,
      subStatus: 'completion_submitted',
      openRequest: null,
    });
    const tp2 = done.body.files.filter((f: { componentKey: string }) => f.componentKey === 'tp-2');
    expect(tp2.map((f: { superseded: boolean }) => f.superseded).sort()).toEqual([false, true]);
  });

  it('[R18] acceptance sets status 2 and the appointment 10 working days after reception', async () => {
    const accepted = await act(system, desk, dossierId, { action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 2, subStatus: 'to_process' });
    const received = Date.parse(accepted.body.receivedAt);
    const due = Date.parse(accepted.body.dueAt);
    // 10 working days are at least 14 calendar days when they span two weekends.
    expect(due - received).toBeGreaterThanOrEqual(13 * 86_400_000);
    const check = await getJson(
      system,
      '',
      `/api/v1/calendar/due?from=${encodeURIComponent(accepted.body.receivedAt.replace('Z', '+00:00'))}&workingDays=10&agency=000.00.11.H99`,
    );
    expect(Date.parse(check.body.due)).toBe(due);
  });

  it('[ND 45 Đ12, goals 21, 29] the history replays to the current state; each change is audited, synced and notified', async () => {
    const history = (await getJson(system, desk, `/api/v1/dossiers/${dossierId}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'request_completion',
      'submit_completion',
      'accept',
    ]);
    const entries: HistoryEntry[] = history.map(
      (
        h: {
          action: string;
          relation: string;
          statusBefore: number | null;
          statusAfter: number;
          subStatusAfter: string;
        },
        i: number,
      ) => ({
        action: h.action,
        relation: h.relation,
        statusBefore: h.statusBefore,
        statusAfter: h.statusAfter,
        subStatusBefore: i === 0 ? null : history[i - 1].subStatusAfter,
        subStatusAfter: h.subStatusAfter,
      }),
    );
    expect(replayHistory(entries)).toEqual({ ok: true, status: 2, subStatus: 'to_process' });
    const db = system.database.db;
    const audits = await db
      .selectFrom('auditLog')
      .select('action')
      .where('resourceId', '=', dossierId)
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'dossier.submit',
      'dossier.request_completion',
      'dossier.submit_completion',
      'dossier.accept',
    ]);
    const sync = await db
      .selectFrom('nationalSyncOutbox')
      .select('payload')
      .where('dossierId', '=', dossierId)
      .orderBy('id')
      .execute();
    expect(sync.map((s) => (s.payload as { TrangThaiHoSo: number }).TrangThaiHoSo)).toEqual([1, 5, 1, 2]);
    const notified = await db
      .selectFrom('notifications')
      .select('event')
      .where('dossierId', '=', dossierId)
      .execute();
    expect(new Set(notified.map((n) => n.event))).toEqual(new Set(['completion_requested', 'received']));
  });
});

describe('[goal 30] two officers on one dossier', () => {
  it('exactly one of two simultaneous acceptances wins; the other gets 409', async () => {
    const body = await onlineSubmission(system, citizen, 'AH-LLTP-01');
    const { body: created } = await postDossier(system, citizen, body);
    const desk2 = await loginAs(system, 'tiepnhan', 'Demo@2026');
    const results = await Promise.all([
      act(system, desk, created.id, { action: 'accept' }),
      act(system, desk2, created.id, { action: 'accept' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = (await getJson(system, desk, `/api/v1/dossiers/${created.id}/history`)).body.items;
    expect(history.filter((h: { action: string }) => h.action === 'accept')).toHaveLength(1);
  });
});

describe('[R15, R18] walk-in reception at the desk', () => {
  it('a desk officer receives a dossier on the spot: status 2, a code of the centre, an appointment', async () => {
    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
    const { status, body } = await postDossier(system, desk, {
      procedureId: procedure.id,
      channel: 'desk',
      applicant: {
        fullName: 'Trần Văn Bình',
        idNumber: '001090012345',
        phone: '0987654321',
        address: 'Xã An Phú, tỉnh An Hòa',
      },
      delivery: { method: 'desk' },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: 2,
      subStatus: 'to_process',
      channel: 'desk',
      applicant: { fullName: 'Trần Văn Bình' },
    });
    expect(body.code.startsWith('000.00.06.H99-')).toBe(true);
    expect(body.dueAt).not.toBeNull();
  });

  it('[R18] an immediate-result procedure is received, finished and returned at once, and still recorded', async () => {
    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-CT-01')).body;
    expect(procedure.version.immediateResult).toBe(true);
    const { status, body } = await postDossier(system, desk, {
      procedureId: procedure.id,
      // Certification is done by each commune: the desk names which one.
      agencyId: procedure.version.performingAgencyIds[0],
      channel: 'desk',
      applicant: {
        fullName: 'Lê Thị Chứng',
        idNumber: '001090012345',
        phone: '0987654322',
        address: 'Xã An Phú',
      },
      delivery: { method: 'desk' },
    });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.status).toBe(2);
    const actions = (await getJson(system, desk, `/api/v1/dossiers/${body.id}/actions`)).body.map(
      (a: { action: string }) => a.action,
    );
    expect(actions).toContain('confirm_result');
    const done = await act(system, desk, body.id, { action: 'confirm_result' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe(9);
    const returned = await act(system, desk, body.id, {
      action: 'return_result',
      deliveredHow: 'desk',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.status).toBe(10);
    const history = (await getJson(system, desk, `/api/v1/dossiers/${body.id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'receive',
      'confirm_result',
      'return_result',
    ]);
  });

  it('refuses a walk-in without the applicant, and a post delivery without an address', async () => {
    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
    expect(
      (
        await postDossier(system, desk, {
          procedureId: procedure.id,
          channel: 'desk',
          delivery: { method: 'desk' },
        })
      ).body,
    ).toMatchObject({ code: 'APPLICANT_REQUIRED' });
    const noAddress = await postDossier(system, desk, {
      procedureId: procedure.id,
      applicant: { fullName: 'A' },
      delivery: { method: 'post' },
    });
    expect(noAddress.body).toMatchObject({ code: 'DELIVERY_ADDRESS_REQUIRED', field: 'delivery.address' });
  });
});

describe('refusal and withdrawal', () => {
  it('[R19] the desk refuses with reasons: status 3, the result time set, nothing more possible', async () => {
    const { body: created } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    expect((await act(system, desk, created.id, { action: 'refuse' })).body).toMatchObject({
      code: 'ACTION_INPUT_REQUIRED',
      field: 'reasons',
    });
    const refused = await act(system, desk, created.id, {
      action: 'refuse',
      reasons: ['Không thuộc thẩm quyền giải quyết'],
    });
    expect(refused.body).toMatchObject({ status: 3, statusName: { vi: 'Không được tiếp nhận' } });
    expect(refused.body.resultAt).not.toBeNull();
    expect((await getJson(system, desk, `/api/v1/dossiers/${created.id}/actions`)).body).toEqual([]);
  });

  it('[R22] the applicant asks to withdraw (7) and the desk confirms (8)', async () => {
    const { body: created } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    expect(
      (await act(system, citizen, created.id, { action: 'request_withdrawal', note: 'Tôi không cần nữa' }))
        .body.status,
    ).toBe(7);
    expect((await act(system, desk, created.id, { action: 'confirm_withdrawal' })).body.status).toBe(8);
  });
});

describe('[R10, goals 8–9] scopes', () => {
  it('an officer of another agency is refused (403); another citizen learns nothing (404)', async () => {
    expect((await getJson(system, sxd, `/api/v1/dossiers/${dossierId}`)).status).toBe(403);
    expect((await getJson(system, otherCitizen, `/api/v1/dossiers/${dossierId}`)).status).toBe(404);
    expect(
      (await act(system, otherCitizen, dossierId, { action: 'request_withdrawal', note: 'x' })).status,
    ).toBe(404);
    expect((await getJson(system, '', `/api/v1/dossiers/${dossierId}`)).status).toBe(401);
  });

  it('refuses files that are not the applicant’s own, and incomplete or invalid submissions', async () => {
    const body = await onlineSubmission(system, citizen, 'AH-LLTP-01');
    const foreign = await uploadPdf(system, otherCitizen);
    const withForeign = { ...body, components: [{ componentKey: 'tp-2', fileIds: [foreign] }] };
    expect((await postDossier(system, citizen, withForeign)).body).toMatchObject({ code: 'FILE_NOT_USABLE' });
    expect((await postDossier(system, citizen, { ...body, components: [] })).body).toMatchObject({
      code: 'COMPONENT_MISSING',
      field: 'components.tp-2',
    });
    const badForm = { ...body, formData: { 'tp-1': { ...body.formData['tp-1'], soLuong: 99 } } };
    expect((await postDossier(system, citizen, badForm)).body).toMatchObject({
      code: 'EFORM_INVALID',
      field: expect.stringContaining('soLuong'),
    });
    expect((await postDossier(system, citizen, { ...body, procedureId: 'khong-ton-tai' })).status).toBe(404);
  });
});
