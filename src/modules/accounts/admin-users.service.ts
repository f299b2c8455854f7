// Officer account administration (R9, R10; goals 5–7): unit administrators manage the accounts of
// their own unit (its subtree), system administrators everyone's. Every decision goes through the
// policy; a target outside the caller's read scope is "not found", inside it but not manageable is
// "forbidden". Each change is one transaction with its audit record (before/after).
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { can, canGrantRole, type Grant, scopeFor } from '../../domain/access/policy.ts';
import { suggestUsername } from '../../domain/access/username.ts';
import { cleanLine } from '../../domain/text/vietnamese.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, CurrentUser } from '../auth/actor.ts';
import { createUser } from '../auth/users.service.ts';
import { agencyPath } from '../organisation/agency-scope.ts';
import { accountErrors } from './accounts.errors.ts';
import {
  findOfficer,
  findOpenAgency,
  isUsernameTaken,
  listOfficers,
  unitShortName,
} from './admin-users.repository.ts';
import type { AdminUser, CreateUserBody, UpdateUserBody } from './admin-users.schemas.ts';

type Executor = Db | Transaction<Database>;

/** A random first password (≈ 80 bits), shown once; the officer must change it (ASVS 6.4.1). */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

export async function listUsers(
  db: Db,
  user: CurrentUser,
  query: { q?: string; unitId?: string; status?: AdminUser['status']; page?: number; pageSize?: number },
  now = new Date(),
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const result = await listOfficers(
    db,
    {
      scope: scopeFor(user.roles, 'user.read'),
      ...(query.q ? { q: query.q } : {}),
      ...(query.unitId ? { unitId: query.unitId } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    { limit: pageSize, offset: (page - 1) * pageSize },
    now,
  );
  return { ...result, page, pageSize };
}

/** The target officer if the caller may see it (else 404: no probing of other agencies). */
export async function getVisibleOfficer(
  db: Executor,
  user: CurrentUser,
  id: string,
  now = new Date(),
): Promise<AdminUser> {
  const target = await findOfficer(db, id, now);
  if (!target || !can(user.roles, 'user.read', await agencyPath(db, target.unitId))) {
    throw errors.notFound();
  }
  return target;
}

/** The target officer if the caller may manage it (404 outside the read scope, 403 outside manage). */
async function getManageableOfficer(db: Executor, user: CurrentUser, id: string): Promise<AdminUser> {
  const target = await getVisibleOfficer(db, user, id);
  if (!can(user.roles, 'user.manage', await agencyPath(db, target.unitId))) {
    throw errors.forbidden();
  }
  return target;
}

async function assertUnitManageable(db: Executor, grants: Grant[], unitId: string): Promise<void> {
  if (!(await findOpenAgency(db, unitId))) {
    throw accountErrors.unknownUnit();
  }
  if (!can(grants, 'user.manage', await agencyPath(db, unitId))) {
    throw accountErrors.unitOutsideScope();
  }
}

async function assertGrantable(
  db: Executor,
  grants: Grant[],
  roles: Array<{ role: string; scopeId: string | null }>,
) {
  for (const [index, grant] of roles.entries()) {
    if (grant.scopeId !== null && !(await findOpenAgency(db, grant.scopeId))) {
      throw accountErrors.unknownUnit();
    }
    const target = grant.scopeId === null ? null : await agencyPath(db, grant.scopeId);
    if (!canGrantRole(grants, grant.role, target)) {
      throw accountErrors.roleNotGrantable(index);
    }
  }
}

export async function suggestUsernameFor(db: Db, user: CurrentUser, fullName: string, unitId: string) {
  await assertUnitManageable(db, user.roles, unitId);
  const shortName = await unitShortName(db, unitId);
  const base = suggestUsername(cleanLine(fullName), shortName, () => false);
  const taken = new Set(
    (
      await db
        .selectFrom('users')
        .select('username')
        .where('username', 'like', `${base.split('.')[0]}%`)
        .execute()
    ).map((row) => row.username.toLowerCase()),
  );
  return suggestUsername(cleanLine(fullName), shortName, (candidate) => taken.has(candidate));
}

export async function createOfficer(db: Db, user: CurrentUser, body: CreateUserBody, actor: Actor) {
  await assertUnitManageable(db, user.roles, body.unitId);
  await assertGrantable(db, user.roles, body.roles);
  const username = body.username ?? (await suggestUsernameFor(db, user, body.fullName, body.unitId));
  if (await isUsernameTaken(db, username)) {
    throw accountErrors.usernameTaken();
  }
  const password = temporaryPassword();
  const id = await db.transaction().execute((trx) =>
    createUser(
      trx,
      {
        username,
        fullName: cleanLine(body.fullName),
        email: body.email?.trim().toLowerCase() ?? null,
        phone: body.phone ? cleanLine(body.phone) : null,
        unitId: body.unitId,
        kind: 'officer',
        password,
        mustChangePassword: true,
        roles: body.roles,
      },
      actor,
    ),
  );
  return { user: await getVisibleOfficer(db, user, id), temporaryPassword: password };
}

export async function updateOfficer(
  db: Db,
  user: CurrentUser,
  id: string,
  body: UpdateUserBody,
  actor: Actor,
) {
  const before = await getManageableOfficer(db, user, id);
  if (body.unitId !== undefined && body.unitId !== before.unitId) {
    await assertUnitManageable(db, user.roles, body.unitId);
  }
  const changes = {
    ...(body.fullName !== undefined ? { fullName: cleanLine(body.fullName) } : {}),
    ...(body.email !== undefined ? { email: body.email?.trim().toLowerCase() ?? null } : {}),
    ...(body.phone !== undefined ? { phone: body.phone ? cleanLine(body.phone) : null } : {}),
    ...(body.unitId !== undefined ? { unitId: body.unitId } : {}),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ ...changes, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    if (body.unitId !== undefined && body.unitId !== before.unitId) {
      await trx
        .insertInto('userUnitHistory')
        .values({ userId: id, fromUnitId: before.unitId, toUnitId: body.unitId, reason: 'admin' })
        .execute();
    }
    await appendAudit(trx, {
      ...actor,
      action: 'user.update',
      resourceType: 'user',
      resourceId: id,
      details: {
        before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof AdminUser]])),
        after: changes,
      },
    });
  });
  return getVisibleOfficer(db, user, id);
}

export async function replaceRoles(
  db: Db,
  user: CurrentUser,
  id: string,
  roles: Array<{ role: string; scopeId: string | null }>,
  actor: Actor,
) {
  const before = await getManageableOfficer(db, user, id);
  const key = (g: { role: string; scopeId: string | null }) => `${g.role}@${g.scopeId ?? '*'}`;
  const wanted = new Map(roles.map((g) => [key(g), g]));
  const current = new Map(before.roles.map((g) => [key(g), { role: g.role, scopeId: g.scopeId }]));
  const added = [...wanted.values()].filter((g) => !current.has(key(g)));
  const removed = [...current.values()].filter((g) => !wanted.has(key(g)));
  // Revoking needs the same right as granting: a unit administrator cannot strip a system administrator.
  await assertGrantable(db, user.roles, [...added, ...removed]);
  if (id === user.id && removed.some((g) => g.role === 'system_admin' || g.role === 'unit_admin')) {
    throw accountErrors.notYourself();
  }
  await db.transaction().execute(async (trx) => {
    for (const grant of removed) {
      let query = trx.deleteFrom('userRoles').where('userId', '=', id).where('role', '=', grant.role);
      query =
        grant.scopeId === null
          ? query.where('scopeId', 'is', null)
          : query.where('scopeId', '=', grant.scopeId);
      await query.execute();
    }
    for (const grant of added) {
      await trx
        .insertInto('userRoles')
        .values({ userId: id, role: grant.role, scopeId: grant.scopeId })
        .execute();
    }
    await appendAudit(trx, {
      ...actor,
      action: 'user.roles_change',
      resourceType: 'user',
      resourceId: id,
      details: { before: [...current.values()], after: [...wanted.values()], added, removed },
    });
  });
  return getVisibleOfficer(db, user, id);
}

export { getManageableOfficer };
