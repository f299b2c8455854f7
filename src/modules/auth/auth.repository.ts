import type { Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
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

export async function findActiveUser(db: Executor, id: string): Promise<CurrentUser | undefined> {
  // Runs on every signed-in request: the account and its roles in one round trip.
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'fullName', 'kind', 'unitId', 'mustChangePassword', 'isDemo', 'totpEnabledAt'])
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
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!user) {
    return undefined;
  }
  const { totpEnabledAt, ...rest } = user;
  return { ...rest, totpEnabled: totpEnabledAt !== null, restriction: restrictionOf(user) };
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
