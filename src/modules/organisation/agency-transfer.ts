// Import and export of the agency tree as JSON (issue 4): references by identifier code, so a
// file moves between deployments. Import upserts by code in one transaction (all or nothing).
import { randomUUID } from 'node:crypto';
import { cleanLine } from '../../domain/text/vietnamese.ts';
import type { Db } from '../../platform/db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { organisationErrors } from './organisation.errors.ts';
import type { AgencyTransfer, AgencyTransferItem } from './organisation-admin.schemas.ts';

export async function exportAgencies(db: Db): Promise<AgencyTransfer> {
  const rows = await db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parentId')
    .leftJoin('agencies as d', 'd.id', 'a.deskAgencyId')
    .leftJoin('agencies as s', 's.id', 'a.successorId')
    .select([
      'a.code',
      'a.shortName',
      'a.name',
      'a.nameEn',
      'a.level',
      'a.kind',
      'p.code as parentCode',
      'd.code as deskCode',
      'a.address',
      'a.email',
      'a.hotline',
      'a.validFrom',
      'a.validTo',
      's.code as successorCode',
    ])
    .orderBy('a.sortOrder')
    .orderBy('a.code')
    .execute();
  return { format: 'motcua.agencies.v1', agencies: rows };
}

export async function importAgencies(
  db: Db,
  file: AgencyTransfer,
  actor: Actor,
): Promise<{ created: number; updated: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = new Map(
      (await trx.selectFrom('agencies').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
    );
    const ids = new Map(existing);
    let created = 0;
    let updated = 0;
    const row = (item: AgencyTransferItem) => ({
      shortName: item.shortName,
      name: cleanLine(item.name),
      nameEn: item.nameEn ? cleanLine(item.nameEn) : null,
      level: item.level,
      kind: item.kind,
      address: item.address ? cleanLine(item.address) : null,
      email: item.email,
      hotline: item.hotline,
      validFrom: item.validFrom,
      validTo: item.validTo,
      updatedAt: new Date(),
    });
    // First every row, then the references between them (a file may list children first).
    for (const [index, item] of file.agencies.entries()) {
      const id = ids.get(item.code);
      if (id) {
        await trx.updateTable('agencies').set(row(item)).where('id', '=', id).execute();
        updated++;
      } else {
        const newId = randomUUID();
        await trx
          .insertInto('agencies')
          .values({ id: newId, code: item.code, sortOrder: 1000 + index, ...row(item) })
          .execute();
        ids.set(item.code, newId);
        created++;
      }
    }
    const resolve = (code: string | null, index: number, field: string) => {
      if (code === null) {
        return null;
      }
      const id = ids.get(code);
      if (!id) {
        throw organisationErrors.unknownReference(`agencies/${index}/${field}`);
      }
      return id;
    };
    for (const [index, item] of file.agencies.entries()) {
      await trx
        .updateTable('agencies')
        .set({
          parentId: resolve(item.parentCode, index, 'parentCode'),
          deskAgencyId: resolve(item.deskCode, index, 'deskCode'),
          successorId: resolve(item.successorCode, index, 'successorCode'),
        })
        .where('code', '=', item.code)
        .execute();
    }
    await appendAudit(trx, {
      ...actor,
      action: 'agency.import',
      resourceType: 'agency',
      details: { created, updated, codes: file.agencies.map((a) => a.code) },
    });
    return { created, updated };
  });
}
