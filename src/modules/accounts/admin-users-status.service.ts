// Locking, unlocking and resets of officer accounts (R9; goals 4–6). Locking, a password reset and
// a second-factor reset end every session of the account at once (goal 5).
import type { Db } from '../../platform/db/database.ts';
import { destroyUserSessions } from '../../platform/http/session-store.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, CurrentUser } from '../auth/actor.ts';
import { clearThrottle } from '../auth/login-throttle.ts';
import { hashPassword } from '../auth/password.ts';
import { accountErrors } from './accounts.errors.ts';
import { getManageableOfficer, getVisibleOfficer, temporaryPassword } from './admin-users.service.ts';

export async function lockOfficer(
  db: Db,
  user: CurrentUser,
  id: string,
  reason: string | null,
  actor: Actor,
) {
  const before = await getManageableOfficer(db, user, id);
  if (id === user.id) {
    throw accountErrors.notYourself();
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ status: 'locked', statusReason: 'admin', updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      ...actor,
      action: 'user.lock',
      resourceType: 'user',
      resourceId: id,
      reason,
      details: { before: { status: before.status }, after: { status: 'locked' } },
    });
  });
  await destroyUserSessions(db, id);
  return getVisibleOfficer(db, user, id);
}

/** Unlocks an account locked by an administrator, by 5 failed sign-ins or by inactivity. */
export async function unlockOfficer(
  db: Db,
  user: CurrentUser,
  id: string,
  reason: string | null,
  actor: Actor,
) {
  const before = await getManageableOfficer(db, user, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ status: 'active', statusReason: null, updatedAt: new Date() })
      .where('id', '=', id)
      .where('status', '<>', 'pending')
      .execute();
    await clearThrottle(trx, before.username);
    await appendAudit(trx, {
      ...actor,
      action: 'user.unlock',
      resourceType: 'user',
      resourceId: id,
      reason,
      details: {
        before: {
          status: before.status,
          statusReason: before.statusReason,
          lockedOutUntil: before.lockedOutUntil,
        },
        after: { status: 'active' },
      },
    });
  });
  return getVisibleOfficer(db, user, id);
}

/** A new random password that must be changed at the next sign-in (R9). */
export async function resetOfficerPassword(db: Db, user: CurrentUser, id: string, actor: Actor) {
  const before = await getManageableOfficer(db, user, id);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await clearThrottle(trx, before.username);
    await appendAudit(trx, {
      ...actor,
      action: 'user.password_reset',
      resourceType: 'user',
      resourceId: id,
      details: {
        before: { mustChangePassword: before.mustChangePassword },
        after: { mustChangePassword: true },
      },
    });
  });
  await destroyUserSessions(db, id);
  return { temporaryPassword: password };
}

/** Forgets the second factor (a lost phone): the officer enrols again at the next sign-in. */
export async function resetOfficerTotp(db: Db, user: CurrentUser, id: string, actor: Actor) {
  const before = await getManageableOfficer(db, user, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      ...actor,
      action: 'user.totp_reset',
      resourceType: 'user',
      resourceId: id,
      details: { before: { totpEnabled: before.totpEnabled }, after: { totpEnabled: false } },
    });
  });
  await destroyUserSessions(db, id);
  return getVisibleOfficer(db, user, id);
}
