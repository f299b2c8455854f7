import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONAL_RULE_SETS, overlaps, ruleSetInForce, validateRuleSet } from './rule-set.ts';

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
