// Time rules of processing (R31–R35; legal digest §1.4, §6, §9 items 12, 19–20): the apology and new
// appointment (at most N times, at least M working days before the due time, and the dossier then
// counts as overdue), the supplement clock policy (restart or pause), and the on-time class.
import {
  addWorkingMinutes,
  classifyFinish,
  type EarlyGranularity,
  type EpochMs,
  elapsedWorkingMinutes,
  type FinishClass,
  type WorkingCalendar,
} from '../working-time/index.ts';
import type { Outcome } from '../working-time/outcome.ts';
import { dueAfter, type TimeLimit } from './time-limit.ts';

export type ApologyRefusal = 'limit_reached' | 'too_late' | 'new_date_not_later' | 'calendar';

/** ND 61 Đ19 / TT 03: an apology moves the appointment once, and is sent ahead of the old due time. */
export function checkApology(input: {
  calendar: WorkingCalendar;
  now: EpochMs;
  dueAt: EpochMs;
  newDueAt: EpochMs;
  apologiesSoFar: number;
  maxApologies: number;
  minWorkingDaysBefore: number;
}): { ok: true } | { ok: false; reason: ApologyRefusal } {
  if (input.apologiesSoFar >= input.maxApologies) {
    return { ok: false, reason: 'limit_reached' };
  }
  if (input.newDueAt <= input.dueAt) {
    return { ok: false, reason: 'new_date_not_later' };
  }
  if (input.minWorkingDaysBefore > 0) {
    const left = elapsedWorkingMinutes(input.calendar, input.now, input.dueAt);
    if (!left.ok) {
      return { ok: false, reason: 'calendar' };
    }
    if (
      input.now >= input.dueAt ||
      left.value < input.minWorkingDaysBefore * input.calendar.dailyWorkingMinutes
    ) {
      return { ok: false, reason: 'too_late' };
    }
  }
  return { ok: true };
}

/**
 * R34 / QĐ 766: when the applicant has supplied what was asked, the appointment is either restarted
 * from the supply time with the full limit (HP Đ12.2), or extended by the working time spent waiting
 * (QĐ 766 subtracts that time).
 */
export function dueAfterSupplement(input: {
  policy: 'restart' | 'pause';
  calendar: WorkingCalendar;
  dueAt: EpochMs;
  requestedAt: EpochMs;
  suppliedAt: EpochMs;
  limit: TimeLimit;
}): Outcome<EpochMs> {
  if (input.policy === 'restart') {
    return dueAfter(input.calendar, input.suppliedAt, input.limit);
  }
  const waited = elapsedWorkingMinutes(input.calendar, input.requestedAt, input.suppliedAt);
  if (!waited.ok) {
    return waited;
  }
  return addWorkingMinutes(input.calendar, input.dueAt, waited.value);
}

/** R31, R33: on time when the result is there by the appointment; a dossier that apologised is overdue. */
export function classifyDossier(input: {
  finishedAt: EpochMs;
  dueAt: EpochMs;
  apologised: boolean;
  granularity: EarlyGranularity;
}): Outcome<FinishClass> {
  if (input.apologised) {
    return { ok: true, value: 'overdue' };
  }
  return classifyFinish(input.finishedAt, input.dueAt, input.granularity);
}
