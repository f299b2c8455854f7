// Goal 6: administrators' passwords expire after the configured age (time-travel test of the
// nightly job); officers without an administrator role, demo accounts and fresh passwords do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireAdminPasswords } from '../../src/modules/accounts/password-rotation.ts';
import { agencyIdsByCode, createTestOfficer } from '../helpers/accounts.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
  const agencies = await agencyIdsByCode(system);
  const stp = agencies.get('000.00.11.H99') ?? null;
  await createTestOfficer(system, {
    username: 'admin.tinh',
    unitId: null,
    roles: [{ role: 'system_admin', scopeId: null }],
  });
  await createTestOfficer(system, {
    username: 'qt.donvi',
    unitId: stp,
    roles: [{ role: 'unit_admin', scopeId: stp }],
  });
  await createTestOfficer(system, {
    username: 'cv.thuong',
    unitId: stp,
    roles: [{ role: 'specialist', scopeId: stp }],
  });
});
afterAll(async () => system?.close());

const mustChange = async (username: string) =>
  (
    await system.database.db
      .selectFrom('users')
      .select('mustChangePassword')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).mustChangePassword;

describe('[goal 6] administrator password rotation', () => {
  it('nothing expires before the age; at 61 days administrators must change, others and demo accounts not', async () => {
    const day = 24 * 3600 * 1000;
    expect(await expireAdminPasswords(system.database.db, 60, new Date(Date.now() + 59 * day))).toEqual([]);
    const expired = await expireAdminPasswords(system.database.db, 60, new Date(Date.now() + 61 * day));
    expect(expired.sort()).toEqual(['admin.tinh', 'qt.donvi']);
    expect(await mustChange('admin.tinh')).toBe(true);
    expect(await mustChange('cv.thuong')).toBe(false);
    expect(await mustChange('quantri')).toBe(false);
    const audit = await system.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'user.password_expired')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('0 turns the rotation off', async () => {
    expect(
      await expireAdminPasswords(system.database.db, 0, new Date(Date.now() + 3650 * 24 * 3600 * 1000)),
    ).toEqual([]);
  });
});
