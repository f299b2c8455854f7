// Sign-in with username and password. The lockout, second factor and citizen sign-up of the
// accounts issue build on this; what is here is already the real path (argon2id, server sessions,
// audit of every success and failure).
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, CurrentUser } from './actor.ts';
import { authErrors } from './auth.errors.ts';
import { findActiveUser, findUserByUsername } from './auth.repository.ts';
import { burnVerification, verifyPassword } from './password.ts';

export async function authenticate(
  db: Db,
  username: string,
  password: string,
  actor: Actor,
): Promise<CurrentUser> {
  const normalized = username.normalize('NFC').trim().toLowerCase();
  const user = await findUserByUsername(db, normalized);
  const ok = user && user.status === 'active' ? await verifyPassword(user.passwordHash, password) : false;
  if (!user) {
    await burnVerification(password);
  }
  const current = ok && user ? await findActiveUser(db, user.id) : undefined;
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...actor,
      actorId: current?.id ?? null,
      actorLabel: normalized.slice(0, 64),
      action: current ? 'auth.login' : 'auth.login_failed',
      resourceType: 'user',
      resourceId: user?.id ?? null,
    }),
  );
  if (!current) {
    throw authErrors.invalid();
  }
  return current;
}

export async function recordLogout(db: Db, actor: Actor): Promise<void> {
  await db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, { ...actor, action: 'auth.logout', resourceType: 'user', resourceId: actor.actorId }),
    );
}
