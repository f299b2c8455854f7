// Sectors and fields (ngành, lĩnh vực) as a coded list managed by system administrators; a sector
// is deactivated, never deleted, because procedures refer to it.
import { randomUUID } from 'node:crypto';
import { cleanLine } from '../../domain/text/vietnamese.ts';
import type { Db } from '../../platform/db/database.ts';
import { errors } from '../../platform/http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { organisationErrors } from './organisation.errors.ts';
import type { CreateSectorBody, UpdateSectorBody } from './organisation-admin.schemas.ts';

const COLUMNS = ['id', 'code', 'name', 'nameEn', 'parentId', 'active', 'sortOrder'] as const;

export async function listAllSectors(db: Db) {
  return db.selectFrom('sectors').select(COLUMNS).orderBy('sortOrder').orderBy('code').execute();
}

async function getSector(db: Db, id: string) {
  const sector = await db.selectFrom('sectors').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!sector) {
    throw errors.notFound();
  }
  return sector;
}

export async function createSector(db: Db, body: CreateSectorBody, actor: Actor) {
  if (await db.selectFrom('sectors').select('id').where('code', '=', body.code).executeTakeFirst()) {
    throw organisationErrors.sectorCodeTaken();
  }
  if (body.parentId) {
    await getSector(db, body.parentId).catch(() => {
      throw organisationErrors.unknownReference('parentId');
    });
  }
  const id = randomUUID();
  const values = {
    id,
    code: body.code,
    name: cleanLine(body.name),
    nameEn: body.nameEn ? cleanLine(body.nameEn) : null,
    parentId: body.parentId,
    sortOrder: body.sortOrder ?? 0,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sectors')
      .values({ ...values, updatedAt: new Date() })
      .execute();
    await appendAudit(trx, {
      ...actor,
      action: 'sector.create',
      resourceType: 'sector',
      resourceId: id,
      details: { after: values },
    });
  });
  return getSector(db, id);
}

export async function updateSector(db: Db, id: string, body: UpdateSectorBody, actor: Actor) {
  const before = await getSector(db, id);
  const changes = Object.fromEntries(
    Object.entries({
      name: body.name === undefined ? undefined : cleanLine(body.name),
      nameEn: body.nameEn === undefined ? undefined : body.nameEn === null ? null : cleanLine(body.nameEn),
      active: body.active,
      sortOrder: body.sortOrder,
    }).filter(([, v]) => v !== undefined),
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sectors')
      .set({ ...changes, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      ...actor,
      action: 'sector.update',
      resourceType: 'sector',
      resourceId: id,
      details: {
        before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])),
        after: changes,
      },
    });
  });
  return getSector(db, id);
}
