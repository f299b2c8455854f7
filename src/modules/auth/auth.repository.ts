import type { SelectQueryBuilder, Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { SessionCompanion } from '../../platform/http/session-store.ts';
import type { CurrentUser } from './actor.ts';

type Executor = Db | Transaction<Database>;

export async function findUserByUsername(db: Executor, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

/** R9, goal 3: a non-demo officer must have a second factor before doing anything else. */
export function restrictionOf(user: {
  kind: CurrentUser['kind'];
  mustChangePassword: boolean;
  isDemo: boolean;
  totpEnabledAt: Date | string | null;
}): CurrentUser['restriction'] {
  if (user.mustChangePassword) {
    return 'password_change';
  }
  if (user.kind === 'officer' && !user.isDemo && user.totpEnabledAt === null) {
    return 'totp_enrolment';
  }
  return null;
}

/** The columns of an active account and its roles (JSON), on a query over `users`. */
function activeAccount(query: SelectQueryBuilder<Database, 'users', object>) {
  return query
    .select([
      'users.id',
      'username',
      'fullName',
      'kind',
      'unitId',
      'mustChangePassword',
      'isDemo',
      'totpEnabledAt',
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('userRoles')
          .select(['role', 'scopeId'])
          .whereRef('userRoles.userId', '=', 'users.id')
          .orderBy('role')
          .orderBy('scopeId'),
      ).as('roles'),
    )
    .where('users.status', '=', 'active');
}

type AccountRow = Pick<CurrentUser, 'id' | 'username' | 'fullName' | 'kind' | 'unitId' | 'roles'> & {
  mustChangePassword: boolean;
  isDemo: boolean;
  totpEnabledAt: Date | string | null;
};

function currentUserOf(row: AccountRow): CurrentUser {
  const { totpEnabledAt, ...rest } = row;
  return { ...rest, totpEnabled: totpEnabledAt !== null, restriction: restrictionOf(row) };
}

export async function findActiveUser(db: Executor, id: string): Promise<CurrentUser | undefined> {
  // The account and its roles in one round trip.
  const row = await activeAccount(db.selectFrom('users')).where('users.id', '=', id).executeTakeFirst();
  return row ? currentUserOf(row) : undefined;
}

/**
 * Goal 36: the signed-in account is read in the session's own query (one round trip per request,
 * not two), as the session's companion: null when the session's user is not active.
 */
export const accountWithSession: SessionCompanion = {
  select: (eb) =>
    jsonObjectFrom(
      activeAccount(
        // The outer session row is in scope: the typed builder only widens the table set.
        eb
          .selectFrom('users')
          .whereRef('users.id', '=', 'httpSessions.userId') as unknown as SelectQueryBuilder<
          Database,
          'users',
          object
        >,
      ),
    ),
};

/**
 * The active account a session's companion holds, if it was read for this user: `null` when the
 * account is no longer active, `undefined` when it was not read (then the caller asks the database).
 */
export function accountFromCompanion(companion: unknown, userId: string): CurrentUser | null | undefined {
  if (companion === null) {
    return null;
  }
  const row = companion as AccountRow | undefined;
  return row?.id === userId ? currentUserOf(row) : undefined;
}

/**
 * The account a sign-in name designates: an officer's username, or a citizen's or organisation's
 * phone number or e-mail address (verified ones only, so an unverified claim cannot hijack a name).
 */
export async function findUserByLoginName(db: Executor, loginName: string) {
  const byUsername = await findUserByUsername(db, loginName);
  if (byUsername) {
    return byUsername;
  }
  return db
    .selectFrom('users')
    .selectAll()
    .where('kind', '<>', 'officer')
    .where((eb) =>
      eb.or([
        eb.and([eb('phone', '=', loginName), eb('phoneVerifiedAt', 'is not', null)]),
        eb.and([eb(eb.fn('lower', ['email']), '=', loginName), eb('emailVerifiedAt', 'is not', null)]),
      ]),
    )
    .executeTakeFirst();
}
