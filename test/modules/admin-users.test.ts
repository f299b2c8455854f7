// R9–R11: officer account administration by unit and system administrators, the forced first
// password change and second-factor enrolment, locks and resets ending sessions (goals 5–7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { agencyIdsByCode, totpCode } from '../helpers/accounts.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
let agencies: Map<string, string>;
let stpAdmin: string;
let sysAdmin: string;
const code = (c: string) => agencies.get(c) as string;

beforeAll(async () => {
  system = await startTestSystem();
  agencies = await agencyIdsByCode(system);
  stpAdmin = await loginAs(system, 'quantri.stp', 'Demo@2026');
  sysAdmin = await loginAs(system, 'quantri', 'Demo@2026');
});
afterAll(async () => system?.close());

const call = (cookie: string, method: string, url: string, payload?: unknown) =>
  system.app.inject({
    method: method as 'GET',
    url,
    headers: { ...JSON_HEADERS, cookie },
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
const body = (response: { body: string }) => JSON.parse(response.body);
const cookieOf = (response: { cookies: Array<{ name: string; value: string }> }) =>
  `motcua.sid=${response.cookies.find((c) => c.name === 'motcua.sid')?.value}`;

describe('[goal 7] every API route declares its access', () => {
  it('no /api/v1 route is left without a declaration (public, self or an action)', () => {
    const undeclared = system.app.routeInventory.filter((r) => r.access === undefined);
    expect(undeclared).toEqual([]);
    expect(system.app.routeInventory.length).toBeGreaterThan(15);
  });
});

describe('[R10] /auth/me tells the UI what the user may do', () => {
  it('each demo account gets the permissions of its roles', async () => {
    const expectations: Record<string, string[]> = {
      quantri: ['user.manage', 'agency.manage', 'sector.manage'],
      'quantri.stp': ['user.read', 'user.manage', 'role.grant'],
      tiepnhan: ['dossier.receive'],
      'chuyenvien.stp': ['dossier.process'],
      'truongphong.stp': ['dossier.review'],
      'lanhdao.stp': ['dossier.approve'],
      'chuyenvien.sxd': ['dossier.process'],
      giamsat: ['statistics.read', 'dossier.read'],
    };
    for (const [username, permissions] of Object.entries(expectations)) {
      const me = body(await call(await loginAs(system, username, 'Demo@2026'), 'GET', '/api/v1/auth/me'));
      expect(me.user.permissions, username).toEqual(expect.arrayContaining(permissions));
      expect(me.restriction, username).toBeNull();
    }
    const specialist = body(
      await call(await loginAs(system, 'chuyenvien.stp', 'Demo@2026'), 'GET', '/api/v1/auth/me'),
    );
    expect(specialist.user.permissions).not.toContain('user.manage');
    expect(specialist.idleTimeoutSeconds).toBe(15 * 60);
    expect(body(await call(stpAdmin, 'GET', '/api/v1/auth/me')).idleTimeoutSeconds).toBe(5 * 60);
  });
});

describe('[R9] unit administrator of Sở Tư pháp', () => {
  it('lists only the officers of Sở Tư pháp and its units', async () => {
    const list = body(await call(stpAdmin, 'GET', '/api/v1/admin/users?pageSize=200'));
    expect(list.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'chuyenvien.stp',
      'lanhdao.stp',
      'quantri.stp',
      'truongphong.stp',
    ]);
    const all = body(await call(sysAdmin, 'GET', '/api/v1/admin/users?pageSize=200'));
    expect(all.total).toBeGreaterThanOrEqual(8);
    const search = body(
      await call(sysAdmin, 'GET', `/api/v1/admin/users?q=${encodeURIComponent('hoang thu')}`),
    );
    expect(search.items.map((u: { username: string }) => u.username)).toEqual(['truongphong.stp']);
  });

  it('creating a user outside its unit is 403; inside, the username is suggested as hovaten.tendonvi', async () => {
    const outside = await call(stpAdmin, 'POST', '/api/v1/admin/users', {
      fullName: 'Nguyễn Thị Ánh',
      email: null,
      phone: null,
      unitId: code('000.01.12.H99'),
      roles: [],
    });
    expect(outside.statusCode).toBe(403);
    expect(body(outside).code).toBe('UNIT_OUTSIDE_SCOPE');
    const escalate = await call(stpAdmin, 'POST', '/api/v1/admin/users', {
      fullName: 'Nguyễn Thị Ánh',
      email: null,
      phone: null,
      unitId: code('000.01.11.H99'),
      roles: [{ role: 'unit_admin', scopeId: code('000.00.11.H99') }],
    });
    expect(escalate.statusCode).toBe(403);
    expect(body(escalate).code).toBe('ROLE_NOT_GRANTABLE');
    const suggestion = body(
      await call(
        stpAdmin,
        'GET',
        `/api/v1/admin/users/username-suggestion?fullName=${encodeURIComponent('Nguyễn Thị Ánh')}&unitId=${code('000.01.11.H99')}`,
      ),
    );
    expect(suggestion.username).toBe('nguyenthianh.stp');
    const created = await call(stpAdmin, 'POST', '/api/v1/admin/users', {
      fullName: 'Nguyễn Thị Ánh',
      email: 'anh.nguyen@anhoa.example.vn',
      phone: null,
      unitId: code('000.01.11.H99'),
      roles: [{ role: 'specialist', scopeId: code('000.01.11.H99') }],
    });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = body(created);
    expect(user).toMatchObject({ username: 'nguyenthianh.stp', mustChangePassword: true, status: 'active' });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const again = body(
      await call(
        stpAdmin,
        'GET',
        `/api/v1/admin/users/username-suggestion?fullName=${encodeURIComponent('Nguyễn Thị Ánh')}&unitId=${code('000.01.11.H99')}`,
      ),
    );
    expect(again.username).toBe('nguyenthianh2.stp');
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select(['actorLabel', 'details'])
      .where('action', '=', 'user.create')
      .where('resourceId', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.actorLabel).toBe('quantri.stp');
  });

  it('[R9, goal 3] first sign-in: password change, then TOTP enrolment, before anything else', async () => {
    const created = body(
      await call(stpAdmin, 'POST', '/api/v1/admin/users', {
        fullName: 'Lý Thị Bích',
        email: null,
        phone: null,
        unitId: code('000.02.11.H99'),
        roles: [{ role: 'specialist', scopeId: code('000.02.11.H99') }],
      }),
    );
    const login = await call('', 'POST', '/api/v1/auth/login', {
      username: created.user.username,
      password: created.temporaryPassword,
    });
    expect(login.statusCode).toBe(200);
    expect(body(login)).toMatchObject({ mustChangePassword: true, restriction: 'password_change' });
    const cookie = cookieOf(login);
    const blocked = await call(cookie, 'GET', '/api/v1/admin/users');
    expect(blocked.statusCode).toBe(403);
    expect(body(blocked).code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await call(cookie, 'POST', '/api/v1/auth/password', {
      currentPassword: created.temporaryPassword,
      newPassword: 'iloveyou123',
    });
    expect(weak.statusCode).toBe(400);
    expect(body(weak)).toMatchObject({ code: 'PASSWORD_POLICY', field: 'newPassword' });
    const changed = await call(cookie, 'POST', '/api/v1/auth/password', {
      currentPassword: created.temporaryPassword,
      newPassword: 'trăng rằm tháng tám',
    });
    expect(changed.statusCode).toBe(200);
    expect(body(changed)).toMatchObject({ mustChangePassword: false, restriction: 'totp_enrolment' });
    // Goal 5: the password change rotated the session: the old cookie is dead.
    expect((await call(cookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const cookie2 = cookieOf(changed);
    expect(body(await call(cookie2, 'GET', '/api/v1/auth/me')).restriction).toBe('totp_enrolment');
    const enrol = body(await call(cookie2, 'POST', '/api/v1/auth/totp/enrol'));
    expect(enrol.uri).toMatch(/^otpauth:\/\/totp\/MotCua:lythibich\.stp\?/);
    const wrong = await call(cookie2, 'POST', '/api/v1/auth/totp/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    const confirmed = await call(cookie2, 'POST', '/api/v1/auth/totp/confirm', {
      code: await totpCode(enrol.secret),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(body(confirmed)).toMatchObject({ restriction: null, assurance: 'password+totp' });
    const cookie3 = cookieOf(confirmed);
    expect((await call(cookie3, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // The next sign-in needs the second factor: the password alone opens no session.
    const again = await call('', 'POST', '/api/v1/auth/login', {
      username: 'lythibich.stp',
      password: 'trăng rằm tháng tám',
    });
    expect(body(again).secondFactorRequired).toBe(true);
    expect((await call(cookieOf(again), 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    // The code just used for enrolment cannot be replayed.
    const replay = await call(cookieOf(again), 'POST', '/api/v1/auth/login/totp', {
      code: await totpCode(enrol.secret),
    });
    expect(replay.statusCode).toBe(401);
  });

  it('[goal 5] lock ends live sessions; unlock restores; reset forces a new password', async () => {
    const target = body(await call(stpAdmin, 'GET', '/api/v1/admin/users?q=chuyenvien.stp')).items[0];
    const victim = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
    expect((await call(victim, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const locked = await call(stpAdmin, 'POST', `/api/v1/admin/users/${target.id}/lock`, {
      reason: 'Nghỉ phép',
    });
    expect(body(locked).status).toBe('locked');
    expect((await call(victim, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const refused = await call('', 'POST', '/api/v1/auth/login', {
      username: 'chuyenvien.stp',
      password: 'Demo@2026',
    });
    expect(refused.statusCode).toBe(423);
    expect(body(await call(stpAdmin, 'POST', `/api/v1/admin/users/${target.id}/unlock`, {})).status).toBe(
      'active',
    );
    const session = await loginAs(system, 'chuyenvien.stp', 'Demo@2026');
    const reset = body(await call(stpAdmin, 'POST', `/api/v1/admin/users/${target.id}/reset-password`));
    expect((await call(session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const after = await call('', 'POST', '/api/v1/auth/login', {
      username: 'chuyenvien.stp',
      password: reset.temporaryPassword,
    });
    expect(body(after)).toMatchObject({ mustChangePassword: true, restriction: 'password_change' });
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select(['action', 'reason', 'details'])
      .where('resourceId', '=', target.id)
      .where('action', 'in', ['user.lock', 'user.unlock', 'user.password_reset'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['user.lock', 'user.unlock', 'user.password_reset']);
    expect(audit[0]).toMatchObject({
      reason: 'Nghỉ phép',
      details: { before: { status: 'active' }, after: { status: 'locked' } },
    });
  });

  it('grants working roles inside its unit; never on another agency, never administrator roles', async () => {
    const target = body(await call(stpAdmin, 'GET', '/api/v1/admin/users?q=truongphong')).items[0];
    const ok = await call(stpAdmin, 'PUT', `/api/v1/admin/users/${target.id}/roles`, {
      roles: [
        { role: 'unit_head', scopeId: code('000.01.11.H99') },
        { role: 'procedure_control', scopeId: code('000.00.11.H99') },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(
      body(ok)
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['procedure_control', 'unit_head']);
    for (const roles of [
      [{ role: 'unit_head', scopeId: code('000.00.12.H99') }],
      [{ role: 'system_admin', scopeId: null }],
      [{ role: 'statistics_viewer', scopeId: null }],
    ]) {
      const refused = await call(stpAdmin, 'PUT', `/api/v1/admin/users/${target.id}/roles`, { roles });
      expect(refused.statusCode, JSON.stringify(roles)).toBe(403);
    }
    const monitor = await loginAs(system, 'giamsat', 'Demo@2026');
    expect((await call(monitor, 'GET', '/api/v1/admin/users')).statusCode).toBe(200);
    expect((await call(monitor, 'POST', `/api/v1/admin/users/${target.id}/lock`, {})).statusCode).toBe(403);
    const specialist = await loginAs(system, 'chuyenvien.sxd', 'Demo@2026');
    expect((await call(specialist, 'GET', '/api/v1/admin/users')).statusCode).toBe(403);
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true });
  });
});

describe('[goal 2] stored credentials', () => {
  it('100 % of stored password hashes are argon2id with m=19456, t=2, p=1', async () => {
    const rows = await system.database.db.selectFrom('users').select('passwordHash').execute();
    expect(rows.length).toBeGreaterThan(9);
    expect(rows.filter((r) => !/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/.test(r.passwordHash))).toEqual([]);
  });
});

describe('[goal 3] no officer session has full access without the second factor', () => {
  it('every live session of a non-demo officer is two-factor, or restricted to password change / enrolment', async () => {
    const rows = await system.database.db
      .selectFrom('httpSessions')
      .innerJoin('users', 'users.id', 'httpSessions.userId')
      .select(['httpSessions.data', 'users.totpEnabledAt', 'users.mustChangePassword', 'users.username'])
      .where('users.kind', '=', 'officer')
      .where('users.isDemo', '=', false)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    const unprotected = rows.filter((row) => {
      const assurance = (row.data as { assurance?: string }).assurance;
      const restricted = row.mustChangePassword || row.totpEnabledAt === null;
      return assurance !== 'password+totp' && !restricted;
    });
    expect(unprotected.map((r) => r.username)).toEqual([]);
  });
});
