// Reads for the calendar administration screen: the list of calendars and a year's view (days off,
// make-up days, the hours in force through the year, the year's status). Always fresh from the database.
import { civilOf, formatMinuteOfDay, parseMinuteOfDay } from '../../domain/working-time/civil-time.ts';
import {
  formatIsoDate,
  parseIsoDate,
  type WeekdayName,
  type WeeklySchedule,
  type WorkingPeriod,
} from '../../domain/working-time/index.ts';
import { calendarErrors } from './calendar.errors.ts';
import { mergeDays, versionAt } from './calendar.loader.ts';
import {
  type CalendarSummaryRow,
  type Executor,
  findCalendarRow,
  findDefaultCalendarId,
  listCalendarRows,
  loadStoredCalendar,
  type StoredCalendar,
} from './calendar.repository.ts';
import type {
  CalendarList,
  CalendarSummary,
  PeriodInput,
  WeeklyInput,
  YearView,
} from './calendar-admin.schemas.ts';

const WEEKDAYS: readonly WeekdayName[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function periodsText(periods: readonly WorkingPeriod[]): Array<{ start: string; end: string }> {
  return periods.map((p) => ({ start: formatMinuteOfDay(p.start), end: formatMinuteOfDay(p.end) }));
}

function weeklyText(weekly: WeeklySchedule): Record<WeekdayName, Array<{ start: string; end: string }>> {
  return Object.fromEntries(WEEKDAYS.map((w) => [w, periodsText(weekly[w])])) as Record<
    WeekdayName,
    Array<{ start: string; end: string }>
  >;
}

/**
 * HH:mm periods (format checked by the schema) → minutes, refusing a period that ends before it starts
 * or overlaps the previous one (before any write: the database would refuse it less politely).
 */
export function periodsOfInput(periods: readonly PeriodInput[], path = 'periods'): WorkingPeriod[] {
  const out = periods.map((p) => ({
    start: parseMinuteOfDay(p.start) ?? 0,
    end: parseMinuteOfDay(p.end) ?? 0,
  }));
  out.forEach((p, i) => {
    if (p.start >= p.end || (i > 0 && p.start < (out[i - 1]?.end ?? 0))) {
      throw calendarErrors.rejected([
        {
          path: `${path}[${i}]`,
          message: {
            vi: 'giờ bắt đầu phải trước giờ kết thúc; các khoảng theo thứ tự, không chồng nhau',
            en: 'start must be before end; periods in order, without overlap',
          },
        },
      ]);
    }
  });
  return out;
}

/** A week with at least one working period (make-up days alone cannot carry a calendar). */
export function weeklyOfInput(weekly: WeeklyInput): WeeklySchedule {
  const schedule = Object.fromEntries(
    WEEKDAYS.map((w) => [w, periodsOfInput(weekly[w], `weekly.${w}`)]),
  ) as unknown as WeeklySchedule;
  if (WEEKDAYS.every((w) => schedule[w].length === 0)) {
    throw calendarErrors.rejected([
      {
        path: 'weekly',
        message: { vi: 'tuần không có giờ làm việc nào', en: 'the week has no working periods at all' },
      },
    ]);
  }
  return schedule;
}

function summaryOf(row: CalendarSummaryRow, stored: StoredCalendar): CalendarSummary {
  return {
    id: row.id,
    isDefault: row.agencyId === null,
    agency:
      row.agencyId === null
        ? null
        : {
            id: row.agencyId,
            code: row.agencyCode ?? '',
            name: row.agencyName ?? '',
            nameEn: row.agencyNameEn,
          },
    revision: row.revision,
    versions: stored.versions.map((v) => ({
      id: v.id,
      effectiveFrom: v.effectiveFrom,
      dailyWorkingMinutes: v.dailyWorkingMinutes,
      note: v.note,
      weekly: weeklyText(v.weekly),
    })),
  };
}

export async function listCalendars(db: Executor): Promise<CalendarList> {
  const rows = await listCalendarRows(db);
  const items: CalendarSummary[] = [];
  for (const row of rows) {
    const stored = await loadStoredCalendar(db, row.id);
    if (stored) {
      items.push(summaryOf(row, stored));
    }
  }
  return { items };
}

export interface LoadedForAdmin {
  row: CalendarSummaryRow;
  stored: StoredCalendar;
  province: StoredCalendar;
}

/** The calendar being administered and the province default (they are the same for the default). */
export async function loadForAdmin(db: Executor, calendarId: string): Promise<LoadedForAdmin> {
  const row = await findCalendarRow(db, calendarId);
  const stored = row ? await loadStoredCalendar(db, calendarId) : undefined;
  const defaultId = await findDefaultCalendarId(db);
  if (!row || !stored || !defaultId) {
    throw calendarErrors.calendarNotFound();
  }
  const province = defaultId === calendarId ? stored : await loadStoredCalendar(db, defaultId);
  if (!province) {
    throw calendarErrors.notConfigured();
  }
  return { row, stored, province };
}

export async function getYearView(db: Executor, calendarId: string, year: number): Promise<YearView> {
  const { row, stored, province } = await loadForAdmin(db, calendarId);
  const agency = row.agencyId === null ? null : stored;
  const first = parseIsoDate(`${year}-01-01`) ?? 0;
  const last = parseIsoDate(`${year}-12-31`) ?? 0;
  const changes = [
    first,
    ...[...province.versions, ...(agency?.versions ?? [])]
      .map((v) => parseIsoDate(v.effectiveFrom) ?? 0)
      .filter((d) => d > first && d <= last),
  ].sort((a, b) => a - b);
  const hours: YearView['hours'] = [];
  for (const day of changes) {
    const found = versionAt(province, agency, day);
    if (found && hours.at(-1)?.versionId !== found.version.id) {
      hours.push({
        from: formatIsoDate(day),
        versionId: found.version.id,
        inherited: agency !== null && found.owner.id === province.id,
        dailyWorkingMinutes: found.version.dailyWorkingMinutes,
        weekly: weeklyText(found.version.weekly),
      });
    }
  }
  const yearInfo = province.years.get(year);
  const days = mergeDays(province, agency).filter((d) => civilOf(parseIsoDate(d.date) ?? 0).year === year);
  return {
    calendar: summaryOf(row, stored),
    year,
    status: yearInfo?.status ?? 'none',
    confirmedAt: yearInfo?.confirmedAt ?? null,
    confirmedBy: yearInfo?.confirmedBy ?? null,
    days: days.map((d) => ({
      date: d.date,
      kind: d.kind,
      name: d.name,
      legalBasis: d.legalBasis,
      source: d.source,
      inherited: d.inherited,
      periods: periodsText(d.periods),
    })),
    hours,
  };
}
