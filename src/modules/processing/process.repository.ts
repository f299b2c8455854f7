// Process versions and the per-dossier step ledger (R21, R35): which version a dossier follows, the
// officers who can take a step, opening and closing ledger rows.
import { sql } from 'kysely';
import type { ProcessStep } from '../../domain/processing/process-definition.ts';
import type { Executor } from '../dossiers/dossier.repository.ts';

/** A stored step: the pure definition plus, optionally, named officers (instead of the role's officers). */
export type StoredStep = ProcessStep & { officerIds?: string[] };

export interface ProcessVersionRow {
  id: string;
  processId: string;
  versionNo: number;
  status: 'draft' | 'published' | 'retired';
  steps: StoredStep[];
}

export async function findProcessVersion(db: Executor, id: string): Promise<ProcessVersionRow | undefined> {
  const row = await db.selectFrom('processVersions').selectAll().where('id', '=', id).executeTakeFirst();
  return row
    ? {
        id: row.id,
        processId: row.processId,
        versionNo: row.versionNo,
        status: row.status,
        steps: row.steps as StoredStep[],
      }
    : undefined;
}

/** The published process for a procedure at an agency (the agency's own first, else the general one). */
export async function publishedProcessFor(
  db: Executor,
  procedureId: string,
  agencyId: string,
): Promise<ProcessVersionRow | undefined> {
  const row = await db
    .selectFrom('processVersions as v')
    .innerJoin('processes as p', 'p.id', 'v.processId')
    .select('v.id')
    .where('p.procedureId', '=', procedureId)
    .where((eb) => eb.or([eb('p.agencyId', '=', agencyId), eb('p.agencyId', 'is', null)]))
    .where('v.status', '=', 'published')
    .orderBy(sql`p.agency_id is null`)
    .executeTakeFirst();
  return row ? findProcessVersion(db, row.id) : undefined;
}

export interface Candidate {
  id: string;
  fullName: string;
  username: string;
  unitId: string | null;
}

/**
 * Officers who can take a step: the named officers, or the active officers with the step's role whose
 * unit lies in the step's agency subtree (the desk: the receiving agency; the performing agency: the
 * handling agency).
 */
export async function candidatesFor(
  db: Executor,
  step: StoredStep,
  dossier: { receivingAgencyId: string; handlingAgencyId: string },
): Promise<Candidate[]> {
  let query = db
    .selectFrom('users as u')
    .select(['u.id', 'u.fullName', 'u.username', 'u.unitId'])
    .where('u.kind', '=', 'officer')
    .where('u.status', '=', 'active');
  if (step.officerIds && step.officerIds.length > 0) {
    query = query.where('u.id', 'in', step.officerIds);
  } else {
    const root =
      step.unit.kind === 'desk'
        ? dossier.receivingAgencyId
        : step.unit.kind === 'agency'
          ? step.unit.agencyId
          : dossier.handlingAgencyId;
    query = query
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('userRoles as r')
            .select('r.userId')
            .whereRef('r.userId', '=', 'u.id')
            .where('r.role', '=', step.role),
        ),
      )
      .where(
        sql<boolean>`u.unit_id in (
          with recursive subtree(id) as (
            select id from agencies where id = ${root}
            union
            select child.id from agencies child join subtree on child.parent_id = subtree.id
          ) select id from subtree)`,
      );
  }
  return query.orderBy('u.username').execute();
}

export async function openStepRow(db: Executor, dossierId: string) {
  return db
    .selectFrom('dossierSteps')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .where('completedAt', 'is', null)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

export async function lastRowOfStep(db: Executor, dossierId: string, stepKey: string) {
  return db
    .selectFrom('dossierSteps')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .where('stepKey', '=', stepKey)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

export async function closeOpenStep(
  db: Executor,
  dossierId: string,
  at: Date,
  action: string,
): Promise<void> {
  await db
    .updateTable('dossierSteps')
    .set({ completedAt: at, completedAction: action })
    .where('dossierId', '=', dossierId)
    .where('completedAt', 'is', null)
    .execute();
}

export async function openStep(
  db: Executor,
  row: {
    dossierId: string;
    stepKey: string;
    stepIndex: number;
    unitId: string | null;
    holderId: string | null;
    arrivedAt: Date;
    dueAt: Date | null;
    allottedMinutes: number;
  },
): Promise<void> {
  const { rows } = await sql<{ seq: number }>`
    select coalesce(max(seq), 0) + 1 as seq from dossier_steps where dossier_id = ${row.dossierId}`.execute(
    db,
  );
  await db
    .insertInto('dossierSteps')
    .values({ ...row, seq: Number(rows[0]?.seq ?? 1) })
    .execute();
}

export async function listSteps(db: Executor, dossierId: string) {
  return db
    .selectFrom('dossierSteps as s')
    .leftJoin('users as u', 'u.id', 's.holderId')
    .leftJoin('agencies as a', 'a.id', 's.unitId')
    .selectAll('s')
    .select(['u.fullName as holderName', 'a.name as unitName'])
    .where('s.dossierId', '=', dossierId)
    .orderBy('s.seq')
    .execute();
}
