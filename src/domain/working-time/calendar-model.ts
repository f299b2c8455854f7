// Working calendar as plain data (legal-digest §9 item 17; R30), so the calendar module can store it in
// the database, version it by `effectiveFrom` and let administrators edit it.
// - Weekly working periods per weekday, in minutes of the day, Vietnam time. Default: Monday–Friday
//   07:00–11:30 and 13:30–17:00 (legal-digest §7.4; QĐ 188/1999/QĐ-TTg 40-hour week), 8 h = 1 working day.
// - Dated non-working days: public holidays (Bộ luật Lao động 2019 Điều 112), compensatory days (Điều 111
//   khoản 3) and ad-hoc days off, each with its name and, where known, legal basis.
// - Make-up working days (làm bù, e.g. a Saturday swapped for a Tết weekday: legal-digest §7.2).
// A calendar is treated as immutable once passed to the engine (compiled indexes are cached per object).

import type { EpochDay } from './civil-time.ts';
import { parseIsoDate } from './civil-time.ts';

export interface LocalizedText {
  vi: string;
  en: string;
}

/** A working period [start, end) in minutes of the day, Vietnam time (0 ≤ start < end ≤ 1440). */
export interface WorkingPeriod {
  start: number;
  end: number;
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

/** Working periods of each weekday; an empty list is a weekly day off. */
export type WeeklySchedule = Readonly<Record<WeekdayName, readonly WorkingPeriod[]>>;

export type NonWorkingDayKind = 'holiday' | 'compensatory' | 'ad-hoc';

export interface NonWorkingDay {
  /** `yyyy-mm-dd`, Vietnam local date. */
  date: string;
  kind: NonWorkingDayKind;
  name: LocalizedText;
  legalBasis?: string;
}

export interface MakeUpWorkingDay {
  /** `yyyy-mm-dd`, Vietnam local date (usually a Saturday). */
  date: string;
  name: LocalizedText;
  legalBasis?: string;
  /** Explicit periods for the day; when absent, the periods of `asWeekday`. */
  periods?: readonly WorkingPeriod[];
  /** Whose weekly periods apply when `periods` is absent; default 'mon' (a normal weekday). */
  asWeekday?: WeekdayName;
}

export interface WorkingCalendar {
  /** `yyyy-mm-dd`: first day this version is in force (the calendar module picks the version). */
  effectiveFrom: string;
  weekly: WeeklySchedule;
  /** Length of one working day in minutes, used to convert working days (default 480 = 8 h). */
  dailyWorkingMinutes: number;
  nonWorkingDays: readonly NonWorkingDay[];
  makeUpWorkingDays: readonly MakeUpWorkingDay[];
}

export const DEFAULT_WORKDAY_PERIODS: readonly WorkingPeriod[] = Object.freeze([
  Object.freeze({ start: 7 * 60, end: 11 * 60 + 30 }),
  Object.freeze({ start: 13 * 60 + 30, end: 17 * 60 }),
]);

export const DEFAULT_WEEKLY_SCHEDULE: WeeklySchedule = Object.freeze({
  sun: [],
  mon: DEFAULT_WORKDAY_PERIODS,
  tue: DEFAULT_WORKDAY_PERIODS,
  wed: DEFAULT_WORKDAY_PERIODS,
  thu: DEFAULT_WORKDAY_PERIODS,
  fri: DEFAULT_WORKDAY_PERIODS,
  sat: [],
});

export const DEFAULT_DAILY_WORKING_MINUTES = 480;

/** The default calendar of issue 3, optionally with days off and make-up days (e.g. from proposeHolidays). */
export function defaultCalendar(overrides: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return {
    effectiveFrom: '1976-01-01',
    weekly: DEFAULT_WEEKLY_SCHEDULE,
    dailyWorkingMinutes: DEFAULT_DAILY_WORKING_MINUTES,
    nonWorkingDays: [],
    makeUpWorkingDays: [],
    ...overrides,
  };
}

/** The version in force on a local date: the latest `effectiveFrom` not after it (undefined if none). */
export function calendarInForce<C extends Pick<WorkingCalendar, 'effectiveFrom'>>(
  versions: readonly C[],
  day: EpochDay,
): C | undefined {
  let best: C | undefined;
  let bestFrom = Number.NEGATIVE_INFINITY;
  for (const version of versions) {
    const from = parseIsoDate(version.effectiveFrom);
    if (from !== undefined && from <= day && from > bestFrom) {
      best = version;
      bestFrom = from;
    }
  }
  return best;
}
