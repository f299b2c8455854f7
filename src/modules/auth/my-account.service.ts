// "My account" (R9, goals 2, 3, 5): change one's password (first sign-in, after a reset, or at
// will) and enrol the TOTP second factor. Each change is one transaction with its audit record;
// a password change ends every other session of the account.
import type { Db } from '../../platform/db/database.ts';
import { destroyUserSessions } from '../../platform/http/session-store.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, CurrentUser } from './actor.ts';
import { authErrors } from './auth.errors.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.ts';
import { matchTotp } from './totp.ts';

export async function changeOwnPassword(
  db: Db,
  user: CurrentUser,
  currentPassword: string,
  newPassword: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<void> {
  const row = await db
    .selectFrom('users')
    .select(['passwordHash', 'email'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw authErrors.wrongCurrentPassword();
  }
  assertPasswordAcceptable(newPassword, [user.username, user.fullName, row.email ?? ''], 'newPassword');
  if (newPassword.normalize('NFC') === currentPassword.normalize('NFC')) {
    throw authErrors.samePassword();
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, {
      ...actor,
      action: 'user.password_change',
      resourceType: 'user',
      resourceId: user.id,
      details: { wasRequired: user.mustChangePassword },
    });
  });
  // Goal 5: every session of the account ends; the route then opens a fresh one for this browser.
  await destroyUserSessions(db, user.id);
}

/** Confirms enrolment with the first code from the app, then stores the secret (goal 3). */
export async function confirmTotpEnrolment(
  db: Db,
  user: CurrentUser,
  secret: string,
  code: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<void> {
  const step = await matchTotp(secret, code, now);
  if (step === null) {
    throw authErrors.totpInvalid();
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totpSecret: secret, totpEnabledAt: now, totpLastStep: step, updatedAt: now })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, {
      ...actor,
      action: 'user.totp_enable',
      resourceType: 'user',
      resourceId: user.id,
    });
  });
  await destroyUserSessions(db, user.id);
}
