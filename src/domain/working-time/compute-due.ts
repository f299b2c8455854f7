// Single entry point for due times, used by the calendar API (`GET /api/v1/calendar/due`), receipts and
// step deadlines: R30 working-time durations (HP Điều 11 khoản 2) and Bộ luật Dân sự 2015 Điều 147–148
// calendar-day durations, with the start, the skipped days off and a bilingual explanation (issue 3).

import type { WorkingCalendar } from './calendar-model.ts';
import type { EpochDay, EpochMs } from './civil-time.ts';
import {
  civilOf,
  formatCivilIso,
  formatIsoDate,
  localDayOf,
  MS_PER_MINUTE,
  nextCivil,
} from './civil-time.ts';
import type { CompiledCalendar } from './compiled-calendar.ts';
import { compileCalendar, periodsOn } from './compiled-calendar.ts';
import type { CountedMakeUpDay, DueTrace, Duration, SkippedDay } from './explanation.ts';
import { explainDue } from './explanation.ts';
import type { Outcome } from './outcome.ts';
import { failure, success } from './outcome.ts';
import type { CalendarDayEnd } from './working-time-arithmetic.ts';
import {
  addCalendarDaysCompiled,
  addWorkingMsCompiled,
  nextWorkingInstantCompiled,
} from './working-time-arithmetic.ts';

export interface ComputeDueOptions {
  /** Calendar days only; see CalendarDayEnd (default: end of the due day's working hours). */
  calendarDayEnd?: CalendarDayEnd;
}

export interface DueComputation extends DueTrace {
  explanation: { vi: string; en: string };
}

/** Days off (no working time) in [first, last], with their reasons. */
export function daysOffBetween(cc: CompiledCalendar, first: EpochDay, last: EpochDay): SkippedDay[] {
  const out: SkippedDay[] = [];
  let civil = civilOf(first);
  for (let day = first; day <= last; day++, civil = nextCivil(civil)) {
    if (periodsOn(cc, day).length > 0) {
      continue;
    }
    const date = formatCivilIso(civil);
    const entry = cc.nonWorking.get(day);
    out.push(
      entry
        ? {
            date,
            kind: entry.kind,
            name: entry.name,
            ...(entry.legalBasis === undefined ? {} : { legalBasis: entry.legalBasis }),
          }
        : { date, kind: 'weekly' },
    );
  }
  return out;
}

function makeUpDaysBetween(cc: CompiledCalendar, first: EpochDay, last: EpochDay): CountedMakeUpDay[] {
  const out: CountedMakeUpDay[] = [];
  for (const [day, entry] of cc.makeUp) {
    if (day >= first && day <= last) {
      out.push({
        date: entry.date,
        name: entry.name,
        ...(entry.legalBasis === undefined ? {} : { legalBasis: entry.legalBasis }),
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function durationMs(duration: Duration, dailyWorkingMinutes: number): number {
  switch (duration.unit) {
    case 'workingDays':
      return Math.round(duration.value * dailyWorkingMinutes * MS_PER_MINUTE);
    case 'workingHours':
      return Math.round(duration.value * 60 * MS_PER_MINUTE);
    default:
      return Math.round(duration.value * MS_PER_MINUTE);
  }
}

function finish(trace: DueTrace): Outcome<DueComputation> {
  return success({ ...trace, explanation: explainDue(trace) });
}

/**
 * The due time of `duration` counted from `from` (e.g. the reception instant), with the first instant
 * counted, the days off skipped, the make-up days counted and an explanation.
 */
export function computeDue(
  calendar: WorkingCalendar,
  from: EpochMs,
  duration: Duration,
  options: ComputeDueOptions = {},
): Outcome<DueComputation> {
  const compiled = compileCalendar(calendar);
  if (!compiled.ok) {
    return compiled;
  }
  const cc = compiled.value;
  if (!Number.isFinite(duration.value) || duration.value < 0) {
    return failure({ code: 'invalidDuration' });
  }
  const base = { from, duration: { ...duration }, dailyWorkingMinutes: calendar.dailyWorkingMinutes };
  if (duration.unit === 'calendarDays') {
    const result = addCalendarDaysCompiled(cc, from, duration.value, options.calendarDayEnd);
    if (!result.ok) {
      return result;
    }
    const { start, lastDay, dueDay, due } = result.value;
    return finish({
      ...base,
      start,
      due,
      skipped: daysOffBetween(cc, lastDay, dueDay - 1),
      makeUpDays: makeUpDaysBetween(cc, lastDay, dueDay),
      lastDay: formatIsoDate(lastDay),
    });
  }
  if (!['workingDays', 'workingHours', 'workingMinutes'].includes(duration.unit)) {
    return failure({ code: 'invalidDuration' });
  }
  const start = nextWorkingInstantCompiled(cc, from);
  if (!start.ok) {
    return start;
  }
  const due = addWorkingMsCompiled(cc, start.value, durationMs(duration, calendar.dailyWorkingMinutes));
  if (!due.ok) {
    return due;
  }
  // A due at 24:00 belongs to the day it ends, hence `due − 1` for the last day.
  const lastDay = localDayOf(due.value > start.value ? due.value - 1 : due.value);
  return finish({
    ...base,
    start: start.value,
    due: due.value,
    skipped: daysOffBetween(cc, localDayOf(from), lastDay),
    makeUpDays: makeUpDaysBetween(cc, localDayOf(start.value), lastDay),
  });
}
