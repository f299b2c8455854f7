// Issue 7 through HTTP on a real database: the demo LLTP dossier walks its process from the desk
// through the specialist, the unit head and the signing leader back to the desk (status 10), with
// send-back (R35), supplement under both clock policies (R34), one apology only (R33), stop,
// withdrawal, hand-over (R22), batch forward (R23), the step ledger and the worklists (R36).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayHistory } from '../../src/domain/dossier/history.ts';
import { createUser } from '../../src/modules/auth/users.service.ts';
import { boundNotificationRuntime } from '../../src/modules/notifications/notifications.jobs.ts';
import { recomputeWarnings } from '../../src/modules/processing/warnings.job.ts';
import { act, getJson, onlineSubmission, postDossier, uploadPdf } from '../helpers/dossiers.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';
import { waitFor } from '../helpers/wait-for.ts';

let system: TestSystem;
let citizen: string;
let desk: string;
let specialist: string;
let head: string;
let leader: string;
let colleague: string;
let colleagueId: string;
let sxd: string;
let specialistId: string;
let sxdId: string;

async function accepted(): Promise<string> {
  const body = await onlineSubmission(system, citizen, 'AH-LLTP-01');
  const { status, body: dossier } = await postDossier(system, citizen, body);
  expect(status).toBe(201);
  const accept = await act(system, desk, dossier.id, { action: 'accept' });
  expect(accept.status).toBe(200);
  return dossier.id;
}

async function ok(cookie: string, id: string, body: Record<string, unknown>) {
  const answer = await act(system, cookie, id, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

async function atSpecialist(): Promise<string> {
  const id = await accepted();
  await ok(desk, id, { action: 'forward', assignTo: specialistId });
  return id;
}

async function listUrl(list: string, id: string): Promise<string> {
  const code = (
    await system.database.db
      .selectFrom('dossiers')
      .select('code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).code;
  return `/api/v1/worklists/${list}?q=${encodeURIComponent(code)}`;
}

const lookup = async (code: string) =>
  (await getJson(system, '', `/api/v1/lookup/${encodeURIComponent(code)}`)).body;

beforeAll(async () => {
  system = await startTestSystem();
  const stpUnit = await system.database.db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', '000.01.11.H99')
    .executeTakeFirstOrThrow();
  colleagueId = await system.database.db.transaction().execute((trx) =>
    createUser(trx, {
      username: 'chuyenvien2.stp',
      fullName: 'Ngô Văn Đồng',
      kind: 'officer',
      unitId: stpUnit.id,
      password: 'Mat-khau-dong-nghiep-2026',
      mustChangePassword: false,
      isDemo: true,
      roles: [{ role: 'specialist', scopeId: stpUnit.id }],
    }),
  );
  const ids = await system.database.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['chuyenvien.stp', 'chuyenvien.sxd'])
    .execute();
  specialistId = ids.find((u) => u.username === 'chuyenvien.stp')?.id ?? '';
  sxdId = ids.find((u) => u.username === 'chuyenvien.sxd')?.id ?? '';
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  specialist = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
  head = await loginAs(system, 'truongphong.stp', 'Demo@2026');
  leader = await loginAs(system, 'lanhdao.stp', 'Demo@2026');
  colleague = await loginAs(system, 'chuyenvien2.stp', 'Mat-khau-dong-nghiep-2026');
  sxd = await loginAs(system, 'chuyenvien.sxd', 'Demo@2026');
});
afterAll(async () => system?.close());

describe('[R21, R22, R35] the demo judicial-record dossier through its process', () => {
  let id: string;
  let code: string;

  it('acceptance puts the dossier at step 1 of the published process, held by the desk officer', async () => {
    id = await accepted();
    const steps = (await getJson(system, desk, `/api/v1/dossiers/${id}/steps`)).body;
    expect(steps.steps.map((s: { key: string }) => s.key)).toEqual([
      'tiep_nhan',
      'tham_dinh',
      'xem_xet',
      'ky_duyet',
      'tra_ket_qua',
    ]);
    expect(steps.ledger).toHaveLength(1);
    expect(steps.ledger[0]).toMatchObject({ stepKey: 'tiep_nhan', completedAt: null });
    expect(steps.ledger[0].dueAt).not.toBeNull();
    const detail = (await getJson(system, desk, `/api/v1/dossiers/${id}`)).body;
    code = detail.code;
    expect(detail).toMatchObject({ status: 2, subStatus: 'to_process', currentStepKey: 'tiep_nhan' });
    expect((await lookup(code)).status).toBe(2);
  });

  it('the desk forwards to the specialist (the only candidate), marking the paper received (R25)', async () => {
    const candidates = (await getJson(system, desk, `/api/v1/dossiers/${id}/assignees`)).body;
    expect(candidates.map((c: { username: string }) => c.username).sort()).toEqual([
      'chuyenvien.stp',
      'chuyenvien2.stp',
    ]);
    const missing = await act(system, desk, id, { action: 'forward' });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('CHOOSE_OFFICER');
    const after = await ok(desk, id, { action: 'forward', assignTo: specialistId, paperReceived: true });
    expect(after).toMatchObject({ status: 4, subStatus: 'processing', currentStepKey: 'tham_dinh' });
    expect((await lookup(code)).status).toBe(4);
    const ledger = (await getJson(system, specialist, `/api/v1/dossiers/${id}/steps`)).body.ledger;
    expect(ledger[0]).toMatchObject({ completedAction: 'forward' });
    expect(ledger[0].paperReceivedAt).not.toBeNull();
    expect(ledger[1]).toMatchObject({ stepKey: 'tham_dinh', holderName: 'Lê Minh Tuấn (demo)' });
  });

  it('only the holder acts: the unit head cannot forward yet; an officer of another agency cannot see it', async () => {
    expect((await act(system, head, id, { action: 'forward' })).status).toBe(403);
    expect((await act(system, sxd, id, { action: 'forward' })).status).toBe(403);
    const mine = (await getJson(system, specialist, await listUrl('mine', id))).body;
    expect(mine.items.map((d: { id: string }) => d.id)).toContain(id);
    const counts = (await getJson(system, specialist, '/api/v1/worklists/counts')).body;
    expect(counts.mine).toBeGreaterThanOrEqual(1);
  });

  it('[R35] the head sends it back with a reason; the specialist holds the step again with its remaining time', async () => {
    await ok(specialist, id, { action: 'forward' });
    const back = await act(system, head, id, { action: 'send_back' });
    expect(back.status).toBe(400);
    const after = await ok(head, id, { action: 'send_back', reasons: ['Thiếu ý kiến đề xuất'] });
    expect(after).toMatchObject({ status: 4, currentStepKey: 'tham_dinh' });
    const ledger = (await getJson(system, specialist, `/api/v1/dossiers/${id}/steps`)).body.ledger;
    expect(ledger.map((r: { stepKey: string }) => r.stepKey)).toEqual([
      'tiep_nhan',
      'tham_dinh',
      'xem_xet',
      'tham_dinh',
    ]);
    expect(ledger[2].completedAction).toBe('send_back');
    // The earlier step's clock continues: its new due time is not later than a fresh allotment would give.
    expect(Date.parse(ledger[3].dueAt)).toBeLessThanOrEqual(Date.parse(ledger[1].dueAt) + 7 * 86_400_000);
  });

  it('forward to the leader: awaiting signature; the leader approves with the result file', async () => {
    await ok(specialist, id, { action: 'forward' });
    const atLeader = await ok(head, id, { action: 'forward' });
    expect(atLeader).toMatchObject({ subStatus: 'awaiting_signature', currentStepKey: 'ky_duyet' });
    expect(
      (await getJson(system, leader, await listUrl('signature', id))).body.items.map(
        (d: { id: string }) => d.id,
      ),
    ).toContain(id);
    const actions = (await getJson(system, leader, `/api/v1/dossiers/${id}/actions`)).body.map(
      (a: { action: string }) => a.action,
    );
    expect(actions).toContain('approve');
    expect(actions).not.toContain('forward');
    expect((await act(system, leader, id, { action: 'approve' })).status).toBe(400);
    const fileId = await uploadPdf(system, leader, 'phieu-lltp.pdf');
    const approved = await ok(leader, id, { action: 'approve', resultFileId: fileId });
    expect(approved).toMatchObject({
      status: 4,
      subStatus: 'result_approved',
      currentStepKey: 'tra_ket_qua',
    });
    expect(approved.files.some((f: { componentKey: string }) => f.componentKey === 'ket-qua')).toBe(true);
  });

  it('the desk confirms the result (9) and returns it (10); the ledger closes; on time', async () => {
    expect(
      (await getJson(system, desk, await listUrl('to_return', id))).body.items.map(
        (d: { id: string }) => d.id,
      ),
    ).toContain(id);
    expect((await ok(desk, id, { action: 'confirm_result' })).status).toBe(9);
    expect((await lookup(code)).status).toBe(9);
    expect((await ok(desk, id, { action: 'return_result', deliveredHow: 'desk' })).status).toBe(10);
    expect((await lookup(code)).status).toBe(10);
    const steps = (await getJson(system, desk, `/api/v1/dossiers/${id}/steps`)).body;
    expect(steps.ledger.every((r: { completedAt: string | null }) => r.completedAt !== null)).toBe(true);
    expect(['early', 'on_time', 'onTime']).toContain(steps.timeliness);
    const history = (await getJson(system, desk, `/api/v1/dossiers/${id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'accept',
      'forward',
      'forward',
      'send_back',
      'forward',
      'forward',
      'approve',
      'confirm_result',
      'return_result',
    ]);
    // Officers appear by full name (printed on slips); the citizen's own submission carries none.
    expect(history[0].actorName).toBeNull();
    expect(history[1].actorName).toBe('Nguyễn Thị Lan (demo)');
  });
});

describe('[R34] supplement under both clock policies', () => {
  async function setPolicy(id: string, policy: 'restart' | 'pause') {
    const row = await system.database.db
      .selectFrom('dossiers')
      .select('ruleSetId')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const rs = await system.database.db
      .selectFrom('ruleSets')
      .select('settings')
      .where('id', '=', row.ruleSetId)
      .executeTakeFirstOrThrow();
    await system.database.db
      .updateTable('ruleSets')
      .set({ settings: JSON.stringify({ ...(rs.settings as object), supplementClock: policy }) })
      .where('id', '=', row.ruleSetId)
      .execute();
  }

  for (const policy of ['restart', 'pause'] as const) {
    it(`${policy}: 4 → 5 → 4, request and receipt times stored, the appointment recomputed`, async () => {
      const id = await atSpecialist();
      await setPolicy(id, policy);
      const before = (await getJson(system, specialist, `/api/v1/dossiers/${id}`)).body;
      const asked = await ok(specialist, id, {
        action: 'request_supplement',
        items: [{ name: 'Bản sao sổ hộ khẩu', reason: 'Cần đối chiếu nơi cư trú' }],
      });
      expect(asked).toMatchObject({ status: 5, subStatus: 'supplement_requested' });
      expect(
        (await getJson(system, specialist, await listUrl('waiting_applicant', id))).body.items.map(
          (d: { id: string }) => d.id,
        ),
      ).toContain(id);
      const back = await ok(citizen, id, { action: 'submit_supplement' });
      expect(back).toMatchObject({ status: 4, subStatus: 'processing', currentStepKey: 'tham_dinh' });
      const request = await system.database.db
        .selectFrom('dossierRequests')
        .selectAll()
        .where('dossierId', '=', id)
        .where('kind', '=', 'supplement')
        .executeTakeFirstOrThrow();
      expect(request.clockPolicy).toBe(policy);
      expect(request.requestedAt).not.toBeNull();
      expect(request.answeredAt).not.toBeNull();
      expect(request.completedAt).toBeNull();
      if (policy === 'restart') {
        // The full limit again from the supply time.
        expect(Date.parse(back.dueAt)).toBeGreaterThanOrEqual(Date.parse(before.dueAt));
      } else {
        // Waiting working time (seconds here) added to the old appointment.
        expect(Date.parse(back.dueAt) - Date.parse(before.dueAt)).toBeGreaterThanOrEqual(0);
        expect(Date.parse(back.dueAt) - Date.parse(before.dueAt)).toBeLessThan(3_600_000 * 24 * 4);
      }
      await ok(specialist, id, { action: 'forward' });
      const done = await system.database.db
        .selectFrom('dossierRequests')
        .select('completedAt')
        .where('dossierId', '=', id)
        .where('kind', '=', 'supplement')
        .executeTakeFirstOrThrow();
      expect(done.completedAt).not.toBeNull();
      await setPolicy(id, 'restart');
    });
  }
});

describe('[R33] apology, stop, withdrawal, hand-over, financial obligation', () => {
  it('an apology moves the appointment once; a second one is refused; the dossier counts as overdue', async () => {
    const id = await atSpecialist();
    const before = (await getJson(system, specialist, `/api/v1/dossiers/${id}`)).body;
    const newDueAt = new Date(Date.parse(before.dueAt) + 3 * 86_400_000).toISOString();
    const notLater = await act(system, specialist, id, {
      action: 'apologize',
      reasons: ['Cần xác minh thêm'],
      newDueAt: before.dueAt,
    });
    expect(notLater.status).toBe(422);
    const after = await ok(specialist, id, {
      action: 'apologize',
      reasons: ['Cần xác minh thêm tại địa phương'],
      newDueAt,
    });
    expect(after.dueAt).toBe(newDueAt);
    expect(after.apologyCount).toBe(1);
    const again = await act(system, specialist, id, {
      action: 'apologize',
      reasons: ['Lần hai'],
      newDueAt: new Date(Date.parse(newDueAt) + 86_400_000).toISOString(),
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('APOLOGY_LIMIT_REACHED');
    // Finish it early: still overdue because it apologised (R33).
    await ok(specialist, id, { action: 'forward' });
    await ok(head, id, { action: 'forward' });
    await ok(leader, id, { action: 'approve', resultFileId: await uploadPdf(system, leader, 'kq.pdf') });
    await ok(desk, id, { action: 'confirm_result' });
    const steps = (await getJson(system, desk, `/api/v1/dossiers/${id}/steps`)).body;
    expect(steps.apologised).toBe(true);
    expect(steps.timeliness).toBe('overdue');
    // The desk's return step stays open at status 9; past its due time it shows overdue (R36).
    await system.database.db
      .updateTable('dossierSteps')
      .set({ dueAt: new Date(Date.now() - 86_400_000) })
      .where('dossierId', '=', id)
      .where('completedAt', 'is', null)
      .execute();
    const returning = (await getJson(system, desk, `/api/v1/dossiers/${id}/steps`)).body.ledger.at(-1);
    expect(returning).toMatchObject({ completedAt: null, warning: 'overdue' });
  });

  it('stop: status 8 with reasons, the ledger closed', async () => {
    const id = await atSpecialist();
    expect((await act(system, specialist, id, { action: 'stop' })).status).toBe(400);
    const stopped = await ok(specialist, id, { action: 'stop', reasons: ['Không đủ điều kiện cấp Phiếu'] });
    expect(stopped.status).toBe(8);
    expect(stopped.resultAt).not.toBeNull();
    const ledger = (await getJson(system, desk, `/api/v1/dossiers/${id}/steps`)).body.ledger;
    expect(ledger.at(-1).completedAction).toBe('stop');
    expect((await act(system, specialist, id, { action: 'forward' })).status).toBe(409);
  });

  it('withdrawal during processing: the applicant asks (7), the desk confirms (8)', async () => {
    const id = await atSpecialist();
    expect((await ok(citizen, id, { action: 'request_withdrawal', note: 'Tôi không cần nữa' })).status).toBe(
      7,
    );
    expect((await act(system, specialist, id, { action: 'confirm_withdrawal' })).status).toBe(403);
    expect((await ok(desk, id, { action: 'confirm_withdrawal' })).status).toBe(8);
  });

  it('[R22] hand-over to a colleague of the same unit keeps the step and its due time', async () => {
    const id = await atSpecialist();
    const outside = await act(system, specialist, id, {
      action: 'handover',
      handoverTo: sxdId,
    });
    expect(outside.status).toBe(422);
    const before = (await getJson(system, specialist, `/api/v1/dossiers/${id}`)).body;
    const after = await ok(specialist, id, { action: 'handover', handoverTo: colleagueId });
    expect(after).toMatchObject({
      currentAssigneeId: colleagueId,
      currentStepKey: 'tham_dinh',
      stepDueAt: before.stepDueAt,
    });
    expect((await act(system, specialist, id, { action: 'forward' })).status).toBe(403);
    expect((await ok(colleague, id, { action: 'forward' })).currentStepKey).toBe('xem_xet');
  });

  it('financial obligation: 4 → 6 → 4 when the desk confirms payment', async () => {
    const id = await atSpecialist();
    const asked = await ok(specialist, id, {
      action: 'request_financial_obligation',
      items: [{ name: 'Lệ phí', amountVnd: 200000 }],
    });
    expect(asked.status).toBe(6);
    const paid = await ok(desk, id, { action: 'confirm_financial_obligation' });
    expect(paid).toMatchObject({ status: 4, subStatus: 'processing' });
  });
});

describe('[R23] batch', () => {
  it('forwards several dossiers at once, each in its own transaction, reporting each', async () => {
    const ids = [await accepted(), await accepted(), await atSpecialist()];
    const response = await system.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/actions/batch',
      headers: { ...JSON_HEADERS, cookie: desk },
      payload: { ids, action: 'forward', assignTo: specialistId },
    });
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body);
    expect(body.succeeded).toBe(2);
    expect(body.failed).toBe(1);
    expect(body.results[0]).toMatchObject({ id: ids[0], ok: true, status: 4 });
    expect(body.results[2]).toMatchObject({ id: ids[2], ok: false });
  });
});

describe('[R36] warnings job and worklists', () => {
  it('a step past its due time turns overdue, lands in the overdue list and writes one reminder to its holder', async () => {
    const id = await atSpecialist();
    const past = new Date(Date.now() - 2 * 86_400_000);
    await system.database.db.updateTable('dossiers').set({ stepDueAt: past }).where('id', '=', id).execute();
    await system.database.db
      .updateTable('dossierSteps')
      .set({ dueAt: past })
      .where('dossierId', '=', id)
      .where('completedAt', 'is', null)
      .execute();
    const runtime = boundNotificationRuntime();
    if (!runtime) {
      throw new Error('the test system binds the notification runtime');
    }
    const mail = {
      jobs: runtime.jobs,
      notify: { publicUrl: 'https://motcua.example.vn', config: runtime.config },
    };
    const first = await recomputeWarnings(system.database.db, new Date(), mail);
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    expect(first.emails).toBeGreaterThanOrEqual(1);
    const again = await recomputeWarnings(system.database.db, new Date(), mail);
    expect(again).toMatchObject({ reminders: 0, emails: 0 });
    // The holder gets one e-mail through the outbox, linking to the back-office screen.
    const { code } = (await getJson(system, specialist, `/api/v1/dossiers/${id}`)).body;
    const toHolder = () =>
      (system.notifications.local.smtp?.messages.list() ?? []).filter(
        (m) => m.to === 'chuyenvien.stp@anhoa.example.vn' && m.text.includes(code),
      );
    await waitFor(async () => toHolder().length > 0);
    expect(toHolder()).toHaveLength(1);
    expect(toHolder()[0]?.subject).toContain('quá hạn');
    expect(toHolder()[0]?.text).toContain(`https://motcua.example.vn/admin/ho-so/${id}`);
    // It is the officer's message, not the applicant's: kept out of the dossier's notification view.
    const view = (await getJson(system, specialist, `/api/v1/dossiers/${id}/notifications`)).body;
    expect(view.items.map((n: { event: string }) => n.event)).not.toContain('step_overdue');
    const row = await system.database.db
      .selectFrom('dossiers')
      .select(['stepWarning'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.stepWarning).toBe('overdue');
    const reminders = (await getJson(system, specialist, '/api/v1/worklists/reminders')).body;
    expect(reminders.filter((r: { dossierId: string }) => r.dossierId === id)).toHaveLength(1);
    const overdue = (await getJson(system, specialist, await listUrl('overdue', id))).body;
    const item = overdue.items.find((d: { id: string }) => d.id === id);
    expect(item.stepWarning).toBe('overdue');
    const counts = (await getJson(system, specialist, '/api/v1/worklists/counts')).body;
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    // Another agency's specialist sees none of it.
    const other = (await getJson(system, sxd, await listUrl('overdue', id))).body;
    expect(other.items.map((d: { id: string }) => d.id)).not.toContain(id);
  });
});

describe('[R21] process administration', () => {
  it('a draft over the time limit cannot be published; a valid one is published with its decision and retires the old one', async () => {
    const admin = await loginAs(system, 'quantri', 'Demo@2026');
    const list = (await getJson(system, admin, '/api/v1/processes')).body;
    const lltp = list.find((p: { procedureCode: string }) => p.procedureCode === 'AH-LLTP-01');
    expect(lltp).toMatchObject({ status: 'published', stepCount: 5 });
    const current = (await getJson(system, admin, `/api/v1/process-versions/${lltp.id}`)).body;
    expect(current.check.problems).toEqual([]);
    const tooLong = current.steps.map((s: { allottedMinutes: number }, i: number) =>
      i === 1 ? { ...s, allottedMinutes: 100 * 480, allottedMinutesOnline: 100 * 480 } : s,
    );
    const post = (url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
      system.app.inject({
        method,
        url,
        headers: { ...JSON_HEADERS, cookie: admin },
        payload: payload as object,
      });
    const draft = await post('/api/v1/processes', { procedureId: current.procedureId, steps: tooLong });
    expect(draft.statusCode).toBe(201);
    const draftBody = JSON.parse(draft.body);
    expect(draftBody.check.problems.map((p: { code: string }) => p.code)).toContain('exceeds_time_limit');
    const refused = await post(`/api/v1/process-versions/${draftBody.id}/publish`, {
      decisionRef: 'QĐ 99/QĐ-UBND',
      decisionDate: '2026-11-01',
    });
    expect(refused.statusCode).toBe(422);
    const fixed = await post(`/api/v1/process-versions/${draftBody.id}`, { steps: current.steps }, 'PUT');
    expect(fixed.statusCode).toBe(200);
    const published = await post(`/api/v1/process-versions/${draftBody.id}/publish`, {
      decisionRef: 'QĐ 99/QĐ-UBND',
      decisionDate: '2026-11-01',
    });
    expect(published.statusCode).toBe(200);
    expect(JSON.parse(published.body)).toMatchObject({ status: 'published', versionNo: 2 });
    expect((await getJson(system, admin, `/api/v1/process-versions/${lltp.id}`)).body.status).toBe('retired');
    // Officers without procedure.manage cannot edit processes.
    expect((await getJson(system, specialist, '/api/v1/processes')).status).toBe(403);
  });
});

describe('demo history', () => {
  it('the seed has a few hundred judicial-record dossiers across statuses, some overdue, each history replaying', async () => {
    const db = system.database.db;
    const rows = await db
      .selectFrom('dossiers')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('code', 'like', '%-9%')
      .groupBy('status')
      .execute();
    const byStatus = new Map(rows.map((r) => [Number(r.status), Number(r.n)]));
    const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(200);
    for (const status of [2, 4, 5, 8, 9, 10]) {
      expect(byStatus.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    }
    const overdue = await db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('warning', '=', 'overdue')
      .executeTakeFirstOrThrow();
    expect(Number(overdue.n)).toBeGreaterThan(0);
    const sample = await db
      .selectFrom('dossiers')
      .select(['id', 'status', 'subStatus'])
      .where('code', 'like', '%-9%')
      .limit(40)
      .execute();
    for (const d of sample) {
      const history = await db
        .selectFrom('dossierHistory')
        .selectAll()
        .where('dossierId', '=', d.id)
        .orderBy('seq')
        .execute();
      const replay = replayHistory(
        history.map((h) => ({
          action: h.action as never,
          relation: h.relation as never,
          statusBefore: h.statusBefore as never,
          statusAfter: h.statusAfter as never,
          subStatusBefore: h.subStatusBefore as never,
          subStatusAfter: h.subStatusAfter as never,
        })),
      );
      expect(replay).toEqual({ ok: true, status: d.status, subStatus: d.subStatus });
    }
    const counts = (await getJson(system, specialist, '/api/v1/worklists/counts')).body;
    expect(counts.mine).toBeGreaterThan(0);
    // Every count is the total of its list, for an officer at the desk and one in a unit.
    const deskOfficer = await loginAs(system, 'tiepnhan', 'Demo@2026');
    for (const cookie of [specialist, deskOfficer]) {
      const all = (await getJson(system, cookie, '/api/v1/worklists/counts')).body;
      for (const list of Object.keys(all)) {
        expect([list, all[list]]).toEqual([
          list,
          (await getJson(system, cookie, `/api/v1/worklists/${list}`)).body.total,
        ]);
      }
    }
  });
});
