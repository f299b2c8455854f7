// Procedures and their versions in PostgreSQL. A version is stored as columns (what is filtered and
// searched) plus a jsonb document (the rest of the Điều 5 components); these functions are the only
// place that splits and joins the two.
import type { Selectable, Transaction } from 'kysely';
import { versionInForce } from '../../domain/catalogue/versions.ts';
import { vietnameseSortKey } from '../../domain/text/vietnamese-sort-key.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database, ProceduresTable, ProcedureVersionsTable } from '../../platform/db/schema.ts';
import type { Version, VersionSummary } from './catalogue.schemas.ts';
import type { ProcedureContent } from './procedure-content.schemas.ts';

export type Executor = Db | Transaction<Database>;
export type ProcedureRow = Selectable<ProceduresTable>;
type VersionRow = Selectable<ProcedureVersionsTable>;

/** The jsonb part of a version. */
type StoredContent = Pick<
  ProcedureContent,
  | 'decidingAuthority'
  | 'whereToSubmit'
  | 'ways'
  | 'steps'
  | 'components'
  | 'result'
  | 'fees'
  | 'requirements'
  | 'legalBasis'
  | 'responsibilities'
> & { timeNote: string | null };

function columnsOf(content: ProcedureContent) {
  const stored: StoredContent = {
    decidingAuthority: content.decidingAuthority,
    whereToSubmit: content.whereToSubmit,
    ways: content.ways,
    steps: content.steps,
    components: content.components,
    result: content.result,
    fees: content.fees,
    requirements: content.requirements,
    legalBasis: content.legalBasis,
    responsibilities: content.responsibilities,
    timeNote: content.processingTime.note,
  };
  return {
    name: content.name,
    nameEn: content.nameEn,
    sortKey: vietnameseSortKey(content.name),
    sectorId: content.sectorId,
    levels: content.levels,
    subjects: content.subjects,
    onlineLevel: content.onlineLevel,
    legacyLevel: content.legacyLevel,
    immediateResult: content.immediateResult,
    timeValue: content.processingTime.value,
    timeUnit: content.processingTime.unit,
    onlineTimeValue: content.processingTime.onlineValue,
    decidingAgencyId: content.decidingAgencyId,
    deskAgencyId: content.deskAgencyId,
    content: JSON.stringify(stored),
  };
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function summaryOf(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    name: row.name,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    publishedAt: isoOrNull(row.publishedAt),
  };
}

export function contentOf(row: VersionRow, performingAgencyIds: string[]): ProcedureContent {
  const stored = row.content as unknown as StoredContent;
  return {
    name: row.name,
    nameEn: row.nameEn,
    sectorId: row.sectorId,
    levels: row.levels,
    subjects: row.subjects,
    onlineLevel: row.onlineLevel,
    legacyLevel: row.legacyLevel,
    immediateResult: row.immediateResult,
    processingTime: {
      value: row.timeValue,
      unit: row.timeUnit,
      onlineValue: row.onlineTimeValue,
      note: stored.timeNote ?? null,
    },
    decidingAgencyId: row.decidingAgencyId,
    decidingAuthority: stored.decidingAuthority,
    performingAgencyIds,
    deskAgencyId: row.deskAgencyId,
    whereToSubmit: stored.whereToSubmit ?? null,
    ways: stored.ways,
    steps: stored.steps,
    components: stored.components,
    result: stored.result,
    fees: stored.fees,
    requirements: stored.requirements,
    legalBasis: stored.legalBasis,
    responsibilities: stored.responsibilities,
  };
}

async function agenciesOfVersions(db: Executor, versionIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) {
    return map;
  }
  const rows = await db
    .selectFrom('procedureVersionAgencies as pva')
    .innerJoin('agencies as a', 'a.id', 'pva.agencyId')
    .select(['pva.versionId', 'pva.agencyId'])
    .where('pva.versionId', 'in', versionIds)
    .orderBy('a.sortOrder')
    .orderBy('a.code')
    .execute();
  for (const row of rows) {
    map.get(row.versionId)?.push(row.agencyId);
  }
  return map;
}

function versionOf(row: VersionRow, agencyIds: string[]): Version {
  return { ...contentOf(row, agencyIds), ...summaryOf(row) };
}

export async function findProcedure(db: Executor, idOrCode: string): Promise<ProcedureRow | undefined> {
  const query = db.selectFrom('procedures').selectAll();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(idOrCode)) {
    return query.where('id', '=', idOrCode).executeTakeFirst();
  }
  return query
    .where((eb) => eb.or([eb('nationalCode', '=', idOrCode), eb('localCode', '=', idOrCode)]))
    .orderBy('nationalCode')
    .executeTakeFirst();
}

/** Locks the procedure row: publications, abolitions and draft edits of one procedure are serialised. */
export async function lockProcedure(
  trx: Transaction<Database>,
  id: string,
): Promise<ProcedureRow | undefined> {
  return trx.selectFrom('procedures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listVersionRows(db: Executor, procedureId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('procedureVersions')
    .selectAll()
    .where('procedureId', '=', procedureId)
    .orderBy('number')
    .execute();
}

export async function listVersions(db: Executor, procedureId: string): Promise<Version[]> {
  const rows = await listVersionRows(db, procedureId);
  const agencies = await agenciesOfVersions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => versionOf(row, agencies.get(row.id) ?? []));
}

export async function findVersion(db: Executor, versionId: string): Promise<Version | undefined> {
  const row = await db
    .selectFrom('procedureVersions')
    .selectAll()
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const agencies = await agenciesOfVersions(db, [row.id]);
  return versionOf(row, agencies.get(row.id) ?? []);
}

/**
 * The version a dossier received on `onDate` ('yyyy-mm-dd', Vietnam civil date) is bound to (R4).
 * Undefined when the procedure is not yet in force or abolished on that day: no new dossier then.
 */
export async function findVersionInForce(
  db: Executor,
  procedureId: string,
  onDate: string,
): Promise<Version | undefined> {
  const rows = await listVersionRows(db, procedureId);
  const row = versionInForce(rows, onDate);
  if (!row) {
    return undefined;
  }
  const agencies = await agenciesOfVersions(db, [row.id]);
  return versionOf(row, agencies.get(row.id) ?? []);
}

export async function insertProcedure(
  trx: Transaction<Database>,
  values: { id: string; nationalCode: string | null; localCode: string },
): Promise<void> {
  await trx
    .insertInto('procedures')
    .values({ ...values, updatedAt: new Date() })
    .execute();
}

export async function insertDraftVersion(
  trx: Transaction<Database>,
  values: {
    id: string;
    procedureId: string;
    number: number;
    createdBy: string | null;
    content: ProcedureContent;
  },
): Promise<void> {
  await trx
    .insertInto('procedureVersions')
    .values({
      id: values.id,
      procedureId: values.procedureId,
      number: values.number,
      status: 'draft',
      createdBy: values.createdBy,
      updatedAt: new Date(),
      ...columnsOf(values.content),
    })
    .execute();
  await replaceAgencies(trx, values.id, values.content.performingAgencyIds);
}

async function replaceAgencies(
  trx: Transaction<Database>,
  versionId: string,
  agencyIds: string[],
): Promise<void> {
  await trx.deleteFrom('procedureVersionAgencies').where('versionId', '=', versionId).execute();
  if (agencyIds.length > 0) {
    await trx
      .insertInto('procedureVersionAgencies')
      .values(agencyIds.map((agencyId) => ({ versionId, agencyId })))
      .execute();
  }
}

/** Replaces a draft's content; zero rows when the version is no longer a draft (→ 409). */
export async function updateDraftVersion(
  trx: Transaction<Database>,
  versionId: string,
  content: ProcedureContent,
): Promise<boolean> {
  const result = await trx
    .updateTable('procedureVersions')
    .set({ ...columnsOf(content), updatedAt: new Date() })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    return false;
  }
  await replaceAgencies(trx, versionId, content.performingAgencyIds);
  return true;
}

export async function deleteDraftVersion(trx: Transaction<Database>, versionId: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('procedureVersions')
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function publishDraftVersion(
  trx: Transaction<Database>,
  versionId: string,
  publication: { decisionNumber: string; decisionDate: string; effectiveFrom: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('procedureVersions')
    .set({ ...publication, status: 'published', publishedAt: new Date(), updatedAt: new Date() })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function closeVersion(
  trx: Transaction<Database>,
  versionId: string,
  status: 'superseded' | 'abolished',
  effectiveTo: string,
): Promise<void> {
  await trx
    .updateTable('procedureVersions')
    .set({ status, effectiveTo, updatedAt: new Date() })
    .where('id', '=', versionId)
    .where('status', '<>', 'draft')
    .execute();
}

export async function markProcedureAbolished(
  trx: Transaction<Database>,
  procedureId: string,
  abolition: { decisionNumber: string; decisionDate: string; effectiveFrom: string },
): Promise<void> {
  await trx
    .updateTable('procedures')
    .set({
      abolishedFrom: abolition.effectiveFrom,
      abolitionDecisionNumber: abolition.decisionNumber,
      abolitionDecisionDate: abolition.decisionDate,
      updatedAt: new Date(),
    })
    .where('id', '=', procedureId)
    .execute();
}

export async function touchProcedure(trx: Transaction<Database>, procedureId: string): Promise<void> {
  await trx.updateTable('procedures').set({ updatedAt: new Date() }).where('id', '=', procedureId).execute();
}

export async function countView(db: Executor, procedureId: string): Promise<void> {
  await db
    .updateTable('procedures')
    .set((eb) => ({ viewCount: eb('viewCount', '+', 1) }))
    .where('id', '=', procedureId)
    .execute();
}
