// Public calendar use cases: a due date with its explanation (R30, issue 3 "Interfaces") and a year's
// days off. Both read the calendar through the cached loader; nothing here writes.
import { civilOf, formatMinuteOfDay, isSupportedDay } from '../../domain/working-time/civil-time.ts';
import {
  computeDue,
  type Duration,
  formatIsoDate,
  formatIsoInstant,
  localDayOf,
  parseIsoInstant,
} from '../../domain/working-time/index.ts';
import { findAgencyByCode } from '../organisation/organisation.repository.ts';
import { calendarErrors } from './calendar.errors.ts';
import { resolveCalendar } from './calendar.loader.ts';
import type { Executor } from './calendar.repository.ts';
import type { DueQuery, DueResponse, NonWorkingDaysResponse } from './calendar.schemas.ts';

const DURATION_UNITS = ['workingDays', 'workingHours', 'workingMinutes', 'calendarDays'] as const;

/**
 * ISO instant from a query string. A "+" that was not URL-encoded arrives as a space
 * (`2026-02-13T16:00:00 07:00`): read it back as "+07:00". The engine requires an explicit offset.
 */
function parseQueryInstant(text: string): number | undefined {
  const repaired = text.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  const withColon = repaired.replace(/([+-])(\d{2})(\d{2})$/, '$1$2:$3');
  return parseIsoInstant(withColon);
}

export async function agencyIdOf(db: Executor, code: string | undefined): Promise<string | null> {
  if (code === undefined) {
    return null;
  }
  const agency = await findAgencyByCode(db, code);
  if (!agency) {
    throw calendarErrors.unknownAgency();
  }
  return agency.id;
}

function durationOf(query: DueQuery): Duration {
  const given = DURATION_UNITS.filter((unit) => query[unit] !== undefined);
  const unit = given[0];
  if (given.length !== 1 || unit === undefined) {
    throw calendarErrors.durationCount();
  }
  return { unit, value: query[unit] as number };
}

function yearsBetween(fromDay: number, toDay: number): number[] {
  const first = civilOf(fromDay).year;
  const last = civilOf(Math.max(fromDay, toDay)).year;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export async function computeDueFor(db: Executor, query: DueQuery): Promise<DueResponse> {
  const duration = durationOf(query);
  const from = parseQueryInstant(query.from);
  if (from === undefined) {
    throw calendarErrors.invalidInstant();
  }
  const fromDay = localDayOf(from);
  if (!isSupportedDay(fromDay)) {
    // Outside 1976-01-01 … 2200-12-31 the engine answers outOfRange; say so before any lookup.
    throw calendarErrors.engine({ code: 'outOfRange' }, 'from');
  }
  const calendar = await resolveCalendar(db, { agencyCode: query.agency, on: formatIsoDate(fromDay) });
  const result = computeDue(calendar.calendar, from, duration);
  if (!result.ok) {
    throw calendarErrors.engine(
      result.error,
      result.error.code === 'invalidDuration' ? duration.unit : 'from',
    );
  }
  const value = result.value;
  const unconfirmedYears = yearsBetween(fromDay, localDayOf(value.due)).filter(
    (year) => calendar.yearStatus.get(year) !== 'confirmed',
  );
  return {
    from: formatIsoInstant(value.from),
    start: formatIsoInstant(value.start),
    due: formatIsoInstant(value.due),
    explanation: value.explanation,
    duration: value.duration,
    skipped: value.skipped.map((d) => ({ ...d })),
    makeUpDays: value.makeUpDays.map((d) => ({ ...d })),
    ...(value.lastDay === undefined ? {} : { lastDay: value.lastDay }),
    calendar: {
      versionId: calendar.versionId,
      effectiveFrom: calendar.calendar.effectiveFrom,
      dailyWorkingMinutes: calendar.calendar.dailyWorkingMinutes,
      agencyCalendar: calendar.versionCalendarId !== calendar.defaultCalendarId,
      unconfirmedYears,
    },
  };
}

export async function listNonWorkingDays(
  db: Executor,
  query: { year: number; agency?: string | undefined },
): Promise<NonWorkingDaysResponse> {
  const calendar = await resolveCalendar(db, { agencyCode: query.agency, on: `${query.year}-01-01` });
  const prefix = `${query.year}-`;
  const inYear = calendar.days.filter((d) => d.date.startsWith(prefix));
  return {
    year: query.year,
    status: calendar.yearStatus.get(query.year) ?? 'none',
    days: inYear.flatMap((d) =>
      d.kind === 'working'
        ? []
        : [
            {
              date: d.date,
              kind: d.kind,
              name: d.name,
              ...(d.legalBasis === null ? {} : { legalBasis: d.legalBasis }),
            },
          ],
    ),
    workingDays: inYear.flatMap((d) =>
      d.kind === 'working'
        ? [
            {
              date: d.date,
              name: d.name,
              ...(d.legalBasis === null ? {} : { legalBasis: d.legalBasis }),
              ...(d.periods.length > 0
                ? {
                    periods: d.periods.map((p) => ({
                      start: formatMinuteOfDay(p.start),
                      end: formatMinuteOfDay(p.end),
                    })),
                  }
                : {}),
            },
          ]
        : [],
    ),
  };
}
