import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { SiteInfo, SiteSettings } from './site.schemas.ts';

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

export async function listDemoAccounts(db: Db): Promise<SiteInfo['demoAccounts']> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'fullName', 'kind'])
    .where('isDemo', '=', true)
    .where('status', '=', 'active')
    .orderBy('createdAt')
    .orderBy('username')
    .execute();
  const roles = await db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select(['userRoles.userId', 'userRoles.role'])
    .where('users.isDemo', '=', true)
    .orderBy('userRoles.role')
    .execute();
  return users.map(({ id, ...user }) => ({
    ...user,
    roles: [...new Set(roles.filter((r) => r.userId === id).map((r) => r.role))],
  }));
}
