// Officer accounts as administrators see them. Every listing goes through the agency scope helper.
import { sql, type Transaction } from 'kysely';
import type { AgencyScope } from '../../domain/access/policy.ts';
import { foldVietnamese } from '../../domain/text/vietnamese.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { findLockedNames } from '../auth/login-throttle.ts';
import { inAgencyScope } from '../organisation/agency-scope.ts';
import type { AdminUser } from './admin-users.schemas.ts';

type Executor = Db | Transaction<Database>;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function baseQuery(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('agencies as unit', 'unit.id', 'users.unitId')
    .where('users.kind', '=', 'officer')
    .select([
      'users.id',
      'users.username',
      'users.fullName',
      'users.email',
      'users.phone',
      'users.unitId',
      'unit.name as unitName',
      'users.status',
      'users.statusReason',
      'users.mustChangePassword',
      'users.totpEnabledAt',
      'users.isDemo',
      'users.lastLoginAt',
      'users.createdAt',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function toAdminUsers(db: Executor, rows: Row[], now: Date): Promise<AdminUser[]> {
  const ids = rows.map((row) => row.id);
  const grants =
    ids.length === 0
      ? []
      : await db
          .selectFrom('userRoles')
          .leftJoin('agencies', 'agencies.id', 'userRoles.scopeId')
          .select(['userRoles.userId', 'userRoles.role', 'userRoles.scopeId', 'agencies.name as scopeName'])
          .where('userRoles.userId', 'in', ids)
          .orderBy('userRoles.role')
          .execute();
  const locked = await findLockedNames(
    db,
    rows.map((row) => row.username),
    now,
  );
  return rows.map(({ totpEnabledAt, lastLoginAt, createdAt, ...row }) => ({
    ...row,
    lockedOutUntil: iso(locked.get(row.username) ?? null),
    roles: grants
      .filter((g) => g.userId === row.id)
      .map(({ role, scopeId, scopeName }) => ({ role, scopeId, scopeName })),
    totpEnabled: totpEnabledAt !== null,
    lastLoginAt: iso(lastLoginAt),
    createdAt: new Date(createdAt).toISOString(),
  }));
}

export async function listOfficers(
  db: Executor,
  filter: { scope: AgencyScope; q?: string; unitId?: string; status?: AdminUser['status'] },
  page: { limit: number; offset: number },
  now: Date,
): Promise<{ items: AdminUser[]; total: number }> {
  let query = baseQuery(db).where(inAgencyScope('users.unitId', filter.scope));
  if (filter.unitId) {
    query = query.where(inAgencyScope('users.unitId', { kind: 'subtrees', roots: [filter.unitId] }));
  }
  if (filter.status) {
    query = query.where('users.status', '=', filter.status);
  }
  if (filter.q) {
    const pattern = `%${foldVietnamese(filter.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(lower(users.full_name))`, 'like', pattern),
        eb(sql`lower(users.username)`, 'like', pattern),
      ]),
    );
  }
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('users.username').limit(page.limit).offset(page.offset).execute();
  return { items: await toAdminUsers(db, rows, now), total: Number(counted.total) };
}

export async function findOfficer(db: Executor, id: string, now: Date): Promise<AdminUser | undefined> {
  const rows = await baseQuery(db).where('users.id', '=', id).execute();
  const [user] = await toAdminUsers(db, rows, now);
  return user;
}

export async function isUsernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/** The short name used in usernames: the unit's own, or its nearest ancestor's (e.g. stp). */
export async function unitShortName(db: Executor, unitId: string): Promise<string | null> {
  const { rows } = await sql<{ shortName: string | null }>`
    with recursive up(id, parent_id, short_name, depth) as (
      select id, parent_id, short_name, 0 from agencies where id = ${unitId}
      union all
      select a.id, a.parent_id, a.short_name, up.depth + 1 from agencies a join up on a.id = up.parent_id
      where up.depth < 20
    )
    select short_name as "shortName" from up where short_name is not null order by depth limit 1`.execute(db);
  return rows[0]?.shortName ?? null;
}

export async function findOpenAgency(db: Executor, id: string) {
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'validTo'])
    .where('id', '=', id)
    .where('validTo', 'is', null)
    .executeTakeFirst();
}
