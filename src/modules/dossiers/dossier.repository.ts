// Dossier queries. Every function takes the executor first (the database or the transaction of the
// state change). The guarded update is the concurrency rule (goal 30): it changes the row only if
// the status, sub-status and version are still the ones the decision was made on.
import { type Insertable, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database, DossierHistoryTable, DossiersTable } from '../../platform/db/schema.ts';

export type Executor = Db | Transaction<Database>;
export type DossierRow = Selectable<DossiersTable>;
export type HistoryRow = Selectable<DossierHistoryTable>;

export async function findDossier(db: Executor, id: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDossierByCode(db: Executor, code: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertDossier(
  trx: Transaction<Database>,
  row: Insertable<DossiersTable>,
): Promise<void> {
  await trx.insertInto('dossiers').values(row).execute();
}

/** The state change, guarded inside the write; undefined when someone changed the dossier first. */
export async function updateDossierGuarded(
  trx: Transaction<Database>,
  expected: Pick<DossierRow, 'id' | 'status' | 'subStatus' | 'version'>,
  changes: Updateable<DossiersTable>,
): Promise<DossierRow | undefined> {
  return trx
    .updateTable('dossiers')
    .set({ ...changes, version: expected.version + 1, updatedAt: new Date() })
    .where('id', '=', expected.id)
    .where('status', '=', expected.status)
    .where('subStatus', '=', expected.subStatus)
    .where('version', '=', expected.version)
    .returningAll()
    .executeTakeFirst();
}

/** Appends one history row; the caller holds the dossier's row lock (insert or guarded update). */
export async function appendHistory(
  trx: Transaction<Database>,
  entry: Omit<Insertable<DossierHistoryTable>, 'seq' | 'id'>,
): Promise<HistoryRow> {
  const { rows } = await sql<{ seq: number }>`
    select coalesce(max(seq), 0) + 1 as seq from dossier_history where dossier_id = ${entry.dossierId}`.execute(
    trx,
  );
  return trx
    .insertInto('dossierHistory')
    .values({ ...entry, seq: Number(rows[0]?.seq ?? 1) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countHistory(db: Executor, dossierId: string): Promise<number> {
  const row = await db
    .selectFrom('dossierHistory')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossierId', '=', dossierId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listHistory(
  db: Executor,
  dossierId: string,
  page: number,
  pageSize: number,
): Promise<HistoryRow[]> {
  return db
    .selectFrom('dossierHistory')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .orderBy('seq')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}

/** Attaches files to components; a new file for a component supersedes the earlier ones (kept). */
export async function attachFiles(
  trx: Transaction<Database>,
  dossierId: string,
  historyId: number,
  components: Array<{ componentKey: string; fileIds: string[] }>,
  newId: () => string,
): Promise<void> {
  for (const { componentKey, fileIds } of components) {
    await trx
      .updateTable('dossierFiles')
      .set({ supersededByHistoryId: historyId })
      .where('dossierId', '=', dossierId)
      .where('componentKey', '=', componentKey)
      .where('supersededByHistoryId', 'is', null)
      .where('fileId', 'not in', fileIds)
      .execute();
    for (const fileId of fileIds) {
      await trx
        .insertInto('dossierFiles')
        .values({ id: newId(), dossierId, componentKey, fileId, historyId })
        .onConflict((oc) => oc.columns(['dossierId', 'fileId']).doNothing())
        .execute();
    }
  }
}

export async function listDossierFiles(db: Executor, dossierId: string) {
  return db
    .selectFrom('dossierFiles as df')
    .innerJoin('files as f', 'f.id', 'df.fileId')
    .select(['df.componentKey', 'df.fileId', 'f.name', 'f.size', 'f.sha256', 'df.supersededByHistoryId'])
    .where('df.dossierId', '=', dossierId)
    .orderBy('df.componentKey')
    .orderBy('df.historyId')
    .execute();
}

export async function findOpenRequest(db: Executor, dossierId: string) {
  return db
    .selectFrom('dossierRequests')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Files the user owns and that passed the checks (goal 17): the only ones a submission may attach. */
export async function usableFileIds(
  db: Executor,
  ownerIds: string[],
  fileIds: string[],
): Promise<Set<string>> {
  if (fileIds.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('files')
    .select('id')
    .where('id', 'in', fileIds)
    .where('ownerId', 'in', ownerIds)
    .where('status', '=', 'clean')
    .execute();
  return new Set(rows.map((r) => r.id));
}
