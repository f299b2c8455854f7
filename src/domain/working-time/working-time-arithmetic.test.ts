import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from './calendar-model.ts';
import { defaultCalendar } from './calendar-model.ts';
import { at, calendar2024to2028, holidaysOf, iso, unwrap } from './test-support.ts';
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  elapsedWorkingMinutes,
  nextWorkingInstant,
} from './working-time-arithmetic.ts';

const cal = calendar2024to2028();

function plusMinutes(from: string, minutes: number, calendar: WorkingCalendar = cal): string {
  return iso(unwrap(addWorkingMinutes(calendar, at(from), minutes)));
}

function plusDays(from: string, days: number, calendar: WorkingCalendar = cal): string {
  return iso(unwrap(addWorkingDays(calendar, at(from), days)));
}

function next(from: string): string {
  return iso(unwrap(nextWorkingInstant(cal, at(from))));
}

describe('[R30] start outside working time moves to the next working period (HP Điều 11.2)', () => {
  it('[R30] a start inside a period stays where it is', () => {
    expect(next('2026-03-09T09:15:30+07:00')).toBe('2026-03-09T09:15:30+07:00');
    expect(next('2026-03-09T07:00:00+07:00')).toBe('2026-03-09T07:00:00+07:00');
  });

  it('[R30] 06:59 moves to 07:00 the same morning', () => {
    expect(next('2026-03-09T06:59:00+07:00')).toBe('2026-03-09T07:00:00+07:00');
  });

  it('[R30] 11:30 exactly is the end of the morning: counting starts at 13:30', () => {
    expect(next('2026-03-09T11:30:00+07:00')).toBe('2026-03-09T13:30:00+07:00');
  });

  it('[R30] a start during the lunch break moves to 13:30', () => {
    expect(next('2026-03-09T12:10:00+07:00')).toBe('2026-03-09T13:30:00+07:00');
  });

  it('[R30] Friday 17:00 and the weekend move to Monday 07:00', () => {
    expect(next('2026-03-13T17:00:00+07:00')).toBe('2026-03-16T07:00:00+07:00');
    expect(next('2026-03-14T10:00:00+07:00')).toBe('2026-03-16T07:00:00+07:00');
  });

  it('[R30] an instant given in UTC is read in Vietnam time (23:30Z Sunday = 06:30 Monday)', () => {
    expect(next('2026-03-15T23:30:00Z')).toBe('2026-03-16T07:00:00+07:00');
  });
});

describe('[R30] adding working time', () => {
  it('[R30] the lunch break is not counted: 10:00 + 2 h = 14:00', () => {
    expect(iso(unwrap(addWorkingHours(cal, at('2026-03-09T10:00:00+07:00'), 2)))).toBe(
      '2026-03-09T14:00:00+07:00',
    );
  });

  it('[R30] a due time that completes the morning is 11:30, not 13:30', () => {
    expect(plusMinutes('2026-03-09T07:00:00+07:00', 270)).toBe('2026-03-09T11:30:00+07:00');
    expect(plusMinutes('2026-03-09T06:59:00+07:00', 270)).toBe('2026-03-09T11:30:00+07:00');
  });

  it('[R30] a due time that completes Friday is Friday 17:00, not Monday 07:00', () => {
    expect(plusMinutes('2026-03-13T13:30:00+07:00', 210)).toBe('2026-03-13T17:00:00+07:00');
    expect(plusDays('2026-03-13T07:00:00+07:00', 1)).toBe('2026-03-13T17:00:00+07:00');
    expect(plusMinutes('2026-03-13T13:30:00+07:00', 211)).toBe('2026-03-16T07:01:00+07:00');
  });

  it('[R30] one working day = 8 working hours, across the weekend', () => {
    expect(plusDays('2026-03-13T09:00:00+07:00', 1)).toBe('2026-03-16T09:00:00+07:00');
    expect(plusDays('2026-03-09T09:00:00+07:00', 5)).toBe('2026-03-16T09:00:00+07:00');
  });

  it('[R30] a start at 11:30 counts from 13:30; during lunch likewise', () => {
    expect(plusMinutes('2026-03-09T11:30:00+07:00', 30)).toBe('2026-03-09T14:00:00+07:00');
    expect(plusMinutes('2026-03-09T12:45:00+07:00', 30)).toBe('2026-03-09T14:00:00+07:00');
  });

  it('[R30] 0 duration gives the first working instant (the start itself when inside working time)', () => {
    expect(plusMinutes('2026-03-09T09:00:00+07:00', 0)).toBe('2026-03-09T09:00:00+07:00');
    expect(plusMinutes('2026-03-13T17:00:00+07:00', 0)).toBe('2026-03-16T07:00:00+07:00');
  });

  it('[Điều 111.3] a holiday on a Sunday: Giỗ Tổ 26/4/2026 makes Monday 27/4 a day off too', () => {
    expect(plusDays('2026-04-24T10:00:00+07:00', 1)).toBe('2026-04-28T10:00:00+07:00');
  });

  it('[Điều 112] 30/4 and 1/5/2026 (Thursday, Friday) are skipped with the weekend', () => {
    expect(plusDays('2026-04-29T15:00:00+07:00', 1)).toBe('2026-05-04T15:00:00+07:00');
  });

  it("[Điều 112] New Year's Eve into the next year: 31/12/2025 + 1 day skips 1/1/2026", () => {
    expect(plusDays('2025-12-31T14:00:00+07:00', 1)).toBe('2026-01-02T14:00:00+07:00');
    expect(plusDays('2026-12-31T09:00:00+07:00', 1)).toBe('2027-01-04T09:00:00+07:00');
    expect(plusDays('2025-12-31T07:00:00+07:00', 1)).toBe('2025-12-31T17:00:00+07:00');
  });

  it('[Điều 112] the day before Tết: Friday 13/2/2026 10:00 + 2 days ends on Tuesday 24/2 10:00', () => {
    // 5 h on Friday, Tết 16–20/2, weekend 21–22/2, 8 h on Monday 23/2, 3 h on Tuesday.
    expect(plusDays('2026-02-13T10:00:00+07:00', 2)).toBe('2026-02-24T10:00:00+07:00');
  });

  it('[§7.2] make-up Saturdays of Tết 2014 are counted and the swapped weekdays skipped', () => {
    const tet2014 = defaultCalendar({
      nonWorkingDays: [
        ...holidaysOf(2014),
        { date: '2014-01-28', kind: 'ad-hoc', name: { vi: 'Nghỉ hoán đổi Tết', en: 'Swapped Tết day off' } },
        { date: '2014-01-29', kind: 'ad-hoc', name: { vi: 'Nghỉ hoán đổi Tết', en: 'Swapped Tết day off' } },
      ],
      makeUpWorkingDays: [
        { date: '2014-01-25', name: { vi: 'Làm bù cho 28/01', en: 'Make-up day for 28/01' } },
        { date: '2014-02-08', name: { vi: 'Làm bù cho 29/01', en: 'Make-up day for 29/01' } },
      ],
    });
    expect(plusDays('2014-01-24T16:00:00+07:00', 1, tet2014)).toBe('2014-01-25T16:00:00+07:00');
    expect(plusDays('2014-01-27T09:00:00+07:00', 2, tet2014)).toBe('2014-02-07T09:00:00+07:00');
    expect(plusMinutes('2014-02-07T15:00:00+07:00', 240, tet2014)).toBe('2014-02-08T09:00:00+07:00');
  });

  it('[§7.2] a make-up day may have its own periods (a Saturday morning only)', () => {
    const morningOnly = calendar2024to2028({
      makeUpWorkingDays: [
        { date: '2026-03-14', name: { vi: 'Làm bù', en: 'Make-up' }, periods: [{ start: 420, end: 690 }] },
      ],
    });
    expect(plusMinutes('2026-03-13T16:00:00+07:00', 60 + 270, morningOnly)).toBe('2026-03-14T11:30:00+07:00');
    expect(plusMinutes('2026-03-13T16:00:00+07:00', 60 + 271, morningOnly)).toBe('2026-03-16T07:01:00+07:00');
  });

  it('[R30] the calendar daily working time converts days (7.5 h days)', () => {
    const shortDays = calendar2024to2028({ dailyWorkingMinutes: 450 });
    expect(plusDays('2026-03-09T07:00:00+07:00', 1, shortDays)).toBe('2026-03-09T16:30:00+07:00');
  });
});

describe('[R30] elapsed working time', () => {
  it('[R30] counts only working minutes between two instants', () => {
    expect(
      unwrap(elapsedWorkingMinutes(cal, at('2026-03-13T16:00:00+07:00'), at('2026-03-16T08:00:00+07:00'))),
    ).toBe(120);
    expect(
      unwrap(elapsedWorkingMinutes(cal, at('2026-03-09T11:00:00+07:00'), at('2026-03-09T14:00:00+07:00'))),
    ).toBe(60);
    expect(
      unwrap(elapsedWorkingMinutes(cal, at('2026-02-13T07:00:00+07:00'), at('2026-02-24T07:00:00+07:00'))),
    ).toBe(960);
  });

  it('[R30] is 0 when to ≤ from', () => {
    expect(
      unwrap(elapsedWorkingMinutes(cal, at('2026-03-09T10:00:00+07:00'), at('2026-03-09T09:00:00+07:00'))),
    ).toBe(0);
  });
});

describe('[Bộ luật Dân sự Điều 147–148] calendar days', () => {
  function due(from: string, days: number): string {
    return iso(unwrap(addCalendarDays(cal, at(from), days)).due);
  }

  it('[Điều 147] the first day is not counted; the period ends at the end of the last day', () => {
    expect(due('2026-03-11T16:00:00+07:00', 2)).toBe('2026-03-13T17:00:00+07:00');
    const result = unwrap(addCalendarDays(cal, at('2026-03-11T16:00:00+07:00'), 2, 'midnight'));
    expect(iso(result.due)).toBe('2026-03-14T00:00:00+07:00');
    expect(iso(result.start)).toBe('2026-03-12T00:00:00+07:00');
  });

  it('[Điều 148] a last day on a weekend moves to the end of the next working day', () => {
    expect(due('2026-03-09T15:00:00+07:00', 5)).toBe('2026-03-16T17:00:00+07:00');
  });

  it('[Điều 148] a last day in Tết moves past the whole holiday', () => {
    expect(due('2026-02-10T15:00:00+07:00', 6)).toBe('2026-02-23T17:00:00+07:00');
  });

  it('[Điều 147] 0 or fractional calendar days are refused', () => {
    expect(addCalendarDays(cal, at('2026-03-09T15:00:00+07:00'), 0).ok).toBe(false);
    expect(addCalendarDays(cal, at('2026-03-09T15:00:00+07:00'), 1.5).ok).toBe(false);
  });
});

describe('[issue 3] invalid input gives a clear result, never a loop', () => {
  it('refuses a negative or non-finite duration and an invalid instant', () => {
    expect(addWorkingMinutes(cal, at('2026-03-09T09:00:00+07:00'), -1)).toEqual({
      ok: false,
      error: { code: 'invalidDuration' },
    });
    expect(addWorkingDays(cal, at('2026-03-09T09:00:00+07:00'), Number.NaN).ok).toBe(false);
    expect(addWorkingDays(cal, Number.NaN, 1)).toEqual({ ok: false, error: { code: 'invalidInstant' } });
    expect(addWorkingDays(cal, at('2300-01-01T09:00:00+07:00'), 1)).toEqual({
      ok: false,
      error: { code: 'outOfRange' },
    });
  });

  it('reports noWorkingTime when every working day for 15 years is a day off (the search stops after about 10)', () => {
    const mondaysOnly = defaultCalendar({
      weekly: { sun: [], mon: [{ start: 420, end: 1020 }], tue: [], wed: [], thu: [], fri: [], sat: [] },
      nonWorkingDays: Array.from({ length: 800 }, (_, i) => ({
        date: iso(at('2026-03-09T12:00:00+07:00') + i * 7 * 86_400_000).slice(0, 10),
        kind: 'ad-hoc' as const,
        name: { vi: 'Nghỉ', en: 'Off' },
      })),
    });
    expect(nextWorkingInstant(mondaysOnly, at('2026-03-09T09:00:00+07:00'))).toEqual({
      ok: false,
      error: { code: 'noWorkingTime' },
    });
    expect(addWorkingDays(mondaysOnly, at('2026-03-09T09:00:00+07:00'), 1).ok).toBe(false);
    expect(addCalendarDays(mondaysOnly, at('2026-03-09T09:00:00+07:00'), 1).ok).toBe(false);
  });

  it('reaches the end of the supported range instead of searching forever', () => {
    expect(addWorkingDays(cal, at('2026-03-09T09:00:00+07:00'), 1e9)).toEqual({
      ok: false,
      error: { code: 'outOfRange' },
    });
  });
});
