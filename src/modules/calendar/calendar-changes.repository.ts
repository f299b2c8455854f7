// Row-level writes of working calendars (migration 0005), for the administration use cases and the seed.
// Transaction first; every caller bumps the calendar's revision and audits in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { WeekdayName, WeeklySchedule, WorkingPeriod } from '../../domain/working-time/index.ts';
import type { Database, WorkingCalendarDayKind } from '../../platform/db/schema.ts';

const WEEKDAY_NAMES: readonly WeekdayName[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Locks the calendar row and bumps its revision (every change; caches compare revisions). */
export async function bumpRevision(
  trx: Transaction<Database>,
  calendarId: string,
): Promise<number | undefined> {
  const row = await trx
    .updateTable('workingCalendars')
    .set((eb) => ({ revision: eb('revision', '+', 1), updatedAt: new Date() }))
    .where('id', '=', calendarId)
    .returning('revision')
    .executeTakeFirst();
  return row?.revision;
}

export async function insertCalendar(trx: Transaction<Database>, agencyId: string | null): Promise<string> {
  const id = randomUUID();
  await trx.insertInto('workingCalendars').values({ id, agencyId, updatedAt: new Date() }).execute();
  return id;
}

export async function insertVersion(
  trx: Transaction<Database>,
  input: {
    calendarId: string;
    effectiveFrom: string;
    dailyWorkingMinutes: number;
    note: string | null;
    weekly: WeeklySchedule;
    createdBy: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('workingCalendarVersions')
    .values({
      id,
      calendarId: input.calendarId,
      effectiveFrom: input.effectiveFrom,
      dailyWorkingMinutes: input.dailyWorkingMinutes,
      note: input.note,
      createdBy: input.createdBy,
    })
    .execute();
  const periods = WEEKDAY_NAMES.flatMap((name, weekday) =>
    input.weekly[name].map((p) => ({ versionId: id, weekday, startMinute: p.start, endMinute: p.end })),
  );
  if (periods.length > 0) {
    await trx.insertInto('workingCalendarPeriods').values(periods).execute();
  }
  return id;
}

export async function deleteVersion(
  trx: Transaction<Database>,
  calendarId: string,
  versionId: string,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('workingCalendarVersions')
    .where('id', '=', versionId)
    .where('calendarId', '=', calendarId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface DayInput {
  date: string;
  kind: WorkingCalendarDayKind;
  name: { vi: string; en: string };
  legalBasis: string | null;
  source: 'proposal' | 'administrator';
  periods: WorkingPeriod[];
}

/** Creates or replaces the entry of a date. */
export async function upsertDay(
  trx: Transaction<Database>,
  calendarId: string,
  day: DayInput,
): Promise<void> {
  const values = {
    kind: day.kind,
    nameVi: day.name.vi,
    nameEn: day.name.en,
    legalBasis: day.legalBasis,
    source: day.source,
    updatedAt: new Date(),
  };
  const row = await trx
    .insertInto('workingCalendarDays')
    .values({ id: randomUUID(), calendarId, date: day.date, ...values })
    .onConflict((oc) => oc.columns(['calendarId', 'date']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('workingCalendarDayPeriods').where('dayId', '=', row.id).execute();
  if (day.periods.length > 0) {
    await trx
      .insertInto('workingCalendarDayPeriods')
      .values(day.periods.map((p) => ({ dayId: row.id, startMinute: p.start, endMinute: p.end })))
      .execute();
  }
}

export async function deleteDay(
  trx: Transaction<Database>,
  calendarId: string,
  date: string,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('workingCalendarDays')
    .where('calendarId', '=', calendarId)
    .where('date', '=', date)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertYear(
  trx: Transaction<Database>,
  calendarId: string,
  year: number,
  status: 'proposed' | 'confirmed',
  confirmedBy: string | null,
): Promise<boolean> {
  const rows = await trx
    .insertInto('workingCalendarYears')
    .values({
      calendarId,
      year,
      status,
      confirmedBy,
      confirmedAt: status === 'confirmed' ? new Date() : null,
      updatedAt: new Date(),
    })
    .onConflict((oc) => oc.columns(['calendarId', 'year']).doNothing())
    .returning('year')
    .execute();
  return rows.length > 0;
}

/** proposed → confirmed; false when the year is not in the proposed state (guard inside the write). */
export async function confirmProposedYear(
  trx: Transaction<Database>,
  calendarId: string,
  year: number,
  confirmedBy: string | null,
): Promise<boolean> {
  const rows = await trx
    .updateTable('workingCalendarYears')
    .set({ status: 'confirmed', confirmedBy, confirmedAt: new Date(), updatedAt: new Date() })
    .where('calendarId', '=', calendarId)
    .where('year', '=', year)
    .where('status', '=', 'proposed')
    .returning('year')
    .execute();
  return rows.length > 0;
}
