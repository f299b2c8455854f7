import type { Transaction } from 'kysely';
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

export async function findActiveUser(db: Executor, id: string): Promise<CurrentUser | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'fullName', 'kind', 'mustChangePassword'])
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!user) {
    return undefined;
  }
  const roles = await db
    .selectFrom('userRoles')
    .select(['role', 'scopeId'])
    .where('userId', '=', id)
    .execute();
  return { ...user, roles };
}
