// Goals 4–6 on real databases: lockout with identical answers for known and unknown names, per-IP
// limits, session idle and absolute timeouts (fake clock), inactive accounts disabled nightly.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { disableInactiveOfficers } from '../../src/modules/accounts/inactive-accounts.ts';
import { agencyIdsByCode, createTestOfficer, TEST_PASSWORD } from '../helpers/accounts.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => system?.close());
afterEach(() => {
  vi.useRealTimers();
});

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  system.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: JSON_HEADERS,
    payload: { username, password },
    remoteAddress,
  });
const answer = (r: { statusCode: number; body: string; headers: Record<string, unknown> }) => ({
  status: r.statusCode,
  body: { ...JSON.parse(r.body), requestId: undefined },
  // Goal 36: the back-off 429 says when to come back, like every other 429.
  retryAfter: r.statusCode === 429 ? Number(r.headers['retry-after']) > 0 : null,
});
const me = (cookie: string) => system.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });

describe('[goal 4] brute force: back-off, lock after 5 failures, same answers for unknown names', () => {
  it('500 probes: 0 differences in status and body between existing and unknown accounts', async () => {
    const agencies = await agencyIdsByCode(system);
    vi.useFakeTimers({ toFake: ['Date'] });
    let probes = 0;
    let differences = 0;
    const sequences: number[][] = [];
    const retryAfters: Array<boolean | null> = [];
    for (let n = 0; n < 50; n++) {
      const existing = `thamdo${n}.stp`;
      await createTestOfficer(system, {
        username: existing,
        unitId: agencies.get('000.00.11.H99') as string,
        roles: [],
      });
      const unknown = `khongco${n}.stp`;
      const sequence: number[] = [];
      // Five attempts as fast as an attacker can: failures 1–3 answer 401, then the back-off 429.
      for (let attempt = 0; attempt < 5; attempt++) {
        const a = answer(await login(existing, `sai-mat-khau-${attempt}`));
        const b = answer(await login(unknown, `sai-mat-khau-${attempt}`));
        probes += 2;
        differences += JSON.stringify(a) === JSON.stringify(b) ? 0 : 1;
        sequence.push(a.status);
        if (a.status === 429) {
          retryAfters.push(a.retryAfter);
        }
      }
      sequences.push(sequence);
    }
    expect(probes).toBe(500);
    expect(differences).toBe(0);
    for (const sequence of sequences) {
      expect(sequence).toEqual([401, 401, 401, 429, 429]);
    }
    expect(retryAfters).toEqual(Array(50 * 2).fill(true));
  }, 180_000);

  it('attempt 6 is refused (423) even with the right password, for known and unknown names alike', async () => {
    const agencies = await agencyIdsByCode(system);
    await createTestOfficer(system, {
      username: 'khoa.stp',
      unitId: agencies.get('000.00.11.H99') as string,
      roles: [],
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    const statuses: Record<string, number[]> = { 'khoa.stp': [], 'khoa-khong-co.stp': [] };
    for (const name of Object.keys(statuses)) {
      for (let attempt = 0; attempt < 5; attempt++) {
        vi.setSystemTime(new Date(Date.now() + 10_000)); // wait out the back-off each time
        statuses[name]?.push((await login(name, 'sai-mat-khau')).statusCode);
      }
      const sixth = await login(name, TEST_PASSWORD);
      statuses[name]?.push(sixth.statusCode);
      expect(JSON.parse(sixth.body).code).toBe('AUTH_LOCKED');
    }
    expect(statuses['khoa.stp']).toEqual([401, 401, 401, 401, 401, 423]);
    expect(statuses['khoa-khong-co.stp']).toEqual(statuses['khoa.stp']);
    // 12 hours later the lock has run out.
    vi.setSystemTime(new Date(Date.now() + 12 * 3600 * 1000 + 1000));
    const later = await login('khoa.stp', TEST_PASSWORD);
    expect(later.statusCode).toBe(200);
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('actorLabel', '=', 'khoa.stp')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.login_locked']),
    );
  });

  it('an administrator unlocks a locked-out officer at once', async () => {
    const agencies = await agencyIdsByCode(system);
    const id = await createTestOfficer(system, {
      username: 'mokhoa.stp',
      unitId: agencies.get('000.01.11.H99') as string,
      roles: [],
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let attempt = 0; attempt < 5; attempt++) {
      vi.setSystemTime(new Date(Date.now() + 10_000));
      await login('mokhoa.stp', 'sai-mat-khau');
    }
    expect((await login('mokhoa.stp', TEST_PASSWORD)).statusCode).toBe(423);
    const admin = await loginAs(system, 'quantri.stp', 'Demo@2026');
    const list = await system.app.inject({
      url: '/api/v1/admin/users?q=mokhoa',
      headers: { cookie: admin },
    });
    expect(JSON.parse(list.body).items[0].lockedOutUntil).not.toBeNull();
    const unlocked = await system.app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${id}/unlock`,
      headers: { ...JSON_HEADERS, cookie: admin },
      payload: {},
    });
    expect(unlocked.statusCode).toBe(200);
    expect((await login('mokhoa.stp', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('[goal 5] sessions: rotation, idle 15 min (admins 5 min), absolute 12 h', () => {
  it('a new session id at sign-in; ids carry at least 128 bits', async () => {
    const first = await loginAs(system, 'tiepnhan', 'Demo@2026');
    const second = await loginAs(system, 'tiepnhan', 'Demo@2026');
    expect(first).not.toBe(second);
    const sids = await system.database.db.selectFrom('httpSessions').select('sid').execute();
    for (const { sid } of sids) {
      expect(sid.length).toBeGreaterThanOrEqual(22); // base64url: 22 characters = 132 bits
    }
  });

  it('idle timeouts are enforced by the server', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const officer = await loginAs(system, 'chuyenvien.sxd', 'Demo@2026');
    const admin = await loginAs(system, 'quantri', 'Demo@2026');
    vi.setSystemTime(new Date(Date.now() + 4 * 60 * 1000));
    expect((await me(admin)).statusCode).toBe(200);
    expect((await me(officer)).statusCode).toBe(200);
    vi.setSystemTime(new Date(Date.now() + 14 * 60 * 1000));
    expect((await me(officer)).statusCode).toBe(200);
    expect((await me(admin)).statusCode).toBe(401); // 14 min idle > 5 min
    vi.setSystemTime(new Date(Date.now() + 16 * 60 * 1000));
    expect((await me(officer)).statusCode).toBe(401);
  });

  it('a session kept busy still ends 12 hours after sign-in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cookie = await loginAs(system, 'lanhdao.stp', 'Demo@2026');
    for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
      vi.setSystemTime(new Date(Date.now() + 10 * 60 * 1000));
      expect((await me(cookie)).statusCode, `after ${minutes} min`).toBe(200);
    }
    vi.setSystemTime(new Date(Date.now() + 10 * 60 * 1000));
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('[goal 4, goal 36] per-IP limit on sign-in', () => {
  it('the 11th attempt in a minute from one address is 429; spoofed X-Forwarded-For changes nothing', async () => {
    const limited = await startTestSystem({ MOTCUA_LOGIN_RATE_LIMIT: '10' });
    try {
      const attempt = (remoteAddress: string, headers: Record<string, string> = {}) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { ...JSON_HEADERS, ...headers },
          payload: { username: `ip${Math.random()}`, password: 'x' },
          remoteAddress,
        });
      for (let n = 0; n < 10; n++) {
        expect((await attempt('10.9.9.9')).statusCode).toBe(401);
      }
      const over = await attempt('10.9.9.9', { 'x-forwarded-for': '1.2.3.4' });
      expect(over.statusCode).toBe(429);
      expect(over.headers['retry-after']).toBeDefined();
      expect(JSON.parse(over.body).code).toBe('RATE_LIMITED');
      expect((await attempt('10.9.9.8')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('[goal 6] accounts unused for 45 days are disabled by the nightly job', () => {
  it('time travel: 46 days unused → disabled (sessions ended); 44 days → still active; demo exempt', async () => {
    const agencies = await agencyIdsByCode(system);
    const unit = agencies.get('000.00.12.H99') as string;
    const now = new Date('2026-11-23T19:30:00Z');
    const day = 24 * 3600 * 1000;
    const old = await createTestOfficer(system, { username: 'cu46.sxd', unitId: unit, roles: [] });
    const recent = await createTestOfficer(system, { username: 'moi44.sxd', unitId: unit, roles: [] });
    const db = system.database.db;
    await db
      .updateTable('users')
      .set({ lastLoginAt: new Date(now.getTime() - 46 * day) })
      .where('id', '=', old)
      .execute();
    await db
      .updateTable('users')
      .set({ lastLoginAt: new Date(now.getTime() - 44 * day) })
      .where('id', '=', recent)
      .execute();
    await db
      .updateTable('users')
      .set({ lastLoginAt: new Date(now.getTime() - 100 * day) })
      .where('username', '=', 'chuyenvien.sxd')
      .execute();
    // Everyone else counts from "now" for this check (they signed in during this test run).
    await db
      .updateTable('users')
      .set({ lastLoginAt: now })
      .where('id', 'not in', [old, recent])
      .where('username', '<>', 'chuyenvien.sxd')
      .execute();
    const disabled = await disableInactiveOfficers(db, now);
    expect(disabled).toEqual(['cu46.sxd']);
    const statuses = await db
      .selectFrom('users')
      .select(['username', 'status', 'statusReason'])
      .where('username', 'in', ['cu46.sxd', 'moi44.sxd', 'chuyenvien.sxd'])
      .orderBy('username')
      .execute();
    expect(statuses).toEqual([
      { username: 'chuyenvien.sxd', status: 'active', statusReason: null },
      { username: 'cu46.sxd', status: 'disabled', statusReason: 'inactive' },
      { username: 'moi44.sxd', status: 'active', statusReason: null },
    ]);
    const refused = await login('cu46.sxd', TEST_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(JSON.parse(refused.body).code).toBe('ACCOUNT_DISABLED');
  });
});
