// System administrators manage the agency tree (R1, R10; legal digest §5): create, edit, and close
// an agency, optionally merging it into a successor. At a merger its officers, role scopes and
// units move to the successor; the closed agency stays (valid_to, successor_id), each officer's
// move is kept in user_unit_history, and the audit record lists what moved.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { cleanLine } from '../../domain/text/vietnamese.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { agencyPath } from './agency-scope.ts';
import { organisationErrors } from './organisation.errors.ts';
import type { Agency } from './organisation.schemas.ts';
import type { CreateAgencyBody, UpdateAgencyBody } from './organisation-admin.schemas.ts';

type Executor = Db | Transaction<Database>;

const clean = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : cleanLine(value);

export async function getAgency(db: Executor, id: string): Promise<Agency> {
  const agency = await db
    .selectFrom('agencies')
    .select([
      'id',
      'code',
      'shortName',
      'name',
      'nameEn',
      'level',
      'kind',
      'parentId',
      'deskAgencyId',
      'address',
      'email',
      'hotline',
      'validFrom',
      'validTo',
      'successorId',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!agency) {
    throw errors.notFound();
  }
  return agency;
}

async function assertExists(db: Executor, id: string | null | undefined, field: string): Promise<void> {
  if (id && !(await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst())) {
    throw organisationErrors.unknownReference(field);
  }
}

async function assertUnique(
  db: Executor,
  code: string | undefined,
  shortName: string | null | undefined,
  id?: string,
) {
  if (code) {
    let query = db.selectFrom('agencies').select('id').where('code', '=', code);
    if (id) {
      query = query.where('id', '<>', id);
    }
    if (await query.executeTakeFirst()) {
      throw organisationErrors.codeTaken();
    }
  }
  if (shortName) {
    let query = db.selectFrom('agencies').select('id').where('shortName', '=', shortName);
    if (id) {
      query = query.where('id', '<>', id);
    }
    if (await query.executeTakeFirst()) {
      throw organisationErrors.shortNameTaken();
    }
  }
}

export async function createAgency(db: Db, body: CreateAgencyBody, actor: Actor): Promise<Agency> {
  await assertUnique(db, body.code, body.shortName);
  await assertExists(db, body.parentId, 'parentId');
  await assertExists(db, body.deskAgencyId, 'deskAgencyId');
  const id = randomUUID();
  const values = {
    id,
    code: body.code,
    shortName: body.shortName ?? null,
    name: cleanLine(body.name),
    nameEn: clean(body.nameEn) ?? null,
    level: body.level,
    kind: body.kind,
    parentId: body.parentId,
    deskAgencyId: body.deskAgencyId ?? null,
    address: clean(body.address) ?? null,
    email: body.email?.toLowerCase() ?? null,
    hotline: clean(body.hotline) ?? null,
    validFrom: body.validFrom,
    updatedAt: new Date(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('agencies').values(values).execute();
    await appendAudit(trx, {
      ...actor,
      action: 'agency.create',
      resourceType: 'agency',
      resourceId: id,
      details: { after: { ...values, updatedAt: undefined } },
    });
  });
  return getAgency(db, id);
}

export async function updateAgency(
  db: Db,
  id: string,
  body: UpdateAgencyBody,
  actor: Actor,
): Promise<Agency> {
  const before = await getAgency(db, id);
  await assertUnique(db, undefined, body.shortName, id);
  await assertExists(db, body.parentId, 'parentId');
  await assertExists(db, body.deskAgencyId, 'deskAgencyId');
  if (body.parentId && (await agencyPath(db, body.parentId)).agencyPath.includes(id)) {
    throw organisationErrors.cycle();
  }
  const changes = Object.fromEntries(
    Object.entries({
      shortName: body.shortName,
      name: clean(body.name),
      nameEn: clean(body.nameEn),
      level: body.level,
      kind: body.kind,
      parentId: body.parentId,
      deskAgencyId: body.deskAgencyId,
      address: clean(body.address),
      email: body.email === undefined ? undefined : (body.email?.toLowerCase() ?? null),
      hotline: clean(body.hotline),
    }).filter(([, value]) => value !== undefined),
  ) as Partial<Agency>;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agencies')
      .set({ ...changes, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      ...actor,
      action: 'agency.update',
      resourceType: 'agency',
      resourceId: id,
      details: {
        before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof Agency]])),
        after: changes,
      },
    });
  });
  return getAgency(db, id);
}

export async function closeAgency(
  db: Db,
  id: string,
  validTo: string,
  successorId: string | null,
  actor: Actor,
): Promise<{ movedUsers: number; movedRoles: number; movedUnits: number }> {
  const agency = await getAgency(db, id);
  if (agency.validTo !== null) {
    throw organisationErrors.alreadyClosed();
  }
  if (validTo < agency.validFrom) {
    throw organisationErrors.badDate();
  }
  if (successorId) {
    const successor = await getAgency(db, successorId).catch(() => {
      throw organisationErrors.unknownReference('successorId');
    });
    if (successor.validTo !== null || (await agencyPath(db, successorId)).agencyPath.includes(id)) {
      throw organisationErrors.unknownReference('successorId');
    }
  }
  return db.transaction().execute(async (trx) => {
    const children = await trx
      .selectFrom('agencies')
      .select('id')
      .where('parentId', '=', id)
      .where('validTo', 'is', null)
      .execute();
    const officers = await trx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('unitId', '=', id)
      .execute();
    if (!successorId && (children.length > 0 || officers.length > 0)) {
      throw organisationErrors.openChildren();
    }
    let movedRoles = 0;
    if (successorId) {
      for (const officer of officers) {
        await trx
          .insertInto('userUnitHistory')
          .values({
            userId: officer.id,
            fromUnitId: id,
            toUnitId: successorId,
            reason: 'merge',
          })
          .execute();
      }
      await trx
        .updateTable('users')
        .set({ unitId: successorId, updatedAt: new Date() })
        .where('unitId', '=', id)
        .execute();
      // A grant on the closed agency becomes a grant on its successor (duplicates are dropped).
      const grants = await trx
        .selectFrom('userRoles')
        .select(['userId', 'role'])
        .where('scopeId', '=', id)
        .execute();
      for (const grant of grants) {
        await trx
          .insertInto('userRoles')
          .values({ userId: grant.userId, role: grant.role, scopeId: successorId })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      movedRoles = grants.length;
      await trx.deleteFrom('userRoles').where('scopeId', '=', id).execute();
      await trx
        .updateTable('agencies')
        .set({ parentId: successorId, updatedAt: new Date() })
        .where('parentId', '=', id)
        .where('validTo', 'is', null)
        .execute();
    }
    await trx
      .updateTable('agencies')
      .set({ validTo, successorId, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    const result = { movedUsers: officers.length, movedRoles, movedUnits: successorId ? children.length : 0 };
    await appendAudit(trx, {
      ...actor,
      action: successorId ? 'agency.merge' : 'agency.close',
      resourceType: 'agency',
      resourceId: id,
      details: {
        before: { validTo: null, successorId: null },
        after: { validTo, successorId },
        movedUsernames: officers.map((o) => o.username),
        ...result,
      },
    });
    return result;
  });
}
