// Security goals 5, 19–22 over the accounts work: headers on every API route for every role,
// compliant session cookies, no cross-origin state change, every mutation audited, no secret in
// the logs.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyIdsByCode, createTestOfficer } from '../helpers/accounts.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => system?.close());

const DEMO_OFFICERS = [
  'quantri',
  'tiepnhan',
  'quantri.stp',
  'chuyenvien.stp',
  'truongphong.stp',
  'lanhdao.stp',
  'chuyenvien.sxd',
  'giamsat',
  '0912345678',
];

describe('[goal 19] security headers on every API route, for every role', () => {
  it('100 % of answers to every parameterless GET route carry no-store, nosniff, HSTS and a request id', async () => {
    const routes = system.app.routeInventory.filter((r) => r.method === 'GET' && !r.url.includes(':'));
    expect(routes.length).toBeGreaterThan(8);
    const cookies = [''];
    for (const username of DEMO_OFFICERS) {
      cookies.push(await loginAs(system, username, 'Demo@2026'));
    }
    let answers = 0;
    const bad: string[] = [];
    for (const cookie of cookies) {
      for (const route of routes) {
        const url = route.url.includes('username-suggestion')
          ? `${route.url}?fullName=A&unitId=00000000-0000-4000-8000-000000000000`
          : route.url.endsWith('/citizens')
            ? `${route.url}?q=ab`
            : route.url;
        const response = await system.app.inject({ url, headers: { cookie } });
        answers++;
        const h = response.headers;
        if (
          response.statusCode >= 500 ||
          !String(h['cache-control']).includes('no-store') ||
          h['x-content-type-options'] !== 'nosniff' ||
          !String(h['strict-transport-security']).includes('max-age=31536000') ||
          !h['x-request-id']
        ) {
          bad.push(`${url} ${response.statusCode}`);
        }
      }
    }
    expect(answers).toBe(routes.length * cookies.length);
    expect(bad).toEqual([]);
  }, 120_000);
});

describe('[goal 5] session cookies', () => {
  it('behind HTTPS every sign-in sets a __Host-, Secure, HttpOnly, SameSite=Lax cookie', async () => {
    const https = await startTestSystem({
      MOTCUA_PUBLIC_URL: 'https://dvc.anhoa.example',
      MOTCUA_TRUST_PROXY: 'true',
    });
    try {
      for (const username of DEMO_OFFICERS) {
        const response = await https.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { ...JSON_HEADERS, 'x-forwarded-proto': 'https', origin: 'https://dvc.anhoa.example' },
          payload: { username, password: 'Demo@2026' },
        });
        expect(response.statusCode, username).toBe(200);
        const cookies = response.cookies;
        expect(cookies).toHaveLength(1);
        expect(cookies[0]).toMatchObject({
          name: '__Host-motcua.sid',
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
          path: '/',
        });
        expect(cookies[0]?.domain).toBeUndefined();
      }
    } finally {
      await https.close();
    }
  }, 120_000);
});

describe('[goal 20] no state change from another origin', () => {
  it('an administrator’s session cannot create a user from a cross-site form or fetch', async () => {
    const cookie = await loginAs(system, 'quantri', 'Demo@2026');
    const agencies = await agencyIdsByCode(system);
    const before = (await system.database.db.selectFrom('users').select('id').execute()).length;
    const body = {
      fullName: 'Kẻ Tấn Công',
      email: null,
      phone: null,
      unitId: agencies.get('000.00.11.H99'),
      roles: [{ role: 'system_admin', scopeId: null }],
    };
    const attempts = [
      { 'content-type': 'application/json', cookie },
      { 'content-type': 'application/json', cookie, origin: 'http://evil.example' },
      { ...JSON_HEADERS, cookie, origin: 'http://evil.example' },
      { 'content-type': 'text/plain', cookie },
      { 'content-type': 'application/x-www-form-urlencoded', cookie },
    ];
    for (const headers of attempts) {
      const response = await system.app.inject({
        method: 'POST',
        url: '/api/v1/admin/users',
        headers,
        payload: headers['content-type'] === 'application/json' ? body : 'fullName=x',
      });
      expect(response.statusCode, JSON.stringify(headers)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    expect((await system.database.db.selectFrom('users').select('id').execute()).length).toBe(before);
  });
});

describe('[goal 21, R49] every account change is audited in its transaction', () => {
  it('model-based: audit rows added == successful mutations, across generated sequences', async () => {
    const agencies = await agencyIdsByCode(system);
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      ids.push(
        await createTestOfficer(system, {
          username: `kiemtoan${n}.stp`,
          unitId: agencies.get('000.01.11.H99') as string,
          roles: [{ role: 'specialist', scopeId: agencies.get('000.01.11.H99') as string }],
        }),
      );
    }
    const admin = await loginAs(system, 'quantri.stp', 'Demo@2026');
    const unit = agencies.get('000.01.11.H99') as string;
    const ops = ['lock', 'unlock', 'reset-password', 'reset-totp', 'rename', 'roles'] as const;
    const audited = async () =>
      Number(
        (
          await system.database.db
            .selectFrom('auditLog')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', 'like', 'user.%')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...ops), fc.nat({ max: 2 }), fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        async (steps) => {
          const start = await audited();
          let mutations = 0;
          for (const [op, who, flag] of steps) {
            const id = ids[who] as string;
            const call = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
              system.app.inject({
                method,
                url,
                headers: { ...JSON_HEADERS, cookie: admin },
                ...(payload ? { payload } : {}),
              });
            const response =
              op === 'rename'
                ? await call('PATCH', `/api/v1/admin/users/${id}`, { fullName: flag ? 'Tên Một' : 'Tên Hai' })
                : op === 'roles'
                  ? await call('PUT', `/api/v1/admin/users/${id}/roles`, {
                      roles: [{ role: flag ? 'unit_head' : 'specialist', scopeId: unit }],
                    })
                  : await call(
                      'POST',
                      `/api/v1/admin/users/${id}/${op}`,
                      op.startsWith('reset') ? undefined : {},
                    );
            if (response.statusCode < 300) {
              mutations++;
            }
          }
          expect(await audited()).toBe(start + mutations);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  }, 180_000);
});

describe('[goal 22] secrets never reach the logs', () => {
  it('passwords, one-time codes, temporary passwords and TOTP codes are absent from every log line', async () => {
    const sentinel = 'SENTINEL-pw-thuyen-rong-9f2';
    await system.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/register',
      headers: JSON_HEADERS,
      payload: { kind: 'citizen', fullName: 'Thử Nhật Ký', contact: '0988777666', password: sentinel },
    });
    await system.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/verify',
      headers: JSON_HEADERS,
      payload: { username: '0988777666', code: '424242' },
    });
    const outbox = await system.database.db
      .selectFrom('notificationOutbox')
      .select('body')
      .where('recipient', '=', '0988777666')
      .execute();
    const codes = outbox.map((row) => /\b(\d{6})\b/.exec(row.body)?.[1]).filter(Boolean) as string[];
    expect(codes.length).toBeGreaterThan(0);
    const admin = await loginAs(system, 'quantri', 'Demo@2026');
    const user = JSON.parse(
      (await system.app.inject({ url: '/api/v1/admin/users?q=chuyenvien.sxd', headers: { cookie: admin } }))
        .body,
    ).items[0];
    const reset = JSON.parse(
      (
        await system.app.inject({
          method: 'POST',
          url: `/api/v1/admin/users/${user.id}/reset-password`,
          headers: { ...JSON_HEADERS, cookie: admin },
        })
      ).body,
    );
    await system.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { ...JSON_HEADERS, cookie: admin },
      payload: { currentPassword: `${sentinel}-current`, newPassword: `${sentinel}-new` },
    });
    const logs = system.rawLogs.join('\n');
    for (const secret of [sentinel, '424242', reset.temporaryPassword, ...codes]) {
      expect(logs, secret).not.toContain(secret);
    }
    expect(system.rawLogs.every((line) => !line.includes('\n'))).toBe(true);
  });
});
