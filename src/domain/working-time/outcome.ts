// Results of the working-time engine: a discriminated union instead of exceptions, so the calendar module
// decides how to answer (model-codebases §7 item 5: pure domain functions return unions, services throw).

import type { LocalizedText } from './calendar-model.ts';

export interface CalendarIssue {
  /** Where in the calendar data, e.g. `weekly.mon[1]` or `nonWorkingDays[3].date`. */
  path: string;
  message: LocalizedText;
}

export type WorkingTimeError =
  | { code: 'invalidCalendar'; issues: readonly CalendarIssue[] }
  | { code: 'invalidInstant' }
  | { code: 'invalidDuration' }
  | { code: 'outOfRange' }
  | { code: 'noWorkingTime' };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: WorkingTimeError };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure<T>(error: WorkingTimeError): Outcome<T> {
  return { ok: false, error };
}

/** A short bilingual message for an engine error (Vietnamese first). */
export function describeError(error: WorkingTimeError): LocalizedText {
  switch (error.code) {
    case 'invalidCalendar':
      return {
        vi: `Lịch làm việc không hợp lệ: ${error.issues.map((i) => `${i.path}: ${i.message.vi}`).join('; ')}`,
        en: `The working calendar is not valid: ${error.issues.map((i) => `${i.path}: ${i.message.en}`).join('; ')}`,
      };
    case 'invalidInstant':
      return { vi: 'Thời điểm không hợp lệ.', en: 'The instant is not valid.' };
    case 'invalidDuration':
      return {
        vi: 'Thời hạn không hợp lệ (phải là số không âm; số ngày theo lịch phải là số nguyên dương).',
        en: 'The duration is not valid (it must be non-negative; calendar days must be a positive integer).',
      };
    case 'outOfRange':
      return {
        vi: 'Thời điểm nằm ngoài khoảng lịch hỗ trợ (1976–2200).',
        en: 'The instant is outside the supported calendar range (1976–2200).',
      };
    case 'noWorkingTime':
      return {
        vi: 'Lịch không có thời gian làm việc nào trong 10 năm tới.',
        en: 'The calendar has no working time in the next 10 years.',
      };
  }
}
