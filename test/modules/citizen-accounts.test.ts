// R8: citizen and organisation accounts: sign-up verified by a one-time code through the
// notification outbox (simulated mailbox), sign-in by phone or e-mail, profile with CCCD rules,
// password reset by code; R49: the back office's reads of a citizen profile are audited.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => system?.close());
afterEach(() => {
  vi.useRealTimers();
});

const post = (url: string, payload: unknown, cookie = '') =>
  system.app.inject({
    method: 'POST',
    url,
    headers: { ...JSON_HEADERS, cookie },
    payload: payload as object,
  });
const body = (r: { body: string }) => JSON.parse(r.body);
const cookieOf = (r: { cookies: Array<{ name: string; value: string }> }) =>
  `motcua.sid=${r.cookies.find((c) => c.name === 'motcua.sid')?.value}`;

async function lastCode(recipient: string): Promise<string> {
  const row = await system.database.db
    .selectFrom('notificationOutbox')
    .select('body')
    .where('recipient', '=', recipient)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return /\b(\d{6})\b/.exec(row.body)?.[1] ?? '';
}
const outboxCount = async (recipient: string) =>
  (
    await system.database.db
      .selectFrom('notificationOutbox')
      .select('id')
      .where('recipient', '=', recipient)
      .execute()
  ).length;

describe('[R8] citizen sign-up with a phone number', () => {
  it('register → code in the simulated outbox → verify → sign in with any form of the number', async () => {
    const registered = await post('/api/v1/accounts/register', {
      kind: 'citizen',
      fullName: 'Phan Thị Hoa',
      contact: '+84 987 654 321',
      password: 'hoa sen nở giữa hè',
    });
    expect(registered.statusCode).toBe(202);
    expect(body(registered)).toEqual({
      username: '0987654321',
      channel: 'sms',
      destination: '0987***321',
      expiresInSeconds: 600,
      simulated: true,
    });
    const early = await post('/api/v1/auth/login', {
      username: '0987654321',
      password: 'hoa sen nở giữa hè',
    });
    expect(early.statusCode).toBe(403);
    expect(body(early).code).toBe('ACCOUNT_NOT_VERIFIED');
    const wrong = await post('/api/v1/accounts/verify', { username: '0987654321', code: '000000' });
    expect(wrong.statusCode).toBe(400);
    const code = await lastCode('0987654321');
    expect(code).toMatch(/^\d{6}$/);
    expect((await post('/api/v1/accounts/verify', { username: '0987 654 321', code })).statusCode).toBe(200);
    // Single use.
    expect((await post('/api/v1/accounts/verify', { username: '0987654321', code })).statusCode).toBe(400);
    const login = await post('/api/v1/auth/login', {
      username: '84987654321',
      password: 'hoa sen nở giữa hè',
    });
    expect(login.statusCode).toBe(200);
    expect(body(login).user).toMatchObject({ kind: 'citizen', username: '0987654321', roles: [] });
  });

  it('the same reply for an address that already has an account; its owner gets a notice, not a code', async () => {
    const before = await outboxCount('0912345678');
    const again = await post('/api/v1/accounts/register', {
      kind: 'citizen',
      fullName: 'Kẻ Giả Mạo',
      contact: '0912345678',
      password: 'chim én bay về phương nam',
    });
    expect(again.statusCode).toBe(202);
    expect(body(again)).toMatchObject({ username: '0912345678', channel: 'sms', simulated: true });
    expect(await outboxCount('0912345678')).toBe(before + 1);
    const notice = await system.database.db
      .selectFrom('notificationOutbox')
      .select(['purpose', 'body'])
      .where('recipient', '=', '0912345678')
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    expect(notice.purpose).toBe('accounts.exists');
    expect(notice.body).not.toMatch(/\d{6}/);
    const demo = await post('/api/v1/auth/login', { username: '0912345678', password: 'Demo@2026' });
    expect(body(demo).user.fullName).toBe('Trần Văn Dân (demo)');
  });

  it('[ASVS 6.5] a code dies after 5 wrong guesses and after 10 minutes; at most 3 codes per 15 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await post('/api/v1/accounts/register', {
      kind: 'citizen',
      fullName: 'Đoàn Văn Khoa',
      contact: 'khoa.doan@example.vn',
      password: 'gió mùa đông bắc về',
    });
    const code = await lastCode('khoa.doan@example.vn');
    for (let n = 0; n < 5; n++) {
      const guess = String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0');
      expect(
        (await post('/api/v1/accounts/verify', { username: 'khoa.doan@example.vn', code: guess })).statusCode,
      ).toBe(400);
    }
    expect(
      (await post('/api/v1/accounts/verify', { username: 'khoa.doan@example.vn', code })).statusCode,
    ).toBe(400);
    expect(
      (await post('/api/v1/accounts/verify/resend', { username: 'khoa.doan@example.vn' })).statusCode,
    ).toBe(202);
    const second = await lastCode('khoa.doan@example.vn');
    vi.setSystemTime(new Date(Date.now() + 11 * 60 * 1000));
    expect(
      (await post('/api/v1/accounts/verify', { username: 'khoa.doan@example.vn', code: second })).statusCode,
    ).toBe(400);
    expect(
      (await post('/api/v1/accounts/verify/resend', { username: 'khoa.doan@example.vn' })).statusCode,
    ).toBe(202);
    const limited = await post('/api/v1/accounts/verify/resend', { username: 'khoa.doan@example.vn' });
    expect(limited.statusCode).toBe(429);
    expect(body(limited).code).toBe('CODE_RATE_LIMITED');
  });

  it('refuses weak passwords and bad contacts with field errors', async () => {
    const weak = await post('/api/v1/accounts/register', {
      kind: 'citizen',
      fullName: 'Ai Đó',
      contact: '0977000111',
      password: 'password1',
    });
    expect(body(weak)).toMatchObject({ code: 'PASSWORD_POLICY', field: 'password' });
    const bad = await post('/api/v1/accounts/register', {
      kind: 'citizen',
      fullName: 'Ai Đó',
      contact: '12345',
      password: 'một câu đủ dài nhé',
    });
    expect(body(bad)).toMatchObject({ code: 'CONTACT_INVALID', field: 'contact' });
  });
});

describe('[R8] organisation accounts and profiles', () => {
  it('an organisation needs a tax code with a valid check digit', async () => {
    const base = {
      kind: 'organisation',
      fullName: 'Công ty TNHH Sông Xanh',
      contact: 'lienhe@songxanh.example.vn',
      password: 'nước chảy đá mòn 2026',
    };
    const wrong = await post('/api/v1/accounts/register', {
      ...base,
      organisation: { taxCode: '0100109107', representativeName: 'Ngô Văn Bình' },
    });
    expect(body(wrong)).toMatchObject({ code: 'TAX_CODE_INVALID' });
    const ok = await post('/api/v1/accounts/register', {
      ...base,
      organisation: {
        taxCode: '0100109106',
        representativeName: 'Ngô Văn Bình',
        representativeTitle: 'Giám đốc',
      },
    });
    expect(ok.statusCode).toBe(202);
    const code = await lastCode('lienhe@songxanh.example.vn');
    await post('/api/v1/accounts/verify', { username: 'lienhe@songxanh.example.vn', code });
    const cookie = cookieOf(
      await post('/api/v1/auth/login', { username: 'LienHe@SongXanh.example.vn', password: base.password }),
    );
    const profile = body(
      await system.app.inject({ url: '/api/v1/accounts/me/profile', headers: { cookie } }),
    );
    expect(profile).toMatchObject({
      kind: 'organisation',
      taxCode: '0100109106',
      representativeName: 'Ngô Văn Bình',
      emailVerified: true,
    });
  });

  it('the profile checks the CCCD number against its rules and the date of birth', async () => {
    const cookie = await loginAs(system, '0912345678', 'Demo@2026');
    const put = (payload: object) =>
      system.app.inject({
        method: 'PUT',
        url: '/api/v1/accounts/me/profile',
        headers: { ...JSON_HEADERS, cookie },
        payload,
      });
    const base = { fullName: 'Trần Văn Dân (demo)', dateOfBirth: '1990-05-12', address: 'An Hòa' };
    expect(body(await put({ ...base, idNumber: '00109001234' }))).toMatchObject({
      code: 'ID_NUMBER_INVALID',
      field: 'idNumber',
    });
    expect(body(await put({ ...base, idNumber: '003090012345' })).code).toBe('ID_NUMBER_INVALID');
    expect(body(await put({ ...base, idNumber: '001091012345' })).message.en).toContain('year of birth');
    expect(body(await put({ ...base, dateOfBirth: '2999-01-01', idNumber: null })).code).toBe(
      'DATE_OF_BIRTH_INVALID',
    );
    const ok = await put({ ...base, idNumber: '001 090 012 999' });
    expect(ok.statusCode).toBe(200);
    expect(body(ok)).toMatchObject({
      idNumber: '001090012999',
      dateOfBirth: '1990-05-12',
      phoneVerified: true,
    });
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'account.profile_update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain('001090012999');
  });
});

describe('[R8] password reset by code', () => {
  it('reset: code to the verified phone, new password works, old sessions end; unknown names get the same reply', async () => {
    const session = await loginAs(system, '0912345678', 'Demo@2026');
    const asked = await post('/api/v1/accounts/password-reset', { username: '0912345678' });
    expect(asked.statusCode).toBe(202);
    const unknown = await post('/api/v1/accounts/password-reset', { username: '0900000000' });
    expect({ ...body(unknown), username: '', destination: '' }).toEqual({
      ...body(asked),
      username: '',
      destination: '',
    });
    expect(await outboxCount('0900000000')).toBe(0);
    const code = await lastCode('0912345678');
    const done = await post('/api/v1/accounts/password-reset/confirm', {
      username: '0912345678',
      code,
      newPassword: 'cánh cò bay lả bay la',
    });
    expect(done.statusCode).toBe(200);
    expect(
      (await system.app.inject({ url: '/api/v1/auth/me', headers: { cookie: session } })).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/v1/auth/login', { username: '0912345678', password: 'Demo@2026' })).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/v1/auth/login', { username: '0912345678', password: 'cánh cò bay lả bay la' }))
        .statusCode,
    ).toBe(200);
    // Officers are reset by their administrators only.
    await post('/api/v1/accounts/password-reset', { username: 'quantri.stp' }).catch(() => {});
    expect(await outboxCount('quantri.stp')).toBe(0);
  });
});

describe('[R49] the back office’s reads of citizen data are audited', () => {
  it('a desk officer finds and opens a citizen profile; both are in the audit log; others get 403', async () => {
    const desk = await loginAs(system, 'tiepnhan', 'Demo@2026');
    const found = await system.app.inject({
      url: '/api/v1/admin/citizens?q=tran van dan',
      headers: { cookie: desk },
    });
    const [citizen] = body(found).items;
    expect(citizen).toMatchObject({ username: '0912345678', kind: 'citizen' });
    const profile = await system.app.inject({
      url: `/api/v1/admin/citizens/${citizen.id}`,
      headers: { cookie: desk },
    });
    expect(body(profile).idNumber).toMatch(/^\d{12}$/);
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel', 'resourceId'])
      .where('action', 'in', ['citizen.search', 'citizen.read'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'citizen.search', actorLabel: 'tiepnhan' }),
        expect.objectContaining({ action: 'citizen.read', actorLabel: 'tiepnhan', resourceId: citizen.id }),
      ]),
    );
    const stats = await loginAs(system, 'giamsat', 'Demo@2026');
    expect(
      (await system.app.inject({ url: `/api/v1/admin/citizens/${citizen.id}`, headers: { cookie: stats } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await system.app.inject({ url: '/api/v1/admin/outbox', headers: { cookie: desk } })).statusCode,
    ).toBe(403);
    const admin = await loginAs(system, 'quantri', 'Demo@2026');
    const outbox = body(await system.app.inject({ url: '/api/v1/admin/outbox', headers: { cookie: admin } }));
    expect(outbox.simulated).toBe(true);
    expect(outbox.items.length).toBeGreaterThan(3);
  });
});
