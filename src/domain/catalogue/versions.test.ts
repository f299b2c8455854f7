import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  isCivilDate,
  planAbolition,
  planPublication,
  upcomingVersion,
  type VersionTimelineEntry,
  versionInForce,
} from './versions.ts';

const draft = (id: string, number: number): VersionTimelineEntry => ({
  id,
  number,
  status: 'draft',
  effectiveFrom: null,
  effectiveTo: null,
});

/** Publishes the draft through the plan, as the service does. */
function publish(versions: VersionTimelineEntry[], effectiveFrom: string, decisionDate = effectiveFrom) {
  const plan = planPublication(versions, { decisionDate, effectiveFrom }, false);
  if (!plan.ok) {
    throw new Error(plan.reason);
  }
  return applyChanges(versions, plan.changes, effectiveFrom);
}

describe('[R4] version in force on a date', () => {
  it('a draft is never in force', () => {
    expect(versionInForce([draft('a', 1)], '2026-01-01')).toBeUndefined();
  });

  it('a published version is in force from its effective date, not the day before', () => {
    const timeline = publish([draft('a', 1)], '2026-03-01');
    expect(versionInForce(timeline, '2026-02-28')).toBeUndefined();
    expect(versionInForce(timeline, '2026-03-01')?.id).toBe('a');
    expect(versionInForce(timeline, '2099-12-31')?.id).toBe('a');
  });

  it('a future-dated publication leaves the current version in force until that day', () => {
    let timeline = publish([draft('a', 1)], '2026-01-01');
    timeline = publish([...timeline, draft('b', 2)], '2026-07-01', '2026-05-20');
    expect(versionInForce(timeline, '2026-06-30')?.id).toBe('a');
    expect(versionInForce(timeline, '2026-07-01')?.id).toBe('b');
    expect(upcomingVersion(timeline, '2026-06-01')?.id).toBe('b');
    expect(upcomingVersion(timeline, '2026-07-01')).toBeUndefined();
    const a = timeline.find((v) => v.id === 'a');
    expect(a).toMatchObject({ status: 'superseded', effectiveTo: '2026-07-01' });
  });

  it('abolition stops the procedure from its date; earlier dates still find their version', () => {
    const timeline = publish([draft('a', 1)], '2026-01-01');
    const plan = planAbolition(timeline, { decisionDate: '2026-08-01', effectiveFrom: '2026-09-01' }, false);
    expect(plan.ok).toBe(true);
    const closed = plan.ok ? applyChanges(timeline, plan.changes) : timeline;
    expect(versionInForce(closed, '2026-08-31')?.id).toBe('a');
    expect(versionInForce(closed, '2026-09-01')).toBeUndefined();
    expect(closed[0]).toMatchObject({ status: 'abolished', effectiveTo: '2026-09-01' });
  });

  it('refuses a publication that does not come after the latest one, or on an abolished procedure', () => {
    const timeline = publish([draft('a', 1)], '2026-03-01');
    const withDraft = [...timeline, draft('b', 2)];
    expect(
      planPublication(withDraft, { decisionDate: '2026-01-01', effectiveFrom: '2026-03-01' }, false),
    ).toEqual({ ok: false, reason: 'NOT_AFTER_LATEST' });
    expect(
      planPublication(withDraft, { decisionDate: '2026-04-02', effectiveFrom: '2026-04-01' }, false),
    ).toEqual({ ok: false, reason: 'DECISION_AFTER_EFFECTIVE' });
    expect(
      planPublication(withDraft, { decisionDate: '2026-04-01', effectiveFrom: '2026-04-01' }, true),
    ).toEqual({
      ok: false,
      reason: 'ABOLISHED',
    });
    expect(
      planPublication(timeline, { decisionDate: '2026-04-01', effectiveFrom: '2026-04-01' }, false),
    ).toEqual({
      ok: false,
      reason: 'NO_DRAFT',
    });
    expect(
      planPublication(withDraft, { decisionDate: '2026-02-30', effectiveFrom: '2026-04-01' }, false),
    ).toEqual({
      ok: false,
      reason: 'INVALID_DATE',
    });
    expect(
      planAbolition([draft('a', 1)], { decisionDate: '2026-01-01', effectiveFrom: '2026-01-01' }, false),
    ).toEqual({ ok: false, reason: 'NOT_PUBLISHED' });
  });

  it('civil dates are checked as calendar dates', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2027-02-29')).toBe(false);
    expect(isCivilDate('2026-13-01')).toBe(false);
    expect(isCivilDate('2026-1-01')).toBe(false);
  });
});

const dayArb = fc.integer({ min: 0, max: 3000 });
const toDate = (day: number) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

describe('[R4] properties of the timeline', () => {
  it('after any sequence of publications, each day has at most one version in force: the latest started', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(dayArb, { minLength: 1, maxLength: 8 }),
        fc.array(dayArb, { maxLength: 20 }),
        (starts, probes) => {
          const sorted = [...starts].sort((a, b) => a - b);
          let timeline: VersionTimelineEntry[] = [];
          sorted.forEach((start, i) => {
            timeline = publish([...timeline, draft(`v${i + 1}`, i + 1)], toDate(start));
          });
          for (const probe of probes) {
            const day = toDate(probe);
            const inForce = timeline.filter(
              (v) =>
                v.effectiveFrom !== null &&
                v.effectiveFrom <= day &&
                (v.effectiveTo === null || v.effectiveTo > day),
            );
            expect(inForce.length).toBeLessThanOrEqual(1);
            const expectedIndex = sorted.filter((s) => s <= probe).length;
            expect(versionInForce(timeline, day)?.id).toBe(
              expectedIndex === 0 ? undefined : `v${expectedIndex}`,
            );
          }
        },
      ),
    );
  });

  it('publishing out of order is always refused and changes nothing', () => {
    fc.assert(
      fc.property(dayArb, dayArb, (first, second) => {
        fc.pre(second <= first);
        const timeline = [...publish([draft('a', 1)], toDate(first)), draft('b', 2)];
        const plan = planPublication(
          timeline,
          { decisionDate: toDate(0), effectiveFrom: toDate(second) },
          false,
        );
        expect(plan.ok).toBe(false);
      }),
    );
  });

  it('after abolition no day from its date on has a version in force, every earlier day keeps one', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 500 }), dayArb, (start, length, probe) => {
        const timeline = publish([draft('a', 1)], toDate(start));
        const plan = planAbolition(
          timeline,
          { decisionDate: toDate(start), effectiveFrom: toDate(start + length) },
          false,
        );
        expect(plan.ok).toBe(true);
        const closed = plan.ok ? applyChanges(timeline, plan.changes) : timeline;
        const found = versionInForce(closed, toDate(probe));
        expect(found !== undefined).toBe(probe >= start && probe < start + length);
      }),
    );
  });
});
