// A procedure's processing time limit (TT 32/2017 Đ5: value + unit) turned into due instants over the
// working calendar (R30, legal digest §7.5): working days and hours to the minute; calendar days by
// Bộ luật Dân sự 2015 Điều 147–148; "immediate" (trả ngay, R18) is due at reception.
import {
  addCalendarDays,
  addWorkingMinutes,
  type EpochMs,
  nextWorkingInstant,
  type WorkingCalendar,
} from '../working-time/index.ts';
import type { Outcome } from '../working-time/outcome.ts';

export type TimeUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'immediate';

export interface TimeLimit {
  value: number;
  unit: TimeUnit;
}

/** Working minutes of a limit expressed in working time; undefined for calendar days. */
export function workingMinutesOf(
  limit: TimeLimit,
  calendar: Pick<WorkingCalendar, 'dailyWorkingMinutes'>,
): number | undefined {
  switch (limit.unit) {
    case 'working_days':
      return limit.value * calendar.dailyWorkingMinutes;
    case 'working_hours':
      return limit.value * 60;
    case 'immediate':
      return 0;
    case 'calendar_days':
      return undefined;
  }
}

/** The appointment (ngày hẹn trả) of a dossier received at `receivedAt`. */
export function dueAfter(calendar: WorkingCalendar, receivedAt: EpochMs, limit: TimeLimit): Outcome<EpochMs> {
  if (limit.unit === 'immediate' || limit.value === 0) {
    return { ok: true, value: receivedAt };
  }
  if (limit.unit === 'calendar_days') {
    const due = addCalendarDays(calendar, receivedAt, limit.value);
    return due.ok ? { ok: true, value: due.value.due } : due;
  }
  const minutes = workingMinutesOf(limit, calendar) ?? 0;
  return addWorkingMinutes(calendar, receivedAt, minutes);
}

/** R17: the first working instant at or after a submission (its reception clock starts there). */
export function clockStart(calendar: WorkingCalendar, submittedAt: EpochMs): Outcome<EpochMs> {
  return nextWorkingInstant(calendar, submittedAt);
}
