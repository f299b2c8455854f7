// Sign-in, sign-out and the hash-chained audit log (R49, goals 4, 5, 21, 22).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => system?.close());

const login = (username: string, password: string) =>
  system.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: JSON_HEADERS,
    payload: { username, password },
  });

describe('sign-in', () => {
  it('the demo administrator signs in and /auth/me answers', async () => {
    const response = await login('quantri', 'Demo@2026');
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      user: { username: 'quantri', roles: ['system_admin'], unitId: null },
      mustChangePassword: false,
    });
    const cookie = response.cookies.find((c) => c.name === 'motcua.sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await system.app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: `motcua.sid=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it('[goal 4] unknown user and wrong password get the identical answer', async () => {
    const unknown = await login('khongtontai', 'Demo@2026');
    const wrong = await login('quantri', 'sai-mat-khau');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (body: string) => ({ ...JSON.parse(body), requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(JSON.parse(wrong.body).code).toBe('AUTH_INVALID');
  });

  it('[goal 2] a password typed in NFD matches the NFC one it was set with', async () => {
    const { createUser } = await import('../../src/modules/auth/users.service.ts');
    const nfc = 'Mật khẩu dài của tôi';
    await system.database.db.transaction().execute((trx) =>
      createUser(trx, {
        username: 'nfd.test',
        fullName: 'Thử NFD',
        kind: 'officer',
        password: nfc,
        mustChangePassword: false,
        roles: [],
      }),
    );
    expect((await login('nfd.test', nfc.normalize('NFD'))).statusCode).toBe(200);
    const row = await system.database.db
      .selectFrom('users')
      .select('passwordHash')
      .where('username', '=', 'nfd.test')
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('[goal 5] logout kills the session server-side: the old cookie is refused', async () => {
    const cookie = await loginAs(system, 'quantri', 'Demo@2026');
    const logout = await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...JSON_HEADERS, cookie },
    });
    expect(logout.statusCode).toBe(204);
    const replay = await system.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(replay.statusCode).toBe(401);
  });

  it('a disabled account loses its live session on the next request', async () => {
    const cookie = await loginAs(system, 'quantri', 'Demo@2026');
    await system.database.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('username', '=', 'quantri')
      .execute();
    const me = await system.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    await system.database.db
      .updateTable('users')
      .set({ status: 'active' })
      .where('username', '=', 'quantri')
      .execute();
  });

  it('[goal 36] the account read with the session is used and never stored in it', async () => {
    const cookie = await loginAs(system, 'quantri', 'Demo@2026');
    for (let i = 0; i < 2; i++) {
      const me = await system.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.username).toBe('quantri');
    }
    const user = await system.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'quantri')
      .executeTakeFirstOrThrow();
    const sessions = await system.database.db
      .selectFrom('httpSessions')
      .select('data')
      .where('userId', '=', user.id)
      .execute();
    expect(sessions.length).toBeGreaterThan(0);
    for (const { data } of sessions) {
      expect(data).not.toHaveProperty('companion');
      expect(JSON.stringify(data)).not.toContain('"roles"');
    }
    // A role taken away counts on the very next request, read with the session as before.
    const roles = await system.database.db
      .selectFrom('userRoles')
      .selectAll()
      .where('userId', '=', user.id)
      .execute();
    await system.database.db.deleteFrom('userRoles').where('userId', '=', user.id).execute();
    const without = await system.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(without.json().user.roles).toEqual([]);
    await system.database.db.insertInto('userRoles').values(roles).execute();
  });

  it('[goal 22] passwords never reach the logs', async () => {
    await login('quantri', 'SENTINEL-pw-7f3a9c');
    expect(system.rawLogs.join('\n')).not.toContain('SENTINEL-pw-7f3a9c');
    expect(system.rawLogs.join('\n')).not.toMatch(/motcua\.sid=[A-Za-z0-9]/);
  });
});

describe('[R49] audit chain', () => {
  it('records logins and failures, and the chain verifies', async () => {
    const actions = await system.database.db.selectFrom('auditLog').select('action').execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.logout', 'user.create']),
    );
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true });
  });

  it('refuses UPDATE and DELETE, and detects a tampered row', async () => {
    const db = system.database.db;
    await expect(sql`update audit_log set actor_label = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const target = await db
      .selectFrom('auditLog')
      .select('id')
      .orderBy('id')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    // A superuser who bypasses the trigger still cannot hide the change.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await sql`update audit_log set actor_label = 'ke-gian' where id = ${target.id}`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: target.id });
  });
});
