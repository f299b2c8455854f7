import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkingCalendar, WorkingPeriod } from './calendar-model.ts';
import { DEFAULT_WORKDAY_PERIODS, defaultCalendar, WEEKDAYS } from './calendar-model.ts';
import { formatIsoDate, instantAt, MS_PER_MINUTE, msOfLocalDay, parseIsoDate } from './civil-time.ts';
import { computeDue } from './compute-due.ts';
import { naiveAddWorkingMinutes, naiveElapsedWorkingMinutes, periodsOfDate } from './naive-reference.ts';
import { at, calendar2024to2028, unwrap } from './test-support.ts';
import {
  addCalendarDays,
  addWorkingMinutes,
  elapsedWorkingMilliseconds,
  elapsedWorkingMinutes,
  nextWorkingInstant,
} from './working-time-arithmetic.ts';

const FIRST_DAY = parseIsoDate('2025-06-01') ?? 0;
const LAST_DAY = parseIsoDate('2027-12-31') ?? 0;
const MINUTE = MS_PER_MINUTE;

// Odd shapes on purpose: periods touching midnight, a whole-day period, a short day.
const PERIOD_SETS: readonly (readonly WorkingPeriod[])[] = [
  [],
  DEFAULT_WORKDAY_PERIODS,
  [
    { start: 480, end: 720 },
    { start: 780, end: 1020 },
  ],
  [
    { start: 0, end: 60 },
    { start: 1380, end: 1440 },
  ],
  [{ start: 600, end: 630 }],
  [{ start: 0, end: 1440 }],
];

const dayArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const name = { vi: 'Ngày thử', en: 'Test day' };

const randomCalendarArb: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    periods: fc.array(fc.constantFrom(...PERIOD_SETS), { minLength: 7, maxLength: 7 }),
    daysOff: fc.uniqueArray(dayArb, { maxLength: 40 }),
    makeUp: fc.uniqueArray(dayArb, { maxLength: 8 }),
    daily: fc.constantFrom(480, 450, 60),
  })
  .filter((r) => r.periods.some((p) => p.length > 0))
  .map((r) =>
    defaultCalendar({
      weekly: {
        sun: r.periods[0] ?? [],
        mon: r.periods[1] ?? [],
        tue: r.periods[2] ?? [],
        wed: r.periods[3] ?? [],
        thu: r.periods[4] ?? [],
        fri: r.periods[5] ?? [],
        sat: r.periods[6] ?? [],
      },
      dailyWorkingMinutes: r.daily,
      nonWorkingDays: r.daysOff.map((d) => ({ date: formatIsoDate(d), kind: 'ad-hoc' as const, name })),
      makeUpWorkingDays: r.makeUp
        .filter((d) => !r.daysOff.includes(d))
        .map((d) => ({ date: formatIsoDate(d), name, periods: DEFAULT_WORKDAY_PERIODS })),
    }),
  );

const realistic = calendar2024to2028({
  makeUpWorkingDays: [{ date: '2026-02-07', name: { vi: 'Làm bù', en: 'Make-up day' } }],
});
const calendarArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(realistic) },
  { weight: 3, arbitrary: randomCalendarArb },
);

const BOUNDARY_MINUTES = [0, 60, 419, 420, 421, 600, 630, 690, 720, 780, 810, 1020, 1380, 1439];
const instantArb = fc.oneof(
  fc.integer({ min: instantAt(FIRST_DAY, 0), max: instantAt(LAST_DAY, 1440) - 1 }),
  fc
    .tuple(dayArb, fc.constantFrom(...BOUNDARY_MINUTES), fc.constantFrom(0, 1, -1, 30_000))
    .map(([d, m, ms]) => instantAt(d, m) + ms),
);
const minuteInstantArb = fc
  .tuple(dayArb, fc.oneof(fc.constantFrom(...BOUNDARY_MINUTES), fc.integer({ min: 0, max: 1439 })))
  .map(([d, m]) => instantAt(d, m));
const minutesArb = fc.oneof(
  fc.integer({ min: 0, max: 5_000 }),
  fc.constantFrom(0, 1, 30, 210, 270, 480, 960),
);

function add(cal: WorkingCalendar, t: number, minutes: number): number {
  return unwrap(addWorkingMinutes(cal, t, minutes));
}

function elapsed(cal: WorkingCalendar, from: number, to: number): number {
  return unwrap(elapsedWorkingMinutes(cal, from, to));
}

function elapsedMs(cal: WorkingCalendar, from: number, to: number): number {
  return unwrap(elapsedWorkingMilliseconds(cal, from, to));
}

/** Is the instant inside [start, end) of a working period of its day, or (atEnd) at some period's end? */
function inPeriod(cal: WorkingCalendar, t: number, atEnd: boolean): boolean {
  const m = msOfLocalDay(t);
  if (atEnd && m === 0) {
    return periodsOfDate(cal, t - 1).some((p) => p.end === 1440);
  }
  return periodsOfDate(cal, t).some((p) =>
    atEnd ? p.start * MINUTE < m && m <= p.end * MINUTE : p.start * MINUTE <= m && m < p.end * MINUTE,
  );
}

describe('[R30] working-time arithmetic properties', () => {
  it('[R30] the due time is never inside non-working time, except exactly at a period end', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, (cal, t, n) => {
        const due = add(cal, t, n);
        expect(inPeriod(cal, due, n > 0)).toBe(true);
        expect(due).toBeGreaterThanOrEqual(t);
        expect(due - t).toBeGreaterThanOrEqual(n * MINUTE);
      }),
    );
  });

  it('[R30] nextWorkingInstant is the first working instant: no working time is skipped on the way', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, t) => {
        const start = unwrap(nextWorkingInstant(cal, t));
        expect(start).toBeGreaterThanOrEqual(t);
        expect(inPeriod(cal, start, false)).toBe(true);
        expect(elapsed(cal, t, start)).toBe(0);
      }),
    );
  });

  it('[R30] add(add(t, a), b) = add(t, a + b) as instants when b > 0; as working positions when b = 0', () => {
    // With b = 0 the inner result may be a period end (11:30) and the outer call returns the next period
    // start (13:30): a different instant but the same working-minute position (no working time between).
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, minutesArb, (cal, t, a, b) => {
        const twoSteps = add(cal, add(cal, t, a), b);
        const oneStep = add(cal, t, a + b);
        if (b > 0) {
          expect(twoSteps).toBe(oneStep);
        } else {
          expect(elapsed(cal, Math.min(twoSteps, oneStep), Math.max(twoSteps, oneStep))).toBe(0);
        }
      }),
    );
  });

  it('[R30] elapsed(from, add(from, d)) = d, to the millisecond', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, (cal, t, d) => {
        expect(elapsedMs(cal, t, add(cal, t, d))).toBe(d * MINUTE);
      }),
    );
  });

  it('[R30] add is monotonic in the start and in the duration', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, minutesArb, minutesArb, (cal, t1, t2, n1, n2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [short, long] = n1 <= n2 ? [n1, n2] : [n2, n1];
        expect(add(cal, early, short)).toBeLessThanOrEqual(add(cal, late, short));
        expect(add(cal, early, short)).toBeLessThanOrEqual(add(cal, early, long));
      }),
    );
  });

  it('[R30] elapsed is additive over consecutive intervals and monotonic in both arguments', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(elapsedMs(cal, a, c)).toBe(elapsedMs(cal, a, b) + elapsedMs(cal, b, c));
        expect(elapsedMs(cal, a, b)).toBeLessThanOrEqual(elapsedMs(cal, a, c));
        expect(elapsedMs(cal, b, c)).toBeLessThanOrEqual(elapsedMs(cal, a, c));
        expect(elapsedMs(cal, c, a)).toBe(0);
      }),
    );
  });

  it('[R30] agrees with a naive minute-by-minute count (minute-aligned instants)', () => {
    fc.assert(
      fc.property(calendarArb, minuteInstantArb, fc.integer({ min: 0, max: 1_500 }), (cal, t, n) => {
        expect(add(cal, t, n)).toBe(naiveAddWorkingMinutes(cal, t, n));
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(calendarArb, minuteInstantArb, fc.integer({ min: 0, max: 4 * 1440 }), (cal, t, span) => {
        expect(elapsed(cal, t, t + span * MINUTE)).toBe(
          naiveElapsedWorkingMinutes(cal, t, t + span * MINUTE),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('[Điều 147–148] calendar days: the due day is the first working day on or after from + n', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 90 }), (cal, t, n) => {
        const r = unwrap(addCalendarDays(cal, t, n));
        expect(r.dueDay).toBeGreaterThanOrEqual(r.lastDay);
        expect(periodsOfDate(cal, instantAt(r.dueDay, 720)).length).toBeGreaterThan(0);
        for (let d = r.lastDay; d < r.dueDay; d++) {
          expect(periodsOfDate(cal, instantAt(d, 720))).toEqual([]);
        }
        expect(inPeriod(cal, r.due, true)).toBe(true);
      }),
    );
  });
});

describe('[goal 37] results do not depend on the process time zone', () => {
  const original = process.env.TZ;
  afterAll(() => {
    process.env.TZ = original;
  });
  const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York', 'Pacific/Kiritimati', 'America/St_Johns'];

  it('[goal 37] switching TZ really changes local Date methods in this process (so the next test can fail)', () => {
    const hours = zones.map((zone) => {
      process.env.TZ = zone;
      return new Date(0).getHours();
    });
    expect(new Set(hours).size).toBe(zones.length);
  });

  it('[goal 37] due times, elapsed times and explanations are identical under any TZ', () => {
    fc.assert(
      fc.property(instantArb, minutesArb, fc.integer({ min: 1, max: 60 }), (t, n, days) => {
        const outputs = zones.map((zone) => {
          process.env.TZ = zone;
          const cal = structuredClone(realistic); // fresh object: no index cached under another TZ
          return JSON.stringify([
            add(cal, t, n),
            elapsed(cal, t, t + n * 3 * MINUTE),
            unwrap(computeDue(cal, t, { unit: 'workingDays', value: days })),
            unwrap(computeDue(cal, t, { unit: 'calendarDays', value: days })),
          ]);
        });
        expect(new Set(outputs).size).toBe(1);
      }),
      { numRuns: 50 },
    );
  });

  it('[goal 37] a fixed example gives the same answer under every TZ', () => {
    for (const zone of zones) {
      process.env.TZ = zone;
      const cal = structuredClone(realistic);
      expect(add(cal, at('2025-12-31T16:00:00+07:00'), 120)).toBe(at('2026-01-02T08:00:00+07:00'));
    }
  });
});

describe('[R30] weekday names cover the whole week', () => {
  it('has seven weekdays, Sunday first as in Date.getUTCDay', () => {
    expect(WEEKDAYS).toEqual(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
  });
});
