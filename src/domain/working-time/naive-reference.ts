// Deliberately naive minute-by-minute reading of R30 (HP Điều 11 khoản 2), written independently of the
// block index, for two uses only: the oracle of the property tests and the baseline of the benchmark.
// Not for production: it scans every minute and looks calendar entries up linearly.

import type { WorkingCalendar, WorkingPeriod } from './calendar-model.ts';
import { WEEKDAYS } from './calendar-model.ts';
import type { EpochMs } from './civil-time.ts';
import { formatIsoDate, localDayOf, MS_PER_MINUTE, msOfLocalDay, weekdayOf } from './civil-time.ts';

/** Periods of the local date of `instant`, straight from the calendar data. */
export function periodsOfDate(calendar: WorkingCalendar, instant: EpochMs): readonly WorkingPeriod[] {
  const date = formatIsoDate(localDayOf(instant));
  if (calendar.nonWorkingDays.some((d) => d.date === date)) {
    return [];
  }
  const makeUp = calendar.makeUpWorkingDays.find((d) => d.date === date);
  if (makeUp) {
    return makeUp.periods ?? calendar.weekly[makeUp.asWeekday ?? 'mon'];
  }
  return calendar.weekly[WEEKDAYS[weekdayOf(localDayOf(instant))] ?? 'sun'];
}

/** Is the minute starting at `instant` (minute-aligned) working time? */
function isWorkingMinute(calendar: WorkingCalendar, instant: EpochMs): boolean {
  const minute = msOfLocalDay(instant) / MS_PER_MINUTE;
  return periodsOfDate(calendar, instant).some((p) => minute >= p.start && minute < p.end);
}

/** Minute-aligned starts only; `limitMinutes` bounds the scan. */
export function naiveAddWorkingMinutes(
  calendar: WorkingCalendar,
  start: EpochMs,
  minutes: number,
  limitMinutes = 60 * 24 * 366 * 2,
): EpochMs | undefined {
  let cursor = start;
  let counted = 0;
  for (let step = 0; step < limitMinutes; step++) {
    if (isWorkingMinute(calendar, cursor)) {
      if (counted === minutes) {
        return cursor;
      }
      counted += 1;
      if (counted === minutes) {
        return cursor + MS_PER_MINUTE;
      }
    }
    cursor += MS_PER_MINUTE;
  }
  return undefined;
}

/** Working minutes in [from, to) for minute-aligned instants. */
export function naiveElapsedWorkingMinutes(calendar: WorkingCalendar, from: EpochMs, to: EpochMs): number {
  let count = 0;
  for (let t = from; t < to; t += MS_PER_MINUTE) {
    if (isWorkingMinute(calendar, t)) {
      count += 1;
    }
  }
  return count;
}
