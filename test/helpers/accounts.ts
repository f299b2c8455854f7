// Test accounts: officers created straight in the database with a known password and an enrolled
// TOTP second factor (as real non-demo officers have), signed in through the real two-step login.
import { generate } from 'otplib';
import { createUser } from '../../src/modules/auth/users.service.ts';
import type { RunningSystem } from '../../src/system.ts';
import { JSON_HEADERS } from './test-system.ts';

export const TEST_PASSWORD = 'sông Hồng chảy về xuôi';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export async function agencyIdsByCode(system: RunningSystem): Promise<Map<string, string>> {
  const rows = await system.database.db.selectFrom('agencies').select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

let hashCache: string | undefined;

export async function createTestOfficer(
  system: RunningSystem,
  input: {
    username: string;
    fullName?: string;
    unitId: string | null;
    roles: Array<{ role: string; scopeId: string | null }>;
    totp?: boolean;
  },
): Promise<string> {
  const db = system.database.db;
  const { hashPassword } = await import('../../src/modules/auth/password.ts');
  hashCache ??= await hashPassword(TEST_PASSWORD);
  const id = await db.transaction().execute((trx) =>
    createUser(trx, {
      username: input.username,
      fullName: input.fullName ?? `Cán bộ ${input.username}`,
      kind: 'officer',
      unitId: input.unitId,
      password: TEST_PASSWORD,
      passwordHash: hashCache,
      mustChangePassword: false,
      roles: input.roles,
    }),
  );
  if (input.totp !== false) {
    await db
      .updateTable('users')
      .set({ totpSecret: TOTP_SECRET, totpEnabledAt: new Date() })
      .where('id', '=', id)
      .execute();
  }
  return id;
}

export function totpCode(secret = TOTP_SECRET, at = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

const cookieOf = (response: { cookies: Array<{ name: string; value: string }> }) => {
  const cookie = response.cookies.find((c) => c.name === 'motcua.sid');
  if (!cookie) {
    throw new Error('no session cookie');
  }
  return `${cookie.name}=${cookie.value}`;
};

/** Password, then TOTP: returns the session cookie of a complete officer session. */
export async function loginWithTotp(
  system: RunningSystem,
  username: string,
  password = TEST_PASSWORD,
  secret = TOTP_SECRET,
): Promise<string> {
  const first = await system.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: JSON_HEADERS,
    payload: { username, password },
  });
  if (first.statusCode !== 200 || !JSON.parse(first.body).secondFactorRequired) {
    throw new Error(`first step failed: ${first.statusCode} ${first.body}`);
  }
  const second = await system.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login/totp',
    headers: { ...JSON_HEADERS, cookie: cookieOf(first) },
    payload: { code: await totpCode(secret) },
  });
  if (second.statusCode !== 200) {
    throw new Error(`second step failed: ${second.statusCode} ${second.body}`);
  }
  return cookieOf(second);
}
