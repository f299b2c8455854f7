import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NATIONAL_RULE_SETS,
  overlaps,
  planSuccession,
  type RuleSet,
  ruleSetInForce,
  validateRuleSet,
} from './rule-set.ts';

describe('[legal digest §0, §9.1] legal rule sets', () => {
  it('the national rule sets are valid and do not overlap', () => {
    for (const ruleSet of NATIONAL_RULE_SETS) {
      expect(validateRuleSet(ruleSet), ruleSet.code).toEqual([]);
    }
    expect(overlaps(NATIONAL_RULE_SETS)).toEqual([]);
  });

  it('ND 61/TT 01 governs up to 30/06/2025, ND 118/TT 03 from 01/07/2025', () => {
    expect(ruleSetInForce(NATIONAL_RULE_SETS, '2025-06-30')?.code).toBe('nd61-tt01');
    expect(ruleSetInForce(NATIONAL_RULE_SETS, '2025-07-01')?.code).toBe('nd118-tt03');
    expect(ruleSetInForce(NATIONAL_RULE_SETS, '2030-01-01')?.code).toBe('nd118-tt03');
    expect(ruleSetInForce(NATIONAL_RULE_SETS, '2018-06-20')).toBeUndefined();
  });

  it('every day from 21/06/2018 on has exactly one national rule set (property)', () => {
    const day = fc
      .date({
        min: new Date('2018-06-21T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (d) => {
        const matching = NATIONAL_RULE_SETS.filter(
          (r) => r.effectiveFrom <= d && (r.effectiveTo === null || d <= r.effectiveTo),
        );
        expect(matching).toHaveLength(1);
        expect(ruleSetInForce(NATIONAL_RULE_SETS, d)).toBe(matching[0]);
      }),
    );
  });

  it('reports invalid settings and overlapping periods', () => {
    const [base] = NATIONAL_RULE_SETS;
    if (!base) {
      throw new Error('no rule set');
    }
    const broken = {
      ...base,
      code: 'Bad Code',
      effectiveTo: '2017-01-01',
      settings: { ...base.settings, transferCutoff: '25:00', apologyMaxPerDossier: -1 },
    };
    expect(validateRuleSet(broken)).toHaveLength(4);
    expect(
      overlaps([base, { ...base, code: 'copy', effectiveFrom: '2025-06-01', effectiveTo: null }]),
    ).toEqual([['nd61-tt01', 'copy']]);
  });
});

describe('[brief: rules are data, with dates] a new rule set follows the last one', () => {
  const national = NATIONAL_RULE_SETS as RuleSet[];
  const current = national[1] as RuleSet;
  const local = (effectiveFrom: string, code = 'hp-qd766'): RuleSet => ({
    ...current,
    code,
    name: { vi: 'Quy định của tỉnh', en: 'Provincial rules' },
    effectiveFrom,
    settings: { ...current.settings, supplementClock: 'pause' },
  });

  it('closes the rule set in force the day before; refuses the past, the same day, gaps and codes in use', () => {
    expect(planSuccession(national, local('2026-11-23'), '2026-11-23')).toEqual({
      ok: true,
      close: { code: 'nd118-tt03', effectiveTo: '2026-11-22' },
    });
    expect(planSuccession(national, local('2026-11-22'), '2026-11-23')).toEqual({
      ok: false,
      problem: 'retroactive',
    });
    expect(planSuccession(national, local('2027-01-01', 'nd61-tt01'), '2026-11-23')).toEqual({
      ok: false,
      problem: 'duplicate_code',
    });
    expect(
      planSuccession(national, { ...local('2027-01-01'), effectiveTo: '2027-12-31' }, '2026-11-23'),
    ).toEqual({
      ok: false,
      problem: 'invalid',
    });
    const closed = [national[0] as RuleSet, { ...current, effectiveTo: '2026-12-31' }];
    expect(planSuccession(closed, local('2027-01-01'), '2026-11-23')).toEqual({ ok: true, close: null });
    expect(planSuccession(closed, local('2027-01-05'), '2026-11-23')).toEqual({ ok: false, problem: 'gap' });
    expect(planSuccession(closed, local('2026-12-01'), '2026-11-23')).toEqual({
      ok: false,
      problem: 'not_last',
    });
    const startsToday = [...national, local('2026-11-23')];
    expect(planSuccession(startsToday, local('2026-11-23', 'other'), '2026-11-23')).toEqual({
      ok: false,
      problem: 'same_day',
    });
  });

  it('any accepted succession leaves every day with exactly one rule set (property)', () => {
    const day = (min: string, max: string) =>
      fc
        .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day('2025-07-01', '2030-12-31'),
        fc.array(day('2025-07-01', '2032-12-31'), { maxLength: 6 }),
        (today, starts) => {
          let sets: RuleSet[] = [...national];
          for (const [i, start] of starts.entries()) {
            const plan = planSuccession(sets, local(start, `local-${i}`), today);
            if (plan.ok) {
              const close = plan.close;
              sets = sets.map((r) =>
                close && r.code === close.code ? { ...r, effectiveTo: close.effectiveTo } : r,
              );
              sets.push(local(start, `local-${i}`));
            }
          }
          expect(overlaps(sets)).toEqual([]);
          for (const probe of [today, '2025-07-01', '2032-12-31', ...starts]) {
            expect(ruleSetInForce(sets, probe)).toBeDefined();
          }
        },
      ),
    );
  });
});
