// Goal 6 (TCVN 14423:2026 5.6.2.3): officer accounts unused for more than 45 days are disabled by a
// nightly job; an administrator re-enables them (unlock). Demo accounts are exempt: their purpose
// is to be tried at any time, and production refuses demo mode.
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

export const INACTIVE_DAYS = 45;

export async function disableInactiveOfficers(db: Db, now: Date = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - INACTIVE_DAYS * 24 * 3600 * 1000);
  return db.transaction().execute(async (trx) => {
    const disabled = await trx
      .updateTable('users')
      .set({ status: 'disabled', statusReason: 'inactive', updatedAt: now })
      .where('kind', '=', 'officer')
      .where('isDemo', '=', false)
      .where('status', '=', 'active')
      .where((eb) => eb(eb.fn.coalesce('lastLoginAt', 'createdAt'), '<', cutoff))
      .returning(['id', 'username', 'lastLoginAt'])
      .execute();
    for (const user of disabled) {
      await appendAudit(trx, {
        ...SYSTEM_ACTOR,
        action: 'user.disable_inactive',
        resourceType: 'user',
        resourceId: user.id,
        details: {
          username: user.username,
          lastLoginAt: user.lastLoginAt ? new Date(user.lastLoginAt).toISOString() : null,
          days: INACTIVE_DAYS,
        },
      });
    }
    if (disabled.length > 0) {
      await trx
        .deleteFrom('httpSessions')
        .where(
          'userId',
          'in',
          disabled.map((u) => u.id),
        )
        .execute();
    }
    return disabled.map((u) => u.username);
  });
}
