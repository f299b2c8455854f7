import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { SiteSettings } from './site.schemas.ts';

const SITE_KEY = 'site';

export async function findSiteSettings(db: Db | Transaction<Database>): Promise<SiteSettings | undefined> {
  const row = await db
    .selectFrom('appSettings')
    .select('value')
    .where('key', '=', SITE_KEY)
    .executeTakeFirst();
  return row?.value as SiteSettings | undefined;
}

export async function saveSiteSettings(
  db: Db | Transaction<Database>,
  settings: SiteSettings,
): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('appSettings')
    .values({ key: SITE_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: new Date() }))
    .execute();
}
