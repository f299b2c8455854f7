// Demo data for the embedded quick start (MOTCUA_DEMO): the fictional province "tỉnh An Hòa".
// Idempotent: a marker row records that the seed ran, so a restart never duplicates or overwrites
// what a tester changed. Modules add their own demo data here as they arrive.
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { recomputeWarnings } from '../processing/warnings.job.ts';
import { saveSiteSettings } from '../site/site.repository.ts';
import { seedDemoAccounts } from './demo-accounts.ts';
import { seedDemoCalendar } from './demo-calendar.ts';
import { seedDemoCatalogue } from './demo-catalogue.ts';
import { seedDemoDossiers } from './demo-dossiers.ts';
import { seedDemoOrganisation } from './demo-organisation.ts';
import { seedDemoProcesses } from './demo-processes.ts';

const MARKER = 'demo.seeded';

export async function seedDemo(db: Db, options: { blobs?: BlobStore } = {}): Promise<{ seeded: boolean }> {
  const done = await db.selectFrom('appSettings').select('key').where('key', '=', MARKER).executeTakeFirst();
  if (done) {
    return { seeded: false };
  }
  await db.transaction().execute(async (trx) => {
    const agencyIds = await seedDemoOrganisation(trx);
    await seedDemoCalendar(trx, agencyIds);
    await seedDemoCatalogue(trx, agencyIds, options.blobs, todayInVietnam());
    await saveSiteSettings(trx, {
      name: { vi: 'Cổng Dịch vụ công tỉnh An Hòa', en: 'An Hoa Province Public Service Portal' },
      provinceName: { vi: 'Tỉnh An Hòa', en: 'An Hoa Province' },
      hotline: '1900 0000',
      email: 'motcua@anhoa.example.vn',
    });
    await seedDemoAccounts(trx, agencyIds);
    await seedDemoProcesses(trx);
    await seedDemoDossiers(trx);
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
  // The historical dossiers' colours and reminders as the warnings job would leave them, so the
  // worklists are alive on first start rather than five minutes later (issue 7 demo).
  await recomputeWarnings(db);
  return { seeded: true };
}
