import { describe, expect, it } from 'vitest';
import { calendarInForce, defaultCalendar } from './calendar-model.ts';
import { validateCalendar } from './calendar-validation.ts';
import { parseIsoDate } from './civil-time.ts';

const name = { vi: 'Nghỉ', en: 'Off' };

function pathsOf(overrides: Parameters<typeof defaultCalendar>[0]): string[] {
  return validateCalendar(defaultCalendar(overrides)).map((i) => i.path);
}

describe('[R30] calendar validation', () => {
  it('[R30] the default calendar is valid', () => {
    expect(validateCalendar(defaultCalendar())).toEqual([]);
  });

  it('[R30] refuses overlapping, reversed or out-of-day periods', () => {
    const weekly = defaultCalendar().weekly;
    expect(
      pathsOf({
        weekly: {
          ...weekly,
          mon: [
            { start: 420, end: 720 },
            { start: 700, end: 1020 },
          ],
        },
      }),
    ).toEqual(['weekly.mon[1]']);
    expect(pathsOf({ weekly: { ...weekly, tue: [{ start: 600, end: 600 }] } })).toEqual(['weekly.tue[0]']);
    expect(pathsOf({ weekly: { ...weekly, wed: [{ start: 1000, end: 1500 }] } })).toEqual(['weekly.wed[0]']);
  });

  it('[R30] refuses a calendar with no working periods at all', () => {
    const empty = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
    expect(pathsOf({ weekly: empty })).toEqual(['weekly']);
  });

  it('[§7.2] refuses bad dates, duplicates, a day both off and make-up, and make-up days without hours', () => {
    expect(
      pathsOf({
        nonWorkingDays: [
          { date: '2026-02-30', kind: 'holiday', name },
          { date: '2026-03-02', kind: 'ad-hoc', name },
          { date: '2026-03-02', kind: 'ad-hoc', name },
        ],
        makeUpWorkingDays: [
          { date: '2026-03-02', name },
          { date: '2026-03-07', name, asWeekday: 'sun' },
        ],
        dailyWorkingMinutes: 0,
      }),
    ).toEqual([
      'dailyWorkingMinutes',
      'nonWorkingDays[0].date',
      'nonWorkingDays[2].date',
      'makeUpWorkingDays[0].date',
      'makeUpWorkingDays[1].periods',
    ]);
  });

  it('[§9.17] picks the calendar version in force on a date', () => {
    const versions = [
      { effectiveFrom: '2020-01-01', id: 'a' },
      { effectiveFrom: '2026-07-01', id: 'c' },
      { effectiveFrom: '2025-07-01', id: 'b' },
    ];
    expect(calendarInForce(versions, parseIsoDate('2026-06-30') ?? 0)?.id).toBe('b');
    expect(calendarInForce(versions, parseIsoDate('2026-07-01') ?? 0)?.id).toBe('c');
    expect(calendarInForce(versions, parseIsoDate('2019-12-31') ?? 0)).toBeUndefined();
  });
});
