// Helpers shared by the working-time tests (not part of the engine).

import type { NonWorkingDay, WorkingCalendar } from './calendar-model.ts';
import { defaultCalendar } from './calendar-model.ts';
import { formatIsoInstant, parseIsoInstant } from './civil-time.ts';
import { proposeHolidays } from './holidays.ts';
import type { Outcome } from './outcome.ts';

export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) {
    throw new Error(`unexpected failure: ${JSON.stringify(outcome.error)}`);
  }
  return outcome.value;
}

/** Instant from an ISO string with offset; throws on a typo in a test. */
export function at(iso: string): number {
  const t = parseIsoInstant(iso);
  if (t === undefined) {
    throw new Error(`bad ISO instant in test: ${iso}`);
  }
  return t;
}

export const iso = formatIsoInstant;

/** Proposed holidays (Điều 111–112) of the given years. */
export function holidaysOf(...years: number[]): NonWorkingDay[] {
  return years.flatMap((y) => unwrap(proposeHolidays(y)).nonWorkingDays);
}

/** The default calendar with the proposed holidays of 2024–2028. */
export function calendar2024to2028(overrides: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return defaultCalendar({ nonWorkingDays: holidaysOf(2024, 2025, 2026, 2027, 2028), ...overrides });
}
