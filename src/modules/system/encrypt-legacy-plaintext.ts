// Rows written before encryption at rest (migration 0016) or by the demo seed hold ID numbers and
// drafts in plaintext. Migrations cannot encrypt them (the master key never reaches the database),
// so every start seals what is left, in small transactions; once done this is one cheap query each.
import { sql } from 'kysely';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import { idNumberIndexes, sealFormData, sealPerson } from '../dossiers/dossier-protection.ts';

const BATCH = 200;

async function profiles(db: Db, protection: DataProtection): Promise<number> {
  const rows = await db
    .selectFrom('accountProfiles')
    .select(['userId', 'idNumber'])
    .where('idNumber', 'is not', null)
    .where('idNumber', 'not like', 'enc:%')
    .limit(BATCH)
    .execute();
  for (const row of rows) {
    const plain = row.idNumber as string;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accountProfiles')
        .set({
          idNumber: await protection.seal(trx, 'user', row.userId, plain),
          idNumberBidx: protection.blindIndex('cccd', plain),
        })
        .where('userId', '=', row.userId)
        .where('idNumber', '=', plain)
        .execute();
    });
  }
  return rows.length;
}

// Walks by id so a row that matches but has nothing to seal is visited once.
let dossierCursor = '00000000-0000-0000-0000-000000000000';

async function dossiers(db: Db, protection: DataProtection): Promise<number> {
  const rows = await db
    .selectFrom('dossiers')
    .select(['id', 'code', 'applicant', 'owner', 'formData'])
    .where(
      sql<boolean>`(applicant->>'idNumber' not like 'enc:%' or owner->>'idNumber' not like 'enc:%'
        or form_data::text ~ '"[0-9]{9}([0-9]{3})?"')`,
    )
    .where('id', '>', dossierCursor)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  for (const row of rows) {
    dossierCursor = row.id;
    await db.transaction().execute(async (trx) => {
      const applicant = row.applicant as Record<string, unknown>;
      const owner = row.owner as Record<string, unknown> | null;
      await trx
        .updateTable('dossiers')
        .set({
          applicant: JSON.stringify(await sealPerson(trx, row.id, applicant)),
          owner: owner ? JSON.stringify(await sealPerson(trx, row.id, owner)) : null,
          formData: JSON.stringify(await sealFormData(trx, row.id, row.formData)),
          idNumberBidx: sql<
            string[]
          >`(select array(select distinct unnest(id_number_bidx || ${idNumberIndexes(protection, [applicant, owner])}::text[])))`,
          // The search text used to carry the ID number in clear; it is now found by blind index.
          searchText: sql<string>`regexp_replace(search_text, '(^| )[0-9]{9}([0-9]{3})?( |$)', ' ', 'g')`,
        })
        .where('id', '=', row.id)
        .execute();
    });
  }
  return rows.length;
}

async function drafts(db: Db, protection: DataProtection): Promise<number> {
  const rows = await db
    .selectFrom('dossierDrafts')
    .select(['id', 'ownerId', 'data'])
    .where(sql<boolean>`not (data ? '$sealed')`)
    .limit(BATCH)
    .execute();
  for (const row of rows) {
    const sealed = await protection.seal(db, 'user', row.ownerId, JSON.stringify(row.data));
    await db
      .updateTable('dossierDrafts')
      .set({ data: JSON.stringify({ $sealed: sealed }) })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}

export async function encryptLegacyPlaintext(db: Db, protection: DataProtection) {
  const counts = { profiles: 0, dossiers: 0, drafts: 0, total: 0 };
  dossierCursor = '00000000-0000-0000-0000-000000000000';
  for (const [name, step] of [
    ['profiles', profiles],
    ['dossiers', dossiers],
    ['drafts', drafts],
  ] as const) {
    for (;;) {
      const done = await step(db, protection);
      counts[name] += done;
      if (done < BATCH) {
        break;
      }
    }
  }
  counts.total = counts.profiles + counts.dossiers + counts.drafts;
  return counts;
}
