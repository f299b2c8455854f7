// Procedures' internal and electronic processes (R21, HP Đ15; legal digest §9 item 9): ordered steps,
// each with the responsible role and unit, its allotted working time (and a separate allotment for
// online dossiers), whether a signature is needed, and the sub-status it sets. The total allotted
// time may not exceed the procedure's time limit.
import type { OfficerRole } from '../access/roles.ts';
import type { SubStatus } from '../dossier/status.ts';
import { type TimeLimit, workingMinutesOf } from './time-limit.ts';

/** Where a step's officers sit: the receiving desk, the agency that performs the procedure (one of its units), or a fixed agency. */
export type StepUnit =
  | { kind: 'desk' }
  | { kind: 'performing_agency' }
  | { kind: 'agency'; agencyId: string };

export interface ProcessStep {
  key: string;
  name: { vi: string; en: string };
  role: OfficerRole;
  unit: StepUnit;
  /** Allotted working time in working minutes (a working day is the calendar's daily minutes). */
  allottedMinutes: number;
  /** For dossiers received online, when the step is faster (R20). */
  allottedMinutesOnline?: number;
  signature: boolean;
  /** R25: the step records "paper received"; the next step may send the dossier back without it. */
  paperCheck?: boolean;
}

export interface ProcessDefinition {
  steps: ProcessStep[];
}

export type ProcessProblem =
  | { code: 'no_steps' }
  | { code: 'duplicate_key'; key: string }
  | { code: 'bad_key'; key: string }
  | { code: 'bad_allotment'; key: string }
  | { code: 'first_step_not_desk' }
  | { code: 'last_step_not_desk' }
  | { code: 'signature_step_missing' }
  | { code: 'signature_role'; key: string }
  | { code: 'exceeds_time_limit'; allottedMinutes: number; limitMinutes: number; online: boolean };

/** The sub-status a dossier takes while it is at this step. */
export function subStatusOf(step: ProcessStep): SubStatus {
  return step.signature ? 'awaiting_signature' : 'processing';
}

export function allottedFor(step: ProcessStep, online: boolean): number {
  return online && step.allottedMinutesOnline !== undefined
    ? step.allottedMinutesOnline
    : step.allottedMinutes;
}

/**
 * Checks a process against the procedure's time limit. The desk receives first and returns the
 * result last (R20, ND 61 Đ20); a signer approves in between; for calendar-day limits the sum is
 * not comparable and is not checked.
 */
export function validateProcess(
  process: ProcessDefinition,
  limit: TimeLimit,
  calendar: { dailyWorkingMinutes: number },
  onlineLimit?: TimeLimit,
): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  const { steps } = process;
  if (steps.length === 0) {
    return [{ code: 'no_steps' }];
  }
  const seen = new Set<string>();
  for (const step of steps) {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(step.key)) {
      problems.push({ code: 'bad_key', key: step.key });
    }
    if (seen.has(step.key)) {
      problems.push({ code: 'duplicate_key', key: step.key });
    }
    seen.add(step.key);
    const allotments = [step.allottedMinutes, step.allottedMinutesOnline ?? 0];
    if (allotments.some((m) => !Number.isInteger(m) || m < 0 || m > 3650 * 24 * 60)) {
      problems.push({ code: 'bad_allotment', key: step.key });
    }
    if (step.signature && step.role !== 'agency_leader' && step.role !== 'unit_head') {
      problems.push({ code: 'signature_role', key: step.key });
    }
  }
  if (steps[0]?.unit.kind !== 'desk') {
    problems.push({ code: 'first_step_not_desk' });
  }
  if (steps.length > 1 && steps[steps.length - 1]?.unit.kind !== 'desk') {
    problems.push({ code: 'last_step_not_desk' });
  }
  if (steps.length > 1 && !steps.some((step) => step.signature)) {
    problems.push({ code: 'signature_step_missing' });
  }
  for (const online of [false, true]) {
    const applicable = online ? (onlineLimit ?? limit) : limit;
    const limitMinutes = workingMinutesOf(applicable, calendar);
    if (limitMinutes === undefined || applicable.unit === 'immediate') {
      continue;
    }
    const allottedMinutes = steps.reduce((sum, step) => sum + allottedFor(step, online), 0);
    if (allottedMinutes > limitMinutes) {
      problems.push({ code: 'exceeds_time_limit', allottedMinutes, limitMinutes, online });
    }
  }
  return problems;
}

/** Index of the next step after `key` (forward), or of the previous one (send back); undefined at the ends. */
export function neighbourStep(
  process: ProcessDefinition,
  key: string,
  direction: 'next' | 'previous',
): ProcessStep | undefined {
  const index = process.steps.findIndex((step) => step.key === key);
  if (index < 0) {
    return undefined;
  }
  return process.steps[direction === 'next' ? index + 1 : index - 1];
}
