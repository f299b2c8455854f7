// Administrators add a rule set from a day on (brief: rules are data, with dates): the one in force
// ends the day before, earlier dossiers keep theirs, later ones follow the new settings (here the
// QĐ 766 supplement clock, R34). Bad input gets a structured error and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/domain/time/vietnam-date.ts';
import { act, getJson, postDossier } from '../helpers/dossiers.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let admin: string;
let desk: string;
let specialist: string;
let procedureId: string;

beforeAll(async () => {
  system = await startTestSystem();
  [admin, desk, specialist] = await Promise.all([
    loginAs(system, 'quantri', 'Demo@2026'),
    loginAs(system, 'tiepnhan', 'Demo@2026'),
    loginAs(system, 'chuyenvien.stp', 'Demo@2026'),
  ]);
  procedureId = (await getJson(system, '', '/api/v1/procedures/AH-LLTP-01')).body.id;
});
afterAll(async () => system?.close());

const provincial = (effectiveFrom: string, code = 'tinh-qd766') => ({
  code,
  name: { vi: 'Quy định tiếp nhận, giải quyết TTHC của tỉnh', en: 'Provincial one-stop rules' },
  legalBasis: ['Quyết định 766/QĐ-UBND'],
  effectiveFrom,
  settings: {
    formSet: 'tt03_2025',
    onlineReceptionWorkingHours: 8,
    transferCutoff: '15:00',
    transferWithinWorkingDays: 1,
    apologyMaxPerDossier: 1,
    apologyMinWorkingDaysBeforeDue: 1,
    supplementClock: 'pause',
    onTimeGranularity: 'localDate',
    receiveAcrossBoundaries: true,
  },
});

async function post(cookie: string, body: unknown) {
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/admin/rule-sets',
    headers: { ...JSON_HEADERS, cookie },
    payload: body as Record<string, unknown>,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

async function walkInAtSpecialist(fullName: string): Promise<string> {
  const created = await postDossier(system, desk, {
    procedureId,
    channel: 'desk',
    applicant: { fullName, idNumber: '001090012345', phone: '0912345678', address: 'Số 5 Lê Lợi, An Hòa' },
    delivery: { method: 'desk' },
  });
  expect(created.status).toBe(201);
  expect((await act(system, desk, created.body.id, { action: 'forward' })).status).toBe(200);
  return created.body.id;
}

const rows = async () => (await getJson(system, '', '/api/v1/rule-sets')).body.items;

describe('[brief: rules are data, with dates] adding a rule set', () => {
  it('only the system administrator may; bad input gets a structured error and changes nothing', async () => {
    const today = todayInVietnam();
    expect((await post('', provincial(today))).status).toBe(401);
    expect((await post(desk, provincial(today))).status).toBe(403);
    const unknownSetting = await post(admin, {
      ...provincial(today),
      settings: { ...provincial(today).settings, supplementClock: 'sometimes' },
    });
    expect(unknownSetting.status).toBe(400);
    expect(unknownSetting.body.code).toBe('VALIDATION');
    const badCode = await post(admin, provincial(today, 'Mã Tỉnh'));
    expect(badCode.status).toBe(400);
    const past = await post(admin, provincial('2025-01-01'));
    expect(past).toMatchObject({ status: 400, body: { field: 'effectiveFrom' } });
    expect(past.body.message.vi).toContain('không được trước hôm nay');
    const taken = await post(admin, provincial(today, 'nd118-tt03'));
    expect(taken.status).toBe(409);
    expect((await rows()).map((r: { code: string }) => r.code)).toEqual(['nd61-tt01', 'nd118-tt03']);
  });

  it('from today: the rule set in force ends yesterday, earlier dossiers keep theirs, new ones pause the clock', async () => {
    const before = await walkInAtSpecialist('Trước Quy Định Mới');
    const today = todayInVietnam();
    const added = await post(admin, provincial(today));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      code: 'tinh-qd766',
      effectiveFrom: today,
      effectiveTo: null,
      national: false,
    });
    const all = await rows();
    expect(all.map((r: { code: string }) => r.code)).toEqual(['nd61-tt01', 'nd118-tt03', 'tinh-qd766']);
    expect(all[1].effectiveTo < today).toBe(true);
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select(['action', 'resourceId'])
      .where('action', '=', 'rule_set.add')
      .execute();
    expect(audit).toEqual([{ action: 'rule_set.add', resourceId: added.body.id }]);
    // A second rule set the same day is refused (one change a day keeps every day's rules clear).
    expect((await post(admin, provincial(today, 'tinh-khac'))).status).toBe(409);

    const after = await walkInAtSpecialist('Sau Quy Định Mới');
    expect((await getJson(system, desk, `/api/v1/dossiers/${before}`)).body.ruleSetCode).toBe('nd118-tt03');
    expect((await getJson(system, desk, `/api/v1/dossiers/${after}`)).body.ruleSetCode).toBe('tinh-qd766');
    for (const [id, policy] of [
      [before, 'restart'],
      [after, 'pause'],
    ] as const) {
      const asked = await act(system, specialist, id, {
        action: 'request_supplement',
        items: [{ name: 'Bản sao giấy khai sinh' }],
      });
      expect(asked.status).toBe(200);
      const detail = (await getJson(system, specialist, `/api/v1/dossiers/${id}`)).body;
      expect(detail.openRequest).toMatchObject({ kind: 'supplement', clockPolicy: policy });
    }
  });
});
