// What the dossier use cases need, handed in explicitly, plus the lookups several of them share:
// the procedure version a dossier is bound to, calendars, names for texts.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { TimeLimit } from '../../domain/processing/time-limit.ts';
import type { WorkingCalendar } from '../../domain/working-time/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import {
  loadCalendarVersion,
  resolveCalendar,
  resolveCalendarFromRevisions,
} from '../calendar/calendar.loader.ts';
import type { CalendarRevision } from '../calendar/calendar.repository.ts';
import { findVersion } from '../catalogue/catalogue.repository.ts';
import type { Version } from '../catalogue/catalogue.schemas.ts';
import type { NotifyDeps } from '../notifications/notifications.service.ts';
import { dossierErrors } from './dossier.errors.ts';
import type { DossierRow, Executor } from './dossier.repository.ts';

export interface DossierDeps {
  db: Db;
  jobs: JobQueue;
  notify: NotifyDeps;
  now: () => Date;
  newId: () => string;
  /**
   * R24: signs an approved result inside the approval's transaction (the signatures module); absent
   * where no signing is wired, in which case the result is signed on first download.
   */
  signResult?: (
    trx: Transaction<Database>,
    dossier: DossierRow,
    historyId: number,
    fileId: string,
  ) => Promise<boolean>;
}

export function dossierDeps(
  input: Omit<DossierDeps, 'now' | 'newId'> & Partial<Pick<DossierDeps, 'now' | 'newId'>>,
): DossierDeps {
  return { now: () => new Date(), newId: randomUUID, ...input };
}

/** The procedure's time limit for this dossier: the online value when submitted online and given. */
export function timeLimitOf(version: Version, online: boolean): TimeLimit {
  const { value, unit, onlineValue } = version.processingTime;
  return { value: online && onlineValue !== null ? onlineValue : value, unit };
}

export async function versionOf(db: Executor, dossier: DossierRow): Promise<Version> {
  const version = await findVersion(db, dossier.procedureVersionId);
  if (!version) {
    throw dossierErrors.procedureNotFound();
  }
  return version;
}

/** The calendar a dossier was bound to (its version), with today's days off (R30). */
export async function calendarOf(db: Executor, dossier: DossierRow): Promise<WorkingCalendar> {
  try {
    return (
      await loadCalendarVersion(db, {
        agencyId: dossier.handlingAgencyId,
        versionId: dossier.calendarVersionId,
      })
    ).calendar;
  } catch {
    throw dossierErrors.calendar();
  }
}

export async function calendarFor(db: Executor, agencyId: string, day: string) {
  try {
    return await resolveCalendar(db, { agencyId, on: day });
  } catch {
    throw dossierErrors.calendar();
  }
}

/**
 * The calendars a listing needs, by agency, from the revisions its rows read in the listing's own
 * query (calendarRevisionsOf): no round trip while they are cached. A desk at a provincial centre
 * lists dossiers of many agencies; a calendar that cannot be resolved colours nothing (null).
 */
export async function calendarsOfRows(
  db: Executor,
  rows: ReadonlyArray<{ agencyId: string; calendarRevisions: CalendarRevision[] }>,
  day: string,
): Promise<Map<string, WorkingCalendar | null>> {
  const revisionsOf = new Map(rows.map((row) => [row.agencyId, row.calendarRevisions] as const));
  return new Map(
    await Promise.all(
      [...revisionsOf].map(async ([agencyId, revisions]) => {
        const resolved = await resolveCalendarFromRevisions(db, revisions, day).catch(() => null);
        return [agencyId, resolved?.calendar ?? null] as const;
      }),
    ),
  );
}

export async function agencyNames(
  db: Executor,
  ids: string[],
): Promise<Map<string, { code: string; name: string }>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'code', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

export const online = (dossier: Pick<DossierRow, 'channel'>) =>
  dossier.channel === 'online' || dossier.channel === 'assisted';
