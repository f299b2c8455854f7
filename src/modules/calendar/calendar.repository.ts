// Working calendars in the database (migration 0005): reads of whole calendars for the engine and the
// administration screen (writes: calendar-changes.repository.ts). Executor first; no business rules here.
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { WeekdayName, WeeklySchedule, WorkingPeriod } from '../../domain/working-time/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database, WorkingCalendarDayKind } from '../../platform/db/schema.ts';

export type Executor = Db | Transaction<Database>;

const WEEKDAY_NAMES: readonly WeekdayName[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface StoredVersion {
  id: string;
  effectiveFrom: string;
  dailyWorkingMinutes: number;
  note: string | null;
  weekly: WeeklySchedule;
}

export interface StoredDay {
  id: string;
  date: string;
  kind: WorkingCalendarDayKind;
  name: { vi: string; en: string };
  legalBasis: string | null;
  source: 'proposal' | 'administrator';
  /** Make-up days only: explicit periods (empty = the Monday periods of the version in force). */
  periods: WorkingPeriod[];
}

interface StoredYear {
  year: number;
  status: 'proposed' | 'confirmed';
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface StoredCalendar {
  id: string;
  agencyId: string | null;
  revision: number;
  /** Sorted by effectiveFrom. */
  versions: StoredVersion[];
  /** Sorted by date. */
  days: StoredDay[];
  years: Map<number, StoredYear>;
}

export interface CalendarRevision {
  id: string;
  agencyId: string | null;
  revision: number;
  /** 0 = the agency itself, 1 = its parent…; null for the province default. */
  depth: number | null;
}

/**
 * The province default calendar and, for an agency, the calendar of the agency itself or of its nearest
 * ancestor that has one (a division uses its department's calendar), with their revisions.
 */
export async function findCalendarRevisions(
  db: Executor,
  agencyId: string | null,
): Promise<CalendarRevision[]> {
  // A null agency has no chain: only the province's calendars (agency_id null) come back.
  const { rows } = await sql<{
    revisions: CalendarRevision[];
  }>`select ${calendarRevisionsOf(sql`${agencyId}`)} as revisions`.execute(db);
  return rows[0]?.revisions ?? [];
}

/**
 * The same as JSON, for an agency id given as SQL (a parameter, or a column of an outer query): a
 * listing reads the revisions of its rows' calendars in its own query (goal 36: one round trip less).
 */
export function calendarRevisionsOf(agencyId: RawBuilder<unknown>): RawBuilder<CalendarRevision[]> {
  return sql<CalendarRevision[]>`(
    WITH RECURSIVE chain (id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM agencies WHERE id = ${agencyId}
      UNION ALL
      SELECT a.id, a.parent_id, chain.depth + 1 FROM agencies a JOIN chain ON a.id = chain.parent_id
      WHERE chain.depth < 16
    )
    SELECT coalesce(json_agg(json_build_object(
      'id', c.id, 'agency_id', c.agency_id, 'revision', c.revision, 'depth', chain.depth)), '[]'::json)
    FROM working_calendars c LEFT JOIN chain ON chain.id = c.agency_id
    WHERE c.agency_id IS NULL OR chain.id IS NOT NULL)`;
}

/**
 * The same, starting from an agency identifier code, in one query (the public API's path): `agencyId`
 * is undefined when no agency has the code.
 */
export async function findCalendarRevisionsByCode(
  db: Executor,
  agencyCode: string,
): Promise<{ agencyId: string | undefined; revisions: CalendarRevision[] }> {
  const { rows } = await sql<CalendarRevision & { chainId: string | null }>`
    WITH RECURSIVE chain (id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM agencies WHERE code = ${agencyCode}
      UNION ALL
      SELECT a.id, a.parent_id, chain.depth + 1 FROM agencies a JOIN chain ON a.id = chain.parent_id
      WHERE chain.depth < 16
    )
    SELECT c.id AS id, chain.id AS agency_id, c.revision AS revision, chain.depth AS depth, chain.id AS chain_id
    FROM chain LEFT JOIN working_calendars c ON c.agency_id = chain.id
    UNION ALL
    SELECT c.id, NULL, c.revision, NULL, NULL FROM working_calendars c WHERE c.agency_id IS NULL`.execute(db);
  return {
    agencyId: rows.find((r) => r.depth === 0)?.chainId ?? undefined,
    revisions: rows.filter((r) => r.id !== null),
  };
}

function weeklyOf(rows: Array<{ weekday: number; startMinute: number; endMinute: number }>): WeeklySchedule {
  const weekly: Record<WeekdayName, WorkingPeriod[]> = {
    sun: [],
    mon: [],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
  };
  for (const row of rows) {
    const name = WEEKDAY_NAMES[row.weekday];
    if (name) {
      weekly[name].push({ start: row.startMinute, end: row.endMinute });
    }
  }
  for (const name of WEEKDAY_NAMES) {
    weekly[name].sort((a, b) => a.start - b.start);
  }
  return weekly;
}

/** One calendar with all its versions, dated entries and year statuses. */
export async function loadStoredCalendar(
  db: Executor,
  calendarId: string,
): Promise<StoredCalendar | undefined> {
  const calendar = await db
    .selectFrom('workingCalendars')
    .select(['id', 'agencyId', 'revision'])
    .where('id', '=', calendarId)
    .executeTakeFirst();
  if (!calendar) {
    return undefined;
  }
  const versionRows = await db
    .selectFrom('workingCalendarVersions')
    .select(['id', 'effectiveFrom', 'dailyWorkingMinutes', 'note'])
    .where('calendarId', '=', calendarId)
    .orderBy('effectiveFrom')
    .execute();
  const periodRows = await db
    .selectFrom('workingCalendarPeriods as p')
    .innerJoin('workingCalendarVersions as v', 'v.id', 'p.versionId')
    .select(['p.versionId', 'p.weekday', 'p.startMinute', 'p.endMinute'])
    .where('v.calendarId', '=', calendarId)
    .execute();
  const dayRows = await db
    .selectFrom('workingCalendarDays')
    .select(['id', 'date', 'kind', 'nameVi', 'nameEn', 'legalBasis', 'source'])
    .where('calendarId', '=', calendarId)
    .orderBy('date')
    .execute();
  const dayPeriodRows = await db
    .selectFrom('workingCalendarDayPeriods as p')
    .innerJoin('workingCalendarDays as d', 'd.id', 'p.dayId')
    .select(['p.dayId', 'p.startMinute', 'p.endMinute'])
    .where('d.calendarId', '=', calendarId)
    .orderBy('p.startMinute')
    .execute();
  const yearRows = await db
    .selectFrom('workingCalendarYears as y')
    .leftJoin('users as u', 'u.id', 'y.confirmedBy')
    .select(['y.year', 'y.status', 'y.confirmedAt', 'u.username'])
    .where('y.calendarId', '=', calendarId)
    .execute();
  const dayPeriods = new Map<string, WorkingPeriod[]>();
  for (const row of dayPeriodRows) {
    dayPeriods.set(row.dayId, [
      ...(dayPeriods.get(row.dayId) ?? []),
      { start: row.startMinute, end: row.endMinute },
    ]);
  }
  return {
    ...calendar,
    versions: versionRows.map((v) => ({
      ...v,
      weekly: weeklyOf(periodRows.filter((p) => p.versionId === v.id)),
    })),
    days: dayRows.map((d) => ({
      id: d.id,
      date: d.date,
      kind: d.kind,
      name: { vi: d.nameVi, en: d.nameEn },
      legalBasis: d.legalBasis,
      source: d.source,
      periods: dayPeriods.get(d.id) ?? [],
    })),
    years: new Map(
      yearRows.map((y) => [
        y.year,
        {
          year: y.year,
          status: y.status,
          confirmedAt: y.confirmedAt === null ? null : new Date(y.confirmedAt).toISOString(),
          confirmedBy: y.username ?? null,
        },
      ]),
    ),
  };
}

export async function findDefaultCalendarId(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('workingCalendars')
    .select('id')
    .where('agencyId', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export interface CalendarSummaryRow {
  id: string;
  revision: number;
  agencyId: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  agencyNameEn: string | null;
}

export async function listCalendarRows(db: Executor): Promise<CalendarSummaryRow[]> {
  return db
    .selectFrom('workingCalendars as c')
    .leftJoin('agencies as a', 'a.id', 'c.agencyId')
    .select([
      'c.id',
      'c.revision',
      'c.agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'a.nameEn as agencyNameEn',
    ])
    .orderBy(sql`c.agency_id IS NOT NULL`)
    .orderBy('a.code')
    .execute();
}

export async function findCalendarRow(
  db: Executor,
  calendarId: string,
): Promise<CalendarSummaryRow | undefined> {
  return db
    .selectFrom('workingCalendars as c')
    .leftJoin('agencies as a', 'a.id', 'c.agencyId')
    .select([
      'c.id',
      'c.revision',
      'c.agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'a.nameEn as agencyNameEn',
    ])
    .where('c.id', '=', calendarId)
    .executeTakeFirst();
}
