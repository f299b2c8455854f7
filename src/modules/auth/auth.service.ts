// Sign-in (goals 3–5): password (argon2id, same work for unknown names), throttle and lockout per
// account name, account status, then the second factor when enrolled. Every success and failure is
// audited. The route turns the outcome into a session.
import type { Db } from '../../platform/db/database.ts';
import { ADMIN_SESSION_IDLE_SECONDS, SESSION_IDLE_SECONDS } from '../../platform/http/session.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, CurrentUser } from './actor.ts';
import { authErrors } from './auth.errors.ts';
import { findActiveUser, findUserByLoginName } from './auth.repository.ts';
import { checkThrottle, clearThrottle, MAX_FAILURES, recordFailure } from './login-throttle.ts';
import { burnVerification, verifyPassword } from './password.ts';
import { verifyTotpCode } from './totp.ts';

export type LoginOutcome =
  | { kind: 'signed-in'; user: CurrentUser }
  | { kind: 'second-factor'; user: CurrentUser };

const ADMIN_ROLES = new Set(['system_admin', 'unit_admin']);

/** Goal 5: administrators' sessions end after 5 idle minutes, everybody else's after 15. */
export function idleSecondsFor(user: CurrentUser): number {
  return user.roles.some((grant) => ADMIN_ROLES.has(grant.role))
    ? ADMIN_SESSION_IDLE_SECONDS
    : SESSION_IDLE_SECONDS;
}

async function refuseThrottled(db: Db, key: string, actor: Actor, now: Date): Promise<void> {
  const verdict = await checkThrottle(db, key, now);
  if (verdict.kind === 'open') {
    return;
  }
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...actor,
      actorId: null,
      actorLabel: key.slice(0, 64),
      action: verdict.kind === 'locked' ? 'auth.login_locked' : 'auth.login_throttled',
      resourceType: 'user',
    }),
  );
  throw verdict.kind === 'locked' ? authErrors.lockedOut() : authErrors.throttled(verdict.retryAfterSeconds);
}

async function recordFailedLogin(
  db: Db,
  key: string,
  userId: string | null,
  actor: Actor,
  now: Date,
  stage: 'password' | 'totp',
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const failures = await recordFailure(trx, key, now);
    await appendAudit(trx, {
      ...actor,
      actorId: null,
      actorLabel: key.slice(0, 64),
      action: 'auth.login_failed',
      resourceType: 'user',
      resourceId: userId,
      details: { stage, failures, locked: failures >= MAX_FAILURES },
    });
  });
}

export async function authenticate(
  db: Db,
  loginName: string,
  password: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<LoginOutcome> {
  const key = loginName;
  await refuseThrottled(db, key, actor, now);
  const user = await findUserByLoginName(db, key);
  const ok = user ? await verifyPassword(user.passwordHash, password) : false;
  if (!user) {
    await burnVerification(password);
  }
  if (!user || !ok) {
    await recordFailedLogin(db, key, user?.id ?? null, actor, now, 'password');
    throw authErrors.invalid();
  }
  // Only someone who knows the password learns the account's status.
  if (user.status !== 'active') {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        ...actor,
        actorId: null,
        actorLabel: key.slice(0, 64),
        action: 'auth.login_refused',
        resourceType: 'user',
        resourceId: user.id,
        details: { status: user.status, reason: user.statusReason },
      }),
    );
    throw user.status === 'pending'
      ? authErrors.notVerified()
      : user.status === 'locked'
        ? authErrors.accountLocked()
        : authErrors.accountDisabled();
  }
  const current = await findActiveUser(db, user.id);
  if (!current) {
    throw authErrors.invalid();
  }
  await clearThrottle(db, key);
  if (current.totpEnabled) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        ...actor,
        actorId: current.id,
        actorLabel: current.username,
        action: 'auth.password_ok',
        resourceType: 'user',
        resourceId: current.id,
        details: { next: 'totp' },
      }),
    );
    return { kind: 'second-factor', user: current };
  }
  await completeSignIn(db, current, actor, 'password', now);
  return { kind: 'signed-in', user: current };
}

async function completeSignIn(
  db: Db,
  user: CurrentUser,
  actor: Actor,
  assurance: 'password' | 'password+totp' | 'oidc',
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ lastLoginAt: now }).where('id', '=', user.id).execute();
    await appendAudit(trx, {
      ...actor,
      actorId: user.id,
      actorLabel: user.username,
      action: 'auth.login',
      resourceType: 'user',
      resourceId: user.id,
      details: { assurance },
    });
  });
}

/** The second step: the TOTP code of a user whose password was just accepted. */
export async function authenticateSecondFactor(
  db: Db,
  userId: string,
  code: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<CurrentUser> {
  const user = await findActiveUser(db, userId);
  if (!user) {
    throw authErrors.secondFactorPending();
  }
  await refuseThrottled(db, user.username, actor, now);
  if (!(await verifyTotpCode(db, user.id, code, now))) {
    await recordFailedLogin(db, user.username, user.id, actor, now, 'totp');
    throw authErrors.totpInvalid();
  }
  await clearThrottle(db, user.username);
  await completeSignIn(db, user, actor, 'password+totp', now);
  return user;
}

export async function recordSignInBySso(db: Db, user: CurrentUser, actor: Actor, now = new Date()) {
  await completeSignIn(db, user, actor, 'oidc', now);
}

export async function recordLogout(db: Db, actor: Actor): Promise<void> {
  await db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, { ...actor, action: 'auth.logout', resourceType: 'user', resourceId: actor.actorId }),
    );
}
