// Demo data for the embedded quick start (MOTCUA_DEMO): the fictional province "tỉnh An Hòa".
// Idempotent: a marker row records that the seed ran, so a restart never duplicates or overwrites
// what a tester changed. Modules add their own demo data here as they arrive.
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { createUser } from '../auth/users.service.ts';
import { saveSiteSettings } from '../site/site.repository.ts';

const MARKER = 'demo.seeded';
export const DEMO_PASSWORD = 'Demo@2026';

export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  const done = await db.selectFrom('appSettings').select('key').where('key', '=', MARKER).executeTakeFirst();
  if (done) {
    return { seeded: false };
  }
  await db.transaction().execute(async (trx) => {
    await saveSiteSettings(trx, {
      name: { vi: 'Cổng Dịch vụ công tỉnh An Hòa', en: 'An Hoa Province Public Service Portal' },
      provinceName: { vi: 'Tỉnh An Hòa', en: 'An Hoa Province' },
      hotline: '1900 0000',
      email: 'motcua@anhoa.example.vn',
    });
    await createUser(trx, {
      username: 'quantri',
      fullName: 'Quản trị hệ thống (demo)',
      email: 'quantri@anhoa.example.vn',
      kind: 'officer',
      password: DEMO_PASSWORD,
      mustChangePassword: false,
      isDemo: true,
      roles: ['system_admin'],
    });
    await trx
      .insertInto('appSettings')
      .values({ key: MARKER, value: JSON.stringify({ at: new Date().toISOString() }) })
      .execute();
    await appendAudit(trx, {
      ...SYSTEM_ACTOR,
      action: 'demo.seed',
      resourceType: 'app_settings',
      resourceId: MARKER,
    });
  });
  return { seeded: true };
}
