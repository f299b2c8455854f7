// Deadline arithmetic over working time.
// - R30 (HP QĐ 12/2021 Điều 11 khoản 2): deadlines run in real time, to the minute, over official working
//   time only; anything outside working time counts from the start of the next working period.
// - Working days are converted with the calendar's daily working time (8 h by default: legal-digest §7.5).
// - A result that exactly completes a working period is that period's end (issue 3: 17:00 Friday, not
//   07:00 Monday; 11:30, not 13:30).
// - Calendar-day periods: Bộ luật Dân sự 2015 Điều 147 (the first day is not counted) and Điều 148 (the
//   period ends at the end of the last day; a last day that is not a working day moves to the next one).
// Instants are epoch milliseconds; the process time zone is never consulted.

import type { WorkingCalendar } from './calendar-model.ts';
import type { EpochDay, EpochMs } from './civil-time.ts';
import { instantAt, isSupportedDay, localDayOf, MS_PER_MINUTE } from './civil-time.ts';
import type { CompiledCalendar } from './compiled-calendar.ts';
import {
  compileCalendar,
  distance,
  locate,
  nextWorkingDay,
  periodsOn,
  positionOf,
} from './compiled-calendar.ts';
import type { Outcome } from './outcome.ts';
import { failure, success } from './outcome.ts';

export function isValidInstant(instant: EpochMs): boolean {
  return Number.isFinite(instant) && isSupportedDay(localDayOf(instant));
}

function checkInstant(instant: EpochMs): Outcome<EpochMs> {
  if (!Number.isFinite(instant)) {
    return failure({ code: 'invalidInstant' });
  }
  return isValidInstant(instant) ? success(instant) : failure({ code: 'outOfRange' });
}

/** Start of working time at or after `instant` (periods are [start, end): 11:30 itself moves to 13:30). */
export function nextWorkingInstantCompiled(cc: CompiledCalendar, instant: EpochMs): Outcome<EpochMs> {
  const checked = checkInstant(instant);
  if (!checked.ok) {
    return checked;
  }
  return locate(cc, positionOf(cc, instant), 0, 'start');
}

/** Adds `ms` working milliseconds (≥ 0) to `start`; 0 gives the first working instant. */
export function addWorkingMsCompiled(cc: CompiledCalendar, start: EpochMs, ms: number): Outcome<EpochMs> {
  const checked = checkInstant(start);
  if (!checked.ok) {
    return checked;
  }
  if (!Number.isFinite(ms) || ms < 0) {
    return failure({ code: 'invalidDuration' });
  }
  if (ms === 0) {
    return locate(cc, positionOf(cc, start), 0, 'start');
  }
  return locate(cc, positionOf(cc, start), ms, 'end');
}

function withCalendar<T>(calendar: WorkingCalendar, run: (cc: CompiledCalendar) => Outcome<T>): Outcome<T> {
  const compiled = compileCalendar(calendar);
  return compiled.ok ? run(compiled.value) : compiled;
}

function minutesToMs(minutes: number): number {
  return Math.round(minutes * MS_PER_MINUTE);
}

export function nextWorkingInstant(calendar: WorkingCalendar, instant: EpochMs): Outcome<EpochMs> {
  return withCalendar(calendar, (cc) => nextWorkingInstantCompiled(cc, instant));
}

export function addWorkingMinutes(
  calendar: WorkingCalendar,
  start: EpochMs,
  minutes: number,
): Outcome<EpochMs> {
  return withCalendar(calendar, (cc) => addWorkingMsCompiled(cc, start, minutesToMs(minutes)));
}

export function addWorkingHours(calendar: WorkingCalendar, start: EpochMs, hours: number): Outcome<EpochMs> {
  return withCalendar(calendar, (cc) => addWorkingMsCompiled(cc, start, minutesToMs(hours * 60)));
}

/** One working day = the calendar's `dailyWorkingMinutes` (480 by default), not "the same time tomorrow". */
export function addWorkingDays(calendar: WorkingCalendar, start: EpochMs, days: number): Outcome<EpochMs> {
  return withCalendar(calendar, (cc) =>
    addWorkingMsCompiled(cc, start, minutesToMs(days * calendar.dailyWorkingMinutes)),
  );
}

export function elapsedWorkingMsCompiled(cc: CompiledCalendar, from: EpochMs, to: EpochMs): Outcome<number> {
  const a = checkInstant(from);
  const b = checkInstant(to);
  if (!a.ok) {
    return a;
  }
  if (!b.ok) {
    return b;
  }
  if (to <= from) {
    return success(0);
  }
  return success(distance(cc, positionOf(cc, from), positionOf(cc, to)));
}

/** Working milliseconds in [from, to); 0 when `to` ≤ `from`. Exact (an integer for integer instants). */
export function elapsedWorkingMilliseconds(
  calendar: WorkingCalendar,
  from: EpochMs,
  to: EpochMs,
): Outcome<number> {
  return withCalendar(calendar, (cc) => elapsedWorkingMsCompiled(cc, from, to));
}

/** Working minutes in [from, to); 0 when `to` ≤ `from`. Fractional when the instants carry seconds. */
export function elapsedWorkingMinutes(
  calendar: WorkingCalendar,
  from: EpochMs,
  to: EpochMs,
): Outcome<number> {
  return withCalendar(calendar, (cc) => {
    const ms = elapsedWorkingMsCompiled(cc, from, to);
    return ms.ok ? success(ms.value / MS_PER_MINUTE) : ms;
  });
}

/**
 * Where a calendar-day deadline ends. Điều 148 ends it at 24:00 of the last day (`midnight`); desks hand
 * results over in office hours (HP Điều 11 khoản 3), so the default is the end of that day's last period.
 */
export type CalendarDayEnd = 'endOfWorkingHours' | 'midnight';

export interface CalendarDaysDue {
  /** 00:00 of the first counted day, the day after `from` (Điều 147 khoản 2–3). */
  start: EpochMs;
  /** `from`'s date + n: the last day of the period before any move. */
  lastDay: EpochDay;
  /** The last day, or the next working day when it is a day off (Điều 148). */
  dueDay: EpochDay;
  due: EpochMs;
}

export function addCalendarDaysCompiled(
  cc: CompiledCalendar,
  from: EpochMs,
  days: number,
  end: CalendarDayEnd = 'endOfWorkingHours',
): Outcome<CalendarDaysDue> {
  const checked = checkInstant(from);
  if (!checked.ok) {
    return checked;
  }
  if (!Number.isInteger(days) || days < 1) {
    return failure({ code: 'invalidDuration' });
  }
  const firstDay = localDayOf(from) + 1;
  const lastDay = localDayOf(from) + days;
  if (!isSupportedDay(lastDay)) {
    return failure({ code: 'outOfRange' });
  }
  const found = nextWorkingDay(cc, lastDay);
  if (!found.ok) {
    return found;
  }
  const dueDay = found.value;
  const periods = periodsOn(cc, dueDay);
  const lastPeriod = periods[periods.length - 1];
  const due =
    end === 'midnight' || lastPeriod === undefined
      ? instantAt(dueDay + 1, 0)
      : instantAt(dueDay, 0) + lastPeriod.end;
  return success({ start: instantAt(firstDay, 0), lastDay, dueDay, due });
}

/** Bộ luật Dân sự 2015 Điều 147–148: n calendar days after `from` (n ≥ 1, whole days). */
export function addCalendarDays(
  calendar: WorkingCalendar,
  from: EpochMs,
  days: number,
  end: CalendarDayEnd = 'endOfWorkingHours',
): Outcome<CalendarDaysDue> {
  return withCalendar(calendar, (cc) => addCalendarDaysCompiled(cc, from, days, end));
}
