// Process administration (R21, HP Đ15): procedure-control focal points write a draft step list,
// see the problems and the resulting appointment, and publish it with the approving decision.
// A published version is immutable; dossiers keep the version they started with.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type ProcessProblem, validateProcess } from '../../domain/processing/process-definition.ts';
import type { TimeLimit } from '../../domain/processing/time-limit.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { findVersionInForce } from '../catalogue/catalogue.repository.ts';
import { calendarFor } from '../dossiers/dossier-context.ts';
import type { StoredStep } from './process.repository.ts';
import { processingErrors } from './processing.errors.ts';

type Executor = Db | Transaction<Database>;

export interface ProcessCheck {
  problems: ProcessProblem[];
  allottedMinutes: number;
  allottedMinutesOnline: number;
  limit: TimeLimit | null;
  dailyWorkingMinutes: number;
}

export async function checkSteps(
  db: Executor,
  procedureId: string,
  agencyId: string | null,
  steps: StoredStep[],
): Promise<ProcessCheck> {
  const today = todayInVietnam();
  const version = await findVersionInForce(db, procedureId, today);
  const agency = agencyId ?? version?.deskAgencyId ?? null;
  const calendar = agency ? await calendarFor(db, agency, today).catch(() => null) : null;
  const dailyWorkingMinutes = calendar?.calendar.dailyWorkingMinutes ?? 480;
  const limit: TimeLimit | null = version
    ? { value: version.processingTime.value, unit: version.processingTime.unit }
    : null;
  const onlineLimit: TimeLimit | undefined =
    version && version.processingTime.onlineValue !== null
      ? { value: version.processingTime.onlineValue, unit: version.processingTime.unit }
      : undefined;
  const problems = limit
    ? validateProcess({ steps }, limit, { dailyWorkingMinutes }, onlineLimit)
    : validateProcess({ steps }, { value: 0, unit: 'calendar_days' }, { dailyWorkingMinutes });
  return {
    problems,
    allottedMinutes: steps.reduce((s, step) => s + step.allottedMinutes, 0),
    allottedMinutesOnline: steps.reduce(
      (s, step) => s + (step.allottedMinutesOnline ?? step.allottedMinutes),
      0,
    ),
    limit,
    dailyWorkingMinutes,
  };
}

export async function listProcesses(db: Executor, procedureId?: string) {
  let query = db
    .selectFrom('processes as p')
    .innerJoin('procedures as pr', 'pr.id', 'p.procedureId')
    .innerJoin('processVersions as v', 'v.processId', 'p.id')
    .leftJoin('agencies as a', 'a.id', 'p.agencyId')
    .select([
      'p.id as processId',
      'p.procedureId',
      'p.agencyId',
      'a.name as agencyName',
      'pr.localCode as procedureCode',
      'v.id',
      'v.versionNo',
      'v.status',
      'v.decisionRef',
      'v.publishedAt',
      'v.steps',
    ]);
  if (procedureId) {
    query = query.where('p.procedureId', '=', procedureId);
  }
  const rows = await query.orderBy('pr.localCode').orderBy('v.versionNo').execute();
  return rows.map((r) => ({
    id: r.id,
    processId: r.processId,
    procedureId: r.procedureId,
    procedureCode: r.procedureCode,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    versionNo: r.versionNo,
    status: r.status,
    decisionRef: r.decisionRef,
    publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
    stepCount: (r.steps as unknown[]).length,
  }));
}

export async function getProcessVersion(db: Executor, id: string) {
  const row = await db
    .selectFrom('processVersions as v')
    .innerJoin('processes as p', 'p.id', 'v.processId')
    .selectAll('v')
    .select(['p.procedureId', 'p.agencyId'])
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (!row) {
    throw processingErrors.processNotFound();
  }
  const steps = row.steps as StoredStep[];
  return {
    id: row.id,
    processId: row.processId,
    procedureId: row.procedureId,
    agencyId: row.agencyId,
    versionNo: row.versionNo,
    status: row.status,
    decisionRef: row.decisionRef,
    decisionDate: row.decisionDate,
    publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
    steps,
    check: await checkSteps(db, row.procedureId, row.agencyId, steps),
  };
}

/** A new draft version (the process is created on first use). */
export async function createDraft(
  db: Db,
  input: { procedureId: string; agencyId?: string | null; steps: StoredStep[]; userId: string | null },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const agencyId = input.agencyId ?? null;
    let process = await trx
      .selectFrom('processes')
      .select('id')
      .where('procedureId', '=', input.procedureId)
      .where(agencyId === null ? (eb) => eb('agencyId', 'is', null) : (eb) => eb('agencyId', '=', agencyId))
      .executeTakeFirst();
    if (!process) {
      process = { id: randomUUID() };
      await trx
        .insertInto('processes')
        .values({ id: process.id, procedureId: input.procedureId, agencyId })
        .execute();
    }
    const max = await trx
      .selectFrom('processVersions')
      .select((eb) => eb.fn.max('versionNo').as('n'))
      .where('processId', '=', process.id)
      .executeTakeFirst();
    const id = randomUUID();
    await trx
      .insertInto('processVersions')
      .values({
        id,
        processId: process.id,
        versionNo: Number(max?.n ?? 0) + 1,
        steps: JSON.stringify(input.steps),
        createdBy: input.userId,
      })
      .execute();
    return id;
  });
}

export async function updateDraft(db: Db, id: string, steps: StoredStep[]): Promise<void> {
  const updated = await db
    .updateTable('processVersions')
    .set({ steps: JSON.stringify(steps) })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    throw processingErrors.notDraft();
  }
}

/** Publishes a valid draft with the approving decision; the earlier published version retires. */
export async function publishVersion(
  db: Db,
  id: string,
  input: { decisionRef: string; decisionDate: string; userId: string | null; now?: Date },
): Promise<void> {
  const version = await getProcessVersion(db, id);
  if (version.status !== 'draft') {
    throw processingErrors.notDraft();
  }
  if (version.check.problems.length > 0) {
    throw processingErrors.processInvalid(version.check.problems);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('processVersions')
      .set({ status: 'retired' })
      .where('processId', '=', version.processId)
      .where('status', '=', 'published')
      .execute();
    await trx
      .updateTable('processVersions')
      .set({
        status: 'published',
        decisionRef: input.decisionRef,
        decisionDate: input.decisionDate,
        publishedBy: input.userId,
        publishedAt: input.now ?? new Date(),
      })
      .where('id', '=', id)
      .execute();
  });
}
