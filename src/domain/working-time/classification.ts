// Finish classification and warning level.
//
// R31 / HP QĐ 12/2021 Điều 11 khoản 6: a dossier is on time when its has-result instant is not after the
// due time, overdue when it is after. Điều 11 khoản 7 điểm b and the II.06a report split "on time" into
// early (trước hạn) and on time (đúng hạn); the Mẫu tracking book prints "Trước hạn / Đúng hạn / Quá hạn".
// Granularity (legal-digest §8.3, §9 item 20):
// - overdue is decided on the instant, to the millisecond: finishedAt > dueAt (QĐ 766 indicator 2.1:
//   `NgayKetThucXuLy ≤ NgayHenTra` is on time);
// - early vs on time is decided on the Vietnam calendar date (default `localDate`, as the classic report
//   forms do): early = finished on a date before the due date; on time = finished on the due date, not
//   after the due instant. Option `instant`: early = strictly before the due instant, on time = exactly at it.
//
// R36 / HP Điều 14: warnings are overdue, less than one working day left (dueSoon), or normal.

import type { WorkingCalendar } from './calendar-model.ts';
import type { EpochMs } from './civil-time.ts';
import { localDayOf } from './civil-time.ts';
import { compileCalendar } from './compiled-calendar.ts';
import type { Outcome } from './outcome.ts';
import { failure, success } from './outcome.ts';
import { elapsedWorkingMsCompiled } from './working-time-arithmetic.ts';

export type FinishClass = 'early' | 'onTime' | 'overdue';
export type EarlyGranularity = 'localDate' | 'instant';

export function classifyFinish(
  finishedAt: EpochMs,
  dueAt: EpochMs,
  granularity: EarlyGranularity = 'localDate',
): Outcome<FinishClass> {
  if (!Number.isFinite(finishedAt) || !Number.isFinite(dueAt)) {
    return failure({ code: 'invalidInstant' });
  }
  if (finishedAt > dueAt) {
    return success('overdue');
  }
  if (granularity === 'instant') {
    return success(finishedAt < dueAt ? 'early' : 'onTime');
  }
  return success(localDayOf(finishedAt) < localDayOf(dueAt) ? 'early' : 'onTime');
}

export type WarningLevel = 'overdue' | 'dueSoon' | 'normal';

export interface Warning {
  level: WarningLevel;
  /** Working minutes left until the due time (0 when overdue). */
  workingMinutesLeft: number;
}

/**
 * R36: `overdue` once `now` is after the due instant; `dueSoon` while less than one working day (the
 * calendar's daily working minutes) of working time is left, including at the due instant itself;
 * otherwise `normal`.
 */
export function warningLevel(calendar: WorkingCalendar, now: EpochMs, dueAt: EpochMs): Outcome<Warning> {
  const compiled = compileCalendar(calendar);
  if (!compiled.ok) {
    return compiled;
  }
  const left = elapsedWorkingMsCompiled(compiled.value, now, dueAt);
  if (!left.ok) {
    return left;
  }
  const workingMinutesLeft = left.value / 60_000;
  if (now > dueAt) {
    return success({ level: 'overdue', workingMinutesLeft: 0 });
  }
  const level = workingMinutesLeft < calendar.dailyWorkingMinutes ? 'dueSoon' : 'normal';
  return success({ level, workingMinutesLeft });
}
