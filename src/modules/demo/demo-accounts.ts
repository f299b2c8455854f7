// The demo accounts of tỉnh An Hòa (issue 4): one per role that matters in a walk-through, all
// with the published password Demo@2026, marked demo (no forced change, no second factor), and
// a demo citizen. They exist only while MOTCUA_DEMO is on, which production refuses.

import type { Transaction } from 'kysely';
import { dataProtection } from '../../platform/crypto/data-protection.ts';
import type { Database } from '../../platform/db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { createUser } from '../auth/users.service.ts';
import { DEMO_PASSWORD } from './demo-password.ts';

const CENTRE = '000.00.06.H99';
const PROVINCE = '000.00.00.H99';
const STP = '000.00.11.H99';
const STP_JUDICIAL_ADMIN = '000.01.11.H99';
const SXD_CONSTRUCTION = '000.01.12.H99';

interface DemoOfficer {
  username: string;
  fullName: string;
  unit: string | null;
  roles: Array<{ role: string; scope: string | null }>;
}

export const DEMO_OFFICERS: DemoOfficer[] = [
  {
    username: 'quantri',
    fullName: 'Quản trị hệ thống (demo)',
    unit: null,
    roles: [{ role: 'system_admin', scope: null }],
  },
  {
    username: 'tiepnhan',
    fullName: 'Nguyễn Thị Lan (demo)',
    unit: CENTRE,
    roles: [{ role: 'desk_officer', scope: CENTRE }],
  },
  {
    username: 'quantri.stp',
    fullName: 'Phạm Quốc Bảo (demo)',
    unit: STP,
    roles: [{ role: 'unit_admin', scope: STP }],
  },
  {
    username: 'chuyenvien.stp',
    fullName: 'Lê Minh Tuấn (demo)',
    unit: STP_JUDICIAL_ADMIN,
    roles: [{ role: 'specialist', scope: STP_JUDICIAL_ADMIN }],
  },
  {
    username: 'truongphong.stp',
    fullName: 'Hoàng Thu Hà (demo)',
    unit: STP_JUDICIAL_ADMIN,
    roles: [{ role: 'unit_head', scope: STP_JUDICIAL_ADMIN }],
  },
  {
    username: 'lanhdao.stp',
    fullName: 'Đỗ Văn Hùng (demo)',
    unit: STP,
    roles: [{ role: 'agency_leader', scope: STP }],
  },
  {
    username: 'chuyenvien.sxd',
    fullName: 'Vũ Thị Mai (demo)',
    unit: SXD_CONSTRUCTION,
    roles: [{ role: 'specialist', scope: SXD_CONSTRUCTION }],
  },
  {
    username: 'giamsat',
    fullName: 'Trịnh Công Sơn (demo)',
    unit: PROVINCE,
    roles: [
      { role: 'provincial_monitor', scope: null },
      { role: 'statistics_viewer', scope: null },
    ],
  },
];

export const DEMO_CITIZEN = {
  phone: '0912345678',
  fullName: 'Trần Văn Dân (demo)',
  dateOfBirth: '1990-05-12',
  // 001: born in Hà Nội; 0: male, 1900s; 90: born 1990 (CCCD rules, src/domain/identity).
  idNumber: '001090012345',
  address: 'Số 5 đường Lê Lợi, phường Hòa Bình, tỉnh An Hòa',
  email: 'congdan.demo@example.vn',
};

export async function seedDemoAccounts(
  trx: Transaction<Database>,
  agencyIds: Map<string, string>,
): Promise<void> {
  const idOf = (code: string | null) => (code ? (agencyIds.get(code) ?? null) : null);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const officer of DEMO_OFFICERS) {
    await createUser(trx, {
      username: officer.username,
      fullName: officer.fullName,
      email: `${officer.username}@anhoa.example.vn`,
      kind: 'officer',
      unitId: idOf(officer.unit),
      password: DEMO_PASSWORD,
      passwordHash,
      mustChangePassword: false,
      isDemo: true,
      roles: officer.roles.map(({ role, scope }) => ({ role, scopeId: idOf(scope) })),
    });
  }
  const citizenId = await createUser(trx, {
    username: DEMO_CITIZEN.phone,
    fullName: DEMO_CITIZEN.fullName,
    phone: DEMO_CITIZEN.phone,
    email: DEMO_CITIZEN.email,
    kind: 'citizen',
    password: DEMO_PASSWORD,
    mustChangePassword: false,
    isDemo: true,
    roles: [],
  });
  const now = new Date();
  await trx
    .updateTable('users')
    .set({ phoneVerifiedAt: now, emailVerifiedAt: now })
    .where('id', '=', citizenId)
    .execute();
  await trx
    .insertInto('accountProfiles')
    .values({
      userId: citizenId,
      dateOfBirth: DEMO_CITIZEN.dateOfBirth,
      // Stored as the profile service stores it: sealed, with its blind index (goal 23).
      idNumber: await dataProtection().seal(trx, 'user', citizenId, DEMO_CITIZEN.idNumber),
      idNumberBidx: dataProtection().blindIndex('cccd', DEMO_CITIZEN.idNumber),
      address: DEMO_CITIZEN.address,
      updatedAt: now,
    })
    .execute();
}
