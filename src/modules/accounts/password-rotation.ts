// Goal 6, TCVN 14423:2026 5.6.2.3 (security goals §2.3): administrators' passwords expire after a
// configurable age (default 60 days, MOTCUA_ADMIN_PASSWORD_MAX_AGE_DAYS; 0 turns it off). A nightly
// job marks them "must change", so the next sign-in goes through the forced change (R9's flow);
// ordinary officers and citizens follow ASVS 6.2.10 (no periodic rotation). Demo accounts are exempt.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

export const ADMIN_ROLES = ['system_admin', 'unit_admin'] as const;

export async function expireAdminPasswords(
  db: Db,
  maxAgeDays: number,
  now: Date = new Date(),
): Promise<string[]> {
  if (maxAgeDays <= 0) {
    return [];
  }
  const cutoff = new Date(now.getTime() - maxAgeDays * 24 * 3600 * 1000);
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .updateTable('users')
      .set({ mustChangePassword: true, updatedAt: now })
      .where('kind', '=', 'officer')
      .where('isDemo', '=', false)
      .where('status', '=', 'active')
      .where('mustChangePassword', '=', false)
      .where((eb) => eb(eb.fn.coalesce('passwordChangedAt', 'createdAt'), '<', cutoff))
      .where(
        sql<boolean>`exists (select 1 from user_roles r where r.user_id = users.id and r.role in (${sql.join([...ADMIN_ROLES])}))`,
      )
      .returning(['id', 'username'])
      .execute();
    for (const user of expired) {
      await appendAudit(trx, {
        ...SYSTEM_ACTOR,
        action: 'user.password_expired',
        resourceType: 'user',
        resourceId: user.id,
        details: { username: user.username, maxAgeDays },
      });
    }
    return expired.map((u) => u.username);
  });
}
