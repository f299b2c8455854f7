// Issue 6 server gaps through HTTP on a real database: submission drafts kept on the server for
// their owner only (resumable on another device), and the outage register that back-entry (R16)
// refers to; plus code uniqueness when 50 acceptances and 50 walk-in receptions race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_CODE_PATTERN } from '../../src/domain/dossier/dossier-code.ts';
import { createUser } from '../../src/modules/auth/users.service.ts';
import { act, getJson, onlineSubmission, postDossier } from '../helpers/dossiers.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let citizen: string;
let otherCitizen: string;
let desk: string;
let specialist: string;

async function send(cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
  const response = await system.app.inject({
    method,
    url,
    headers: { ...(body === undefined ? { 'x-requested-with': 'motcua' } : JSON_HEADERS), cookie },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
}

beforeAll(async () => {
  system = await startTestSystem();
  await system.database.db.transaction().execute((trx) =>
    createUser(trx, {
      username: 'congdan.nhap',
      fullName: 'Phạm Văn Nháp',
      kind: 'citizen',
      password: 'Mat-khau-rieng-2026',
      mustChangePassword: false,
      roles: [],
    }),
  );
  citizen = await loginAs(system, '0912345678', 'Demo@2026');
  otherCitizen = await loginAs(system, 'congdan.nhap', 'Mat-khau-rieng-2026');
  desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
  specialist = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
});
afterAll(async () => system?.close());

describe('[R12] submission drafts on the server', () => {
  let draftId: string;
  let savedAt: string;

  it('a citizen saves a draft and resumes it from another session (another device)', async () => {
    const created = await send(citizen, 'POST', '/api/v1/dossier-drafts', {
      procedureId: 'AH-LLTP-01',
      data: { step: 'form', formData: { 'tp-1': { hoTen: 'Nguyễn Văn An' } } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ procedureName: expect.stringContaining('lý lịch tư pháp') });
    draftId = created.body.id;
    const otherDevice = await loginAs(system, '0912345678', 'Demo@2026');
    const resumed = await send(otherDevice, 'GET', `/api/v1/dossier-drafts/${draftId}`);
    expect(resumed.body.data).toEqual({ step: 'form', formData: { 'tp-1': { hoTen: 'Nguyễn Văn An' } } });
    const list = await send(otherDevice, 'GET', '/api/v1/dossier-drafts');
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([draftId]);
    savedAt = resumed.body.updatedAt;
  });

  it('saving again replaces the data; a save based on a stale copy is refused (409)', async () => {
    const saved = await send(citizen, 'PUT', `/api/v1/dossier-drafts/${draftId}`, {
      data: { step: 'files' },
      expectedUpdatedAt: savedAt,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual({ step: 'files' });
    const stale = await send(citizen, 'PUT', `/api/v1/dossier-drafts/${draftId}`, {
      data: { step: 'review' },
      expectedUpdatedAt: savedAt,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('DRAFT_CHANGED');
  });

  it('[goal 9] another user can neither read, change, nor delete it, nor learn it exists (404)', async () => {
    expect((await send(otherCitizen, 'GET', `/api/v1/dossier-drafts/${draftId}`)).status).toBe(404);
    expect(
      (await send(otherCitizen, 'PUT', `/api/v1/dossier-drafts/${draftId}`, { data: { step: 'x' } })).status,
    ).toBe(404);
    expect((await send(otherCitizen, 'DELETE', `/api/v1/dossier-drafts/${draftId}`)).status).toBe(404);
    expect((await send(otherCitizen, 'GET', '/api/v1/dossier-drafts')).body.items).toEqual([]);
    expect((await send('', 'GET', '/api/v1/dossier-drafts')).status).toBe(401);
    expect((await send(citizen, 'GET', `/api/v1/dossier-drafts/${draftId}`)).body.data).toEqual({
      step: 'files',
    });
  });

  it('refuses an unknown procedure, an oversize draft and unknown fields with clear errors', async () => {
    const unknown = await send(citizen, 'POST', '/api/v1/dossier-drafts', {
      procedureId: 'khong-ton-tai',
      data: {},
    });
    expect(unknown.body).toMatchObject({ code: 'PROCEDURE_NOT_FOUND', field: 'procedureId' });
    const huge = await send(citizen, 'PUT', `/api/v1/dossier-drafts/${draftId}`, {
      data: { blob: 'x'.repeat(300 * 1024) },
    });
    expect(huge.status).toBe(413);
    const extra = await send(citizen, 'PUT', `/api/v1/dossier-drafts/${draftId}`, { data: {}, owner: 'x' });
    expect(extra.status).toBe(400);
  });

  it('the owner deletes it; it is gone', async () => {
    expect((await send(citizen, 'DELETE', `/api/v1/dossier-drafts/${draftId}`)).status).toBe(204);
    expect((await send(citizen, 'GET', `/api/v1/dossier-drafts/${draftId}`)).status).toBe(404);
  });
});

describe('[R16, goal 33] outage register and back-entry', () => {
  const startsAt = new Date(Date.now() - 6 * 3_600_000).toISOString();
  const endsAt = new Date(Date.now() - 2 * 3_600_000).toISOString();

  it('only a desk officer may declare an outage; it is audited', async () => {
    const body = { startsAt, endsAt, reason: 'Mất điện toàn trụ sở', reference: 'SC-2026-001' };
    expect((await send(specialist, 'POST', '/api/v1/outages', body)).status).toBe(403);
    expect((await send(citizen, 'POST', '/api/v1/outages', body)).status).toBe(403);
    const declared = await send(desk, 'POST', '/api/v1/outages', body);
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ reference: 'SC-2026-001', dossierCount: 0 });
    const again = await send(desk, 'POST', '/api/v1/outages', body);
    expect(again.body).toMatchObject({ code: 'OUTAGE_REFERENCE_TAKEN', field: 'reference' });
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select(['action', 'reason'])
      .where('resourceId', '=', declared.body.id)
      .execute();
    expect(audit).toEqual([{ action: 'outage.declare', reason: 'Mất điện toàn trụ sở' }]);
  });

  it('refuses an outage that ends before it starts, or in the future', async () => {
    const backwards = await send(desk, 'POST', '/api/v1/outages', {
      startsAt: endsAt,
      endsAt: startsAt,
      reason: 'Sai thứ tự',
      reference: 'SC-2026-002',
    });
    expect(backwards.body).toMatchObject({ code: 'OUTAGE_WINDOW_INVALID', field: 'endsAt' });
    const future = await send(desk, 'POST', '/api/v1/outages', {
      startsAt,
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      reason: 'Chưa kết thúc',
      reference: 'SC-2026-003',
    });
    expect(future.status).toBe(422);
  });

  it('a walk-in dossier back-entered against it keeps its real reception time and counts on the outage', async () => {
    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
    const receivedAt = new Date(Date.now() - 4 * 3_600_000).toISOString();
    const { status, body } = await postDossier(system, desk, {
      procedureId: procedure.id,
      channel: 'desk',
      applicant: { fullName: 'Đỗ Văn Sự Cố', idNumber: '001090099999', phone: '0987000111' },
      delivery: { method: 'desk' },
      backEntry: { receivedAt, reason: 'Tiếp nhận giấy khi mất điện', outageReference: 'SC-2026-001' },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 2, backEntered: true });
    expect(Date.parse(body.receivedAt)).toBe(Date.parse(receivedAt));
    const outside = await postDossier(system, desk, {
      procedureId: procedure.id,
      channel: 'desk',
      applicant: { fullName: 'Ngoài Giờ' },
      delivery: { method: 'desk' },
      backEntry: {
        receivedAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
        reason: 'Không trong sự cố',
        outageReference: 'SC-2026-001',
      },
    });
    expect(outside.status).toBeGreaterThanOrEqual(400);
    const list = await send(desk, 'GET', '/api/v1/outages');
    expect(list.body.items.find((o: { reference: string }) => o.reference === 'SC-2026-001')).toMatchObject({
      dossierCount: 1,
    });

    // Its next action, also done by hand during the outage, is back-entered with its real time: a
    // reason is required; the history keeps the real time and is marked.
    const assignees = (await getJson(system, desk, `/api/v1/dossiers/${body.id}/assignees`)).body;
    const forward = {
      action: 'forward',
      assignTo: assignees[0].id,
      at: new Date(Date.parse(receivedAt) + 30 * 60_000).toISOString(),
      outageReference: 'SC-2026-001',
    };
    const noReason = await act(system, desk, body.id, forward);
    expect(noReason.body).toMatchObject({ code: 'VALIDATION', field: 'note' });
    const notDesk = await act(system, specialist, body.id, { ...forward, note: 'Chuyển tay khi mất điện' });
    expect(notDesk.status).toBe(403);
    const done = await act(system, desk, body.id, { ...forward, note: 'Chuyển hồ sơ giấy khi mất điện' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const history = (await getJson(system, desk, `/api/v1/dossiers/${body.id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({
      action: 'forward',
      note: 'Chuyển hồ sơ giấy khi mất điện',
      backEntered: true,
    });
    expect(Date.parse(history.at(-1).at)).toBe(Date.parse(forward.at));
  });
});

describe('[R17] reception clock colour', () => {
  it('a fresh online dossier has its full 8 working hours: green, not amber', async () => {
    const { body } = await postDossier(
      system,
      citizen,
      await onlineSubmission(system, citizen, 'AH-LLTP-01'),
    );
    expect(body.status).toBe(1);
    expect(body.warning).toBe('normal');
  });
});

describe('[goal 30] dossier codes under concurrency', () => {
  it('50 online dossiers accepted at once by two desk sessions: 50 distinct codes, one acceptance each', async () => {
    const created: Array<{ id: string; code: string }> = [];
    for (let i = 0; i < 50; i++) {
      const response = await system.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        remoteAddress: `10.0.6.${i + 1}`,
        headers: { ...JSON_HEADERS, cookie: citizen },
        payload: await onlineSubmission(system, citizen, 'AH-LLTP-01'),
      });
      expect(response.statusCode).toBe(201);
      created.push(JSON.parse(response.body));
    }
    const desk2 = await loginAs(system, 'tiepnhan', 'Demo@2026');
    const results = await Promise.all(
      created.map((d, i) => act(system, i % 2 ? desk : desk2, d.id, { action: 'accept' })),
    );
    expect(results.map((r) => r.status)).toEqual(created.map(() => 200));
    expect(results.every((r) => r.body.status === 2)).toBe(true);
    const codes = results.map((r) => r.body.code);
    expect(new Set(codes).size).toBe(50);
    expect(codes.sort()).toEqual(created.map((d) => d.code).sort());
  });

  it('50 walk-in receptions at once get 50 distinct, well-formed, gapless codes of the day', async () => {
    const procedure = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body;
    // Each from its own address: the per-address limit on submissions is not what is tested here.
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const response = await system.app.inject({
          method: 'POST',
          url: '/api/v1/dossiers',
          remoteAddress: `10.0.7.${i + 1}`,
          headers: { ...JSON_HEADERS, cookie: desk },
          payload: {
            procedureId: procedure.id,
            channel: 'desk',
            applicant: { fullName: `Người nộp ${i}`, idNumber: `0010900${String(i).padStart(5, '0')}` },
            delivery: { method: 'desk' },
          },
        });
        return { status: response.statusCode, body: JSON.parse(response.body) };
      }),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    const codes = results.map((r) => r.body.code as string);
    expect(codes.every((c) => DOSSIER_CODE_PATTERN.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(50);
    const numbers = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(49);
  });
});
