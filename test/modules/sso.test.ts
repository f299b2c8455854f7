// R8: single sign-on through OpenID Connect against the local stand-in provider (oidc-provider),
// driven like a browser: redirects followed, cookies kept. The identity assurance level is on the
// session; identities are (issuer, subject), never merged with local accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => system?.close());

/** A minimal browser: a cookie jar and manual redirects through app.inject. */
class Browser {
  readonly cookies = new Map<string, string>();
  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
    const target = new URL(url, 'http://localhost:3000');
    const response = await system.app.inject({
      method,
      url: `${target.pathname}${target.search}`,
      headers: {
        host: target.host,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    for (const cookie of response.cookies) {
      if (cookie.expires && new Date(cookie.expires) < new Date()) {
        this.cookies.delete(cookie.name);
      } else {
        this.cookies.set(cookie.name, cookie.value);
      }
    }
    return response;
  }
  /** Follows redirects until a page or a stop at `until`. */
  async follow(method: 'GET' | 'POST', url: string, form?: Record<string, string>, until?: RegExp) {
    let response = await this.request(method, url, form);
    for (let hops = 0; hops < 10 && response.statusCode >= 300 && response.statusCode < 400; hops++) {
      const location = String(response.headers.location);
      if (until?.test(location)) {
        return { response, location };
      }
      response = await this.request('GET', location);
    }
    return { response, location: null };
  }
}

async function signIn(browser: Browser, login: string, password = 'Demo@2026') {
  const start = await browser.follow('GET', '/api/v1/auth/oidc/start?returnTo=/tai-khoan');
  expect(start.response.statusCode).toBe(200);
  expect(start.response.body).toContain('MÔ PHỎNG');
  const action = /action="([^"]+\/login)"/.exec(start.response.body)?.[1] ?? '';
  return browser.follow('POST', action, { login, password }, /^\/(tai-khoan|dang-nhap)/);
}

describe('[R8] single sign-on with the local OpenID provider', () => {
  it('discovery is served, and the sign-in ends in a session with the identity level', async () => {
    const discovery = await system.app.inject({ url: '/dev-idp/.well-known/openid-configuration' });
    expect(JSON.parse(discovery.body)).toMatchObject({
      issuer: 'http://localhost:3000/dev-idp',
      code_challenge_methods_supported: ['S256'],
    });
    const browser = new Browser();
    const done = await signIn(browser, '048085000321');
    expect(done.location).toBe('/tai-khoan');
    const me = JSON.parse((await browser.request('GET', '/api/v1/auth/me')).body);
    expect(me).toMatchObject({
      assurance: 'oidc',
      identityLevel: 'vneid:level2',
      user: { kind: 'citizen', fullName: 'Nguyễn Văn Sáu', roles: [] },
    });
    const profile = JSON.parse((await browser.request('GET', '/api/v1/accounts/me/profile')).body);
    expect(profile).toMatchObject({ idNumber: '048085000321', dateOfBirth: '1985-03-09' });
    // A second sign-in finds the same account.
    const again = new Browser();
    await signIn(again, '048085000321');
    const me2 = JSON.parse((await again.request('GET', '/api/v1/auth/me')).body);
    expect(me2.user.id).toBe(me.user.id);
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('actorId', '=', me.user.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['account.sso_link', 'auth.login']));
  });

  it('[ASVS 6.8.1] is never merged with a local account holding the same ID number', async () => {
    const browser = new Browser();
    await signIn(browser, '001090012345');
    const me = JSON.parse((await browser.request('GET', '/api/v1/auth/me')).body);
    const demo = await system.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', '0912345678')
      .executeTakeFirstOrThrow();
    expect(me.user.id).not.toBe(demo.id);
    expect(me.identityLevel).toBe('vneid:level2');
  });

  it('wrong password at the provider, forged state and replayed codes open no session', async () => {
    const browser = new Browser();
    const start = await browser.follow('GET', '/api/v1/auth/oidc/start');
    const action = /action="([^"]+\/login)"/.exec(start.response.body)?.[1] ?? '';
    const wrong = await browser.request('POST', action, { login: '031200000777', password: 'sai' });
    expect(wrong.statusCode).toBe(401);
    expect((await browser.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);

    const victim = new Browser();
    const started = await victim.follow('GET', '/api/v1/auth/oidc/start');
    const act = /action="([^"]+\/login)"/.exec(started.response.body)?.[1] ?? '';
    const atCallback = await victim.follow(
      'POST',
      act,
      { login: '031200000777', password: 'Demo@2026' },
      /oidc\/callback/,
    );
    const callback = atCallback.location ?? '';
    expect(callback).toContain('/api/v1/auth/oidc/callback?code=');
    // The callback in another browser (no matching state in its session) is refused.
    const attacker = new Browser();
    await attacker.request('GET', '/api/v1/auth/oidc/start');
    const forged = await attacker.request('GET', callback);
    expect(forged.headers.location).toBe('/dang-nhap?sso=error');
    expect((await attacker.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    // The rightful browser finishes; replaying the same code afterwards fails.
    const ok = await victim.request('GET', callback);
    expect(ok.headers.location).toBe('/tai-khoan');
    const me = JSON.parse((await victim.request('GET', '/api/v1/auth/me')).body);
    expect(me.identityLevel).toBe('vneid:level1');
    await victim.request('GET', '/api/v1/auth/oidc/start');
    expect((await victim.request('GET', callback)).headers.location).toBe('/dang-nhap?sso=error');
  });

  it('only local return paths are honoured', async () => {
    const { safeReturnTo } = await import('../../src/modules/auth/sso.routes.ts');
    expect(safeReturnTo('/tai-khoan')).toBe('/tai-khoan');
    expect(safeReturnTo('https://evil.example')).toBe('/tai-khoan');
    expect(safeReturnTo('//evil.example')).toBe('/tai-khoan');
    expect(safeReturnTo('/\\evil.example')).toBe('/tai-khoan');
    expect(safeReturnTo('/api/v1/auth/logout')).toBe('/tai-khoan');
  });
});
