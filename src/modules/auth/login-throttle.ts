// Goal 4 (ASVS 6.1.1, 6.3.1; TCVN 14423:2026 5.5.2.2): failed sign-ins are counted per account
// name, whether the account exists or not, so both get the same answers. Failures 3 and 4 impose
// a short back-off; the 5th locks the name for LOCKOUT_SECONDS (an administrator can unlock an
// officer at once; a citizen can reset the password by code). Per-IP limits are separate (route
// rate limit). Times come from the caller so tests can travel in time.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;

export const MAX_FAILURES = 5;
export const LOCKOUT_SECONDS = 12 * 3600;
/** Seconds to wait after the n-th consecutive failure (index n), before the lock. */
const BACKOFF_SECONDS = [0, 0, 0, 2, 5];

export type ThrottleVerdict =
  | { kind: 'open' }
  | { kind: 'backoff'; retryAfterSeconds: number }
  | { kind: 'locked'; retryAfterSeconds: number };

export async function checkThrottle(db: Executor, key: string, now: Date): Promise<ThrottleVerdict> {
  const row = await db
    .selectFrom('loginThrottle')
    .select(['failures', 'lockedUntil'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row?.lockedUntil) {
    return { kind: 'open' };
  }
  const remaining = Math.ceil((new Date(row.lockedUntil).getTime() - now.getTime()) / 1000);
  if (remaining <= 0) {
    return { kind: 'open' };
  }
  return row.failures >= MAX_FAILURES
    ? { kind: 'locked', retryAfterSeconds: remaining }
    : { kind: 'backoff', retryAfterSeconds: remaining };
}

/** Records one failure; returns the consecutive count (a lock that has run out starts again at 1). */
export async function recordFailure(trx: Transaction<Database>, key: string, now: Date): Promise<number> {
  const row = await trx
    .selectFrom('loginThrottle')
    .select(['failures', 'lastFailureAt', 'lockedUntil'])
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirst();
  const windowStart = now.getTime() - LOCKOUT_SECONDS * 1000;
  const expiredLock = row?.lockedUntil && row.failures >= MAX_FAILURES && new Date(row.lockedUntil) <= now;
  const stale = !row?.lastFailureAt || new Date(row.lastFailureAt).getTime() < windowStart || expiredLock;
  const failures = stale ? 1 : (row?.failures ?? 0) + 1;
  const waitSeconds = failures >= MAX_FAILURES ? LOCKOUT_SECONDS : (BACKOFF_SECONDS[failures] ?? 0);
  const lockedUntil = waitSeconds > 0 ? new Date(now.getTime() + waitSeconds * 1000) : null;
  await trx
    .insertInto('loginThrottle')
    .values({ key, failures, lastFailureAt: now, lockedUntil })
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures, lastFailureAt: now, lockedUntil }))
    .execute();
  return failures;
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('loginThrottle').where('key', '=', key).execute();
}

export async function findLockedNames(db: Executor, keys: string[], now: Date): Promise<Map<string, Date>> {
  if (keys.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('loginThrottle')
    .select(['key', 'lockedUntil'])
    .where('key', 'in', keys)
    .where('failures', '>=', MAX_FAILURES)
    .where('lockedUntil', '>', now)
    .execute();
  return new Map(rows.map((row) => [row.key, new Date(row.lockedUntil as Date)]));
}

/** Forgets failures older than the lock window (nightly), so probing names does not grow the table. */
export async function purgeOldFailures(db: Executor, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - LOCKOUT_SECONDS * 1000);
  const result = await db
    .deleteFrom('loginThrottle')
    .where('lastFailureAt', '<', cutoff)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
