// R1, R10: system administrators manage the agency tree (create, edit, close, merge with history,
// JSON import/export) and the sector list; nobody else can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyIdsByCode, createTestOfficer } from '../helpers/accounts.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let admin: string;
let agencies: Map<string, string>;
beforeAll(async () => {
  system = await startTestSystem();
  admin = await loginAs(system, 'quantri', 'Demo@2026');
  agencies = await agencyIdsByCode(system);
});
afterAll(async () => system?.close());

const call = (cookie: string, method: string, url: string, payload?: unknown) =>
  system.app.inject({
    method: method as 'GET',
    url,
    headers: { ...JSON_HEADERS, cookie },
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
const body = (r: { body: string }) => JSON.parse(r.body);
const STP = () => agencies.get('000.00.11.H99') as string;

const newUnit = (code: string, name: string, parentId: string) => ({
  code,
  name,
  level: 'province',
  kind: 'unit',
  parentId,
  validFrom: '2026-01-01',
});

describe('[R1] agency tree administration', () => {
  it('only system administrators create agencies; unit administrators get 403', async () => {
    const unitAdmin = await loginAs(system, 'quantri.stp', 'Demo@2026');
    const refused = await call(
      unitAdmin,
      'POST',
      '/api/v1/admin/agencies',
      newUnit('000.04.11.H99', 'Phòng X', STP()),
    );
    expect(refused.statusCode).toBe(403);
    const created = await call(
      admin,
      'POST',
      '/api/v1/admin/agencies',
      newUnit('000.04.11.H99', 'Phòng  Công chứng ', STP()),
    );
    expect(created.statusCode).toBe(201);
    expect(body(created)).toMatchObject({ code: '000.04.11.H99', name: 'Phòng Công chứng', parentId: STP() });
    const duplicate = await call(
      admin,
      'POST',
      '/api/v1/admin/agencies',
      newUnit('000.04.11.H99', 'Lại', STP()),
    );
    expect(duplicate.statusCode).toBe(409);
    const badCode = await call(
      admin,
      'POST',
      '/api/v1/admin/agencies',
      newUnit('000.04.11.h99', 'Sai mã', STP()),
    );
    expect(badCode.statusCode).toBe(400);
  });

  it('refuses to put an agency under its own unit', async () => {
    const unit = agencies.get('000.01.11.H99') as string;
    const cycle = await call(admin, 'PATCH', `/api/v1/admin/agencies/${STP()}`, { parentId: unit });
    expect(cycle.statusCode).toBe(409);
    expect(body(cycle).code).toBe('AGENCY_CYCLE');
    const edit = await call(admin, 'PATCH', `/api/v1/admin/agencies/${STP()}`, { hotline: '0299 3800 999' });
    expect(body(edit).hotline).toBe('0299 3800 999');
  });

  it('[R10] a merger moves officers, role scopes and units to the successor, keeping history', async () => {
    const old = body(
      await call(admin, 'POST', '/api/v1/admin/agencies', {
        code: '000.00.16.H99',
        shortName: 'scu',
        name: 'Sở Cũ',
        level: 'province',
        kind: 'department',
        parentId: agencies.get('000.00.00.H99'),
        validFrom: '2020-01-01',
      }),
    );
    const oldUnit = body(
      await call(admin, 'POST', '/api/v1/admin/agencies', newUnit('000.01.16.H99', 'Phòng Cũ', old.id)),
    );
    const officer = await createTestOfficer(system, {
      username: 'canbo.scu',
      unitId: old.id,
      roles: [{ role: 'specialist', scopeId: old.id }],
    });
    const notEmpty = await call(admin, 'POST', `/api/v1/admin/agencies/${old.id}/close`, {
      validTo: '2026-06-30',
      successorId: null,
    });
    expect(notEmpty.statusCode).toBe(409);
    const merged = await call(admin, 'POST', `/api/v1/admin/agencies/${old.id}/close`, {
      validTo: '2026-06-30',
      successorId: STP(),
    });
    expect(body(merged)).toEqual({ movedUsers: 1, movedRoles: 1, movedUnits: 1 });
    const db = system.database.db;
    const user = await db
      .selectFrom('users')
      .select('unitId')
      .where('id', '=', officer)
      .executeTakeFirstOrThrow();
    expect(user.unitId).toBe(STP());
    const roles = await db
      .selectFrom('userRoles')
      .select(['role', 'scopeId'])
      .where('userId', '=', officer)
      .execute();
    expect(roles).toEqual([{ role: 'specialist', scopeId: STP() }]);
    const history = await db
      .selectFrom('userUnitHistory')
      .selectAll()
      .where('userId', '=', officer)
      .execute();
    expect(history).toMatchObject([{ fromUnitId: old.id, toUnitId: STP(), reason: 'merge' }]);
    const closed = body(await call(admin, 'GET', '/api/v1/agencies/000.00.16.H99'));
    expect(closed).toMatchObject({ validTo: '2026-06-30', successorId: STP() });
    const unit = await db
      .selectFrom('agencies')
      .select('parentId')
      .where('id', '=', oldUnit.id)
      .executeTakeFirstOrThrow();
    expect(unit.parentId).toBe(STP());
    // The unit administrator of the successor now administers the moved officer.
    const stpAdmin = await loginAs(system, 'quantri.stp', 'Demo@2026');
    const list = body(await call(stpAdmin, 'GET', '/api/v1/admin/users?q=canbo.scu'));
    expect(list.items).toHaveLength(1);
    const audit = await db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'agency.merge')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ movedUsernames: ['canbo.scu'], movedUsers: 1 });
  });

  it('exports the tree as JSON and imports it back (update by code, create new codes)', async () => {
    const exported = await call(admin, 'GET', '/api/v1/admin/agencies/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const file = body(exported);
    expect(file.format).toBe('motcua.agencies.v1');
    expect(file.agencies.find((a: { code: string }) => a.code === '000.01.11.H99').parentCode).toBe(
      '000.00.11.H99',
    );
    const renamed = file.agencies.map((a: { code: string; name: string }) =>
      a.code === '000.00.15.H99' ? { ...a, name: 'Sở Y tế tỉnh An Hòa' } : a,
    );
    renamed.push({
      ...file.agencies.find((a: { code: string }) => a.code === '000.00.51.H99'),
      code: '000.00.57.H99',
      shortName: 'tanphu',
      name: 'Ủy ban nhân dân xã Tân Phú',
      nameEn: null,
    });
    const imported = await call(admin, 'POST', '/api/v1/admin/agencies/import', {
      format: 'motcua.agencies.v1',
      agencies: renamed,
    });
    expect(body(imported)).toEqual({ created: 1, updated: file.agencies.length });
    expect(body(await call(admin, 'GET', '/api/v1/agencies/000.00.15.H99')).name).toBe('Sở Y tế tỉnh An Hòa');
    const dangling = await call(admin, 'POST', '/api/v1/admin/agencies/import', {
      format: 'motcua.agencies.v1',
      agencies: [{ ...renamed.at(-1), code: '000.00.58.H99', shortName: null, parentCode: '999.99.99.Z99' }],
    });
    expect(dangling.statusCode).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/agencies/000.00.58.H99')).statusCode).toBe(404);
  });
});

describe('sector list administration', () => {
  it('creates and deactivates a sector; the public list follows', async () => {
    const created = await call(admin, 'POST', '/api/v1/admin/sectors', {
      code: 'TP-HT',
      name: 'Hộ tịch',
      nameEn: 'Civil status',
      parentId: null,
    });
    expect(created.statusCode).toBe(201);
    const id = body(created).id;
    expect(
      body(await call('', 'GET', '/api/v1/sectors')).items.map((s: { code: string }) => s.code),
    ).toContain('TP-HT');
    await call(admin, 'PATCH', `/api/v1/admin/sectors/${id}`, { active: false });
    expect(
      body(await call('', 'GET', '/api/v1/sectors')).items.map((s: { code: string }) => s.code),
    ).not.toContain('TP-HT');
    const specialist = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
    expect(
      (await call(specialist, 'PATCH', `/api/v1/admin/sectors/${id}`, { active: true })).statusCode,
    ).toBe(403);
  });
});
