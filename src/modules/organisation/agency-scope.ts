// The one scoping mechanism for queries (goal 8, R10): a policy scope (src/domain/access/policy.ts)
// becomes a SQL condition "this agency column lies in one of the granted subtrees". Every listing
// of agency-owned rows goes through it, so a new query cannot forget the scope silently.
import { type Expression, type SqlBool, sql, type Transaction } from 'kysely';
import type { AgencyScope, ScopedResource } from '../../domain/access/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;

/**
 * `column` (e.g. 'users.unitId') is inside the scope. A null column (a province-wide row) is only
 * inside an unlimited scope.
 */
export function inAgencyScope(column: string, scope: AgencyScope): Expression<SqlBool> {
  if (scope.kind === 'all') {
    return sql<SqlBool>`true`;
  }
  if (scope.kind === 'none' || scope.roots.length === 0) {
    return sql<SqlBool>`false`;
  }
  return sql<SqlBool>`${sql.ref(column)} in (
    with recursive subtree(id) as (
      select id from agencies where id in (${sql.join(scope.roots)})
      union
      select child.id from agencies child join subtree on child.parent_id = subtree.id
    )
    select id from subtree)`;
}

/** The agency and its ancestors, nearest first (what the policy's object-level check needs). */
export async function agencyPath(db: Executor, agencyId: string | null): Promise<ScopedResource> {
  if (!agencyId) {
    return { agencyPath: [] };
  }
  const { rows } = await sql<{ id: string; depth: number }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from agencies where id = ${agencyId}
      union all
      select a.id, a.parent_id, up.depth + 1 from agencies a join up on a.id = up.parent_id
      where up.depth < 20
    )
    select id, depth from up order by depth`.execute(db);
  return { agencyPath: rows.map((row) => row.id) };
}
