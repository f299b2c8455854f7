// Legal rule sets (legal digest §0 and §9 item 1): the national one-stop rules changed on 01/07/2025
// (ND 118/2025 + TT 03/2025 replaced ND 61/2018 + ND 107/2021 + TT 01/2018). Each dossier keeps the
// rule set in force when it was received; the settings below are what the software reads from it.
import { formatIsoDate, parseIsoDate } from '../working-time/civil-time.ts';

export interface RuleSetSettings {
  /** Which official form set the slips use (TT 01/2018 Mẫu 01–06, or TT 03/2025's 01–07). */
  formSet: 'tt01_2018' | 'tt03_2025';
  /** R17 (PT Đ9.2a): working hours to answer an online dossier after its clock starts. */
  onlineReceptionWorkingHours: number;
  /** ND 61 Đ18: paper received after this local time moves to the agency the next working day. */
  transferCutoff: string;
  /** R20 (PT Đ10.2): working days the desk has to hand a paper dossier to the specialist unit. */
  transferWithinWorkingDays: number;
  /** ND 61 Đ19: the return date may be rescheduled at most this many times. */
  apologyMaxPerDossier: number;
  /** ND 61 Đ19: the apology is sent at least this many working days before the due time. */
  apologyMinWorkingDaysBeforeDue: number;
  /** R34 (HP Đ12.2) restart: a supplement request is a result, resubmission starts again; QĐ 766 pause: waiting time is subtracted. */
  supplementClock: 'restart' | 'pause';
  /** R31: compare finish and appointment by instant, or by local calendar date for early/on time. */
  onTimeGranularity: 'instant' | 'localDate';
  /** ND 118/2025: centres receive dossiers regardless of administrative boundary within the province. */
  receiveAcrossBoundaries: boolean;
}

export interface RuleSet {
  code: string;
  name: { vi: string; en: string };
  legalBasis: string[];
  /** Local dates, yyyy-mm-dd; effectiveTo is the last day in force (inclusive). */
  effectiveFrom: string;
  effectiveTo: string | null;
  settings: RuleSetSettings;
}

/** The two national rule sets every deployment starts with (administrators may add local ones). */
export const NATIONAL_RULE_SETS: readonly RuleSet[] = [
  {
    code: 'nd61-tt01',
    name: {
      vi: 'Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP',
      en: 'Decree 61/2018/ND-CP and Circular 01/2018/TT-VPCP',
    },
    legalBasis: ['Nghị định 61/2018/NĐ-CP', 'Nghị định 107/2021/NĐ-CP', 'Thông tư 01/2018/TT-VPCP'],
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    settings: {
      formSet: 'tt01_2018',
      onlineReceptionWorkingHours: 8,
      transferCutoff: '15:00',
      transferWithinWorkingDays: 1,
      apologyMaxPerDossier: 1,
      apologyMinWorkingDaysBeforeDue: 1,
      supplementClock: 'restart',
      onTimeGranularity: 'localDate',
      receiveAcrossBoundaries: false,
    },
  },
  {
    code: 'nd118-tt03',
    name: {
      vi: 'Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP',
      en: 'Decree 118/2025/ND-CP and Circular 03/2025/TT-VPCP',
    },
    legalBasis: ['Nghị định 118/2025/NĐ-CP', 'Thông tư 03/2025/TT-VPCP'],
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
    settings: {
      formSet: 'tt03_2025',
      onlineReceptionWorkingHours: 8,
      transferCutoff: '15:00',
      transferWithinWorkingDays: 1,
      apologyMaxPerDossier: 1,
      apologyMinWorkingDaysBeforeDue: 1,
      supplementClock: 'restart',
      onTimeGranularity: 'localDate',
      receiveAcrossBoundaries: true,
    },
  },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Problems that make a rule set unusable; empty when it is fine. */
export function validateRuleSet(ruleSet: RuleSet): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(ruleSet.code)) {
    problems.push('code must be 2–40 lower-case letters, digits or dashes');
  }
  if (!DATE.test(ruleSet.effectiveFrom)) {
    problems.push('effectiveFrom must be yyyy-mm-dd');
  }
  if (
    ruleSet.effectiveTo !== null &&
    (!DATE.test(ruleSet.effectiveTo) || ruleSet.effectiveTo < ruleSet.effectiveFrom)
  ) {
    problems.push('effectiveTo must be yyyy-mm-dd, not before effectiveFrom');
  }
  const s = ruleSet.settings;
  if (!CLOCK.test(s.transferCutoff)) {
    problems.push('transferCutoff must be HH:MM');
  }
  for (const [name, value, max] of [
    ['onlineReceptionWorkingHours', s.onlineReceptionWorkingHours, 240],
    ['transferWithinWorkingDays', s.transferWithinWorkingDays, 30],
    ['apologyMaxPerDossier', s.apologyMaxPerDossier, 10],
    ['apologyMinWorkingDaysBeforeDue', s.apologyMinWorkingDaysBeforeDue, 30],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      problems.push(`${name} must be an integer from 0 to ${max}`);
    }
  }
  return problems;
}

/** The rule set in force on a local date; rule sets must not overlap (checked by overlaps()). */
export function ruleSetInForce<T extends Pick<RuleSet, 'effectiveFrom' | 'effectiveTo'>>(
  ruleSets: readonly T[],
  day: string,
): T | undefined {
  return ruleSets.find((r) => r.effectiveFrom <= day && (r.effectiveTo === null || day <= r.effectiveTo));
}

/** Pairs of rule sets whose periods overlap (a configuration error: a day must have one rule set). */
export function overlaps<T extends Pick<RuleSet, 'code' | 'effectiveFrom' | 'effectiveTo'>>(
  ruleSets: readonly T[],
): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const [i, a] of ruleSets.entries()) {
    for (const b of ruleSets.slice(i + 1)) {
      const aEnd = a.effectiveTo ?? '9999-12-31';
      const bEnd = b.effectiveTo ?? '9999-12-31';
      if (a.effectiveFrom <= bEnd && b.effectiveFrom <= aEnd) {
        found.push([a.code, b.code]);
      }
    }
  }
  return found;
}

export type SuccessionProblem =
  | 'retroactive'
  | 'not_last'
  | 'same_day'
  | 'gap'
  | 'duplicate_code'
  | 'invalid';

/**
 * A new rule set (a provincial decision, or a new national one) takes effect from a day on: never
 * before today, since dossiers already received keep the rules they were received under. It follows
 * the last rule set, which then ends the day before. Returns the rule set to close, or a problem.
 */
export function planSuccession<T extends Pick<RuleSet, 'code' | 'effectiveFrom' | 'effectiveTo'>>(
  existing: readonly T[],
  candidate: RuleSet,
  today: string,
):
  | { ok: true; close: { code: string; effectiveTo: string } | null }
  | { ok: false; problem: SuccessionProblem } {
  if (validateRuleSet(candidate).length > 0 || candidate.effectiveTo !== null) {
    return { ok: false, problem: 'invalid' };
  }
  if (existing.some((r) => r.code === candidate.code)) {
    return { ok: false, problem: 'duplicate_code' };
  }
  if (candidate.effectiveFrom < today) {
    return { ok: false, problem: 'retroactive' };
  }
  const last = [...existing].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
  if (!last) {
    return { ok: true, close: null };
  }
  if (last.effectiveTo !== null && last.effectiveTo >= candidate.effectiveFrom) {
    return { ok: false, problem: 'not_last' };
  }
  if (last.effectiveFrom >= candidate.effectiveFrom) {
    return { ok: false, problem: last.effectiveFrom === candidate.effectiveFrom ? 'same_day' : 'not_last' };
  }
  const day = parseIsoDate(candidate.effectiveFrom);
  if (day === undefined) {
    return { ok: false, problem: 'invalid' };
  }
  if (last.effectiveTo !== null) {
    // Every day must have its rule set: the new one starts the day after the last one ends.
    return last.effectiveTo === formatIsoDate(day - 1)
      ? { ok: true, close: null }
      : { ok: false, problem: 'gap' };
  }
  return { ok: true, close: { code: last.code, effectiveTo: formatIsoDate(day - 1) } };
}
