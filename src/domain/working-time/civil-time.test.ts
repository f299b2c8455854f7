import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilOf,
  dayOfCivil,
  formatDateVn,
  formatIsoDate,
  formatIsoInstant,
  formatTimeVn,
  localDayOf,
  nextCivil,
  parseIsoDate,
  parseIsoInstant,
  parseMinuteOfDay,
  weekdayOf,
} from './civil-time.ts';

describe('Vietnam civil time (Asia/Ho_Chi_Minh = UTC+7, no DST)', () => {
  it('[issue 3] formats instants with the +07:00 offset whatever the process time zone', () => {
    expect(formatIsoInstant(Date.UTC(2026, 1, 13, 10, 0))).toBe('2026-02-13T17:00:00+07:00');
    expect(formatIsoInstant(Date.UTC(2026, 1, 13, 17, 30))).toBe('2026-02-14T00:30:00+07:00');
    expect(formatIsoInstant(Date.UTC(2026, 1, 13, 10, 0, 0, 5))).toBe('2026-02-13T17:00:00.005+07:00');
  });

  it('[issue 3] parses ISO instants with any offset and refuses ones without an offset', () => {
    const expected = Date.UTC(2026, 1, 13, 10, 0);
    expect(parseIsoInstant('2026-02-13T17:00:00+07:00')).toBe(expected);
    expect(parseIsoInstant('2026-02-13T10:00Z')).toBe(expected);
    expect(parseIsoInstant('2026-02-13T05:00:00.000-05:00')).toBe(expected);
    expect(parseIsoInstant('2026-02-13T10:00:00.123456789Z')).toBe(expected + 123);
    expect(parseIsoInstant('2026-02-13T17:00:00')).toBeUndefined();
    expect(parseIsoInstant('2026-02-30T17:00:00+07:00')).toBeUndefined();
    expect(parseIsoInstant('2026-02-13T24:00:00+07:00')).toBeUndefined();
    expect(parseIsoInstant('2026-02-13 17:00:00+07:00')).toBeUndefined();
  });

  it('[issue 3] the Vietnam date changes at 17:00 UTC, not at UTC midnight', () => {
    expect(formatIsoDate(localDayOf(Date.UTC(2025, 11, 31, 16, 59)))).toBe('2025-12-31');
    expect(formatIsoDate(localDayOf(Date.UTC(2025, 11, 31, 17, 0)))).toBe('2026-01-01');
  });

  it('[issue 3] weekdays, dates and times in Vietnamese administrative format', () => {
    const day = parseIsoDate('2026-02-17');
    expect(day).toBeDefined();
    expect(weekdayOf(day ?? 0)).toBe(2); // Tuesday
    expect(formatDateVn(day ?? 0)).toBe('17/02/2026');
    expect(formatTimeVn(Date.UTC(2026, 1, 17, 0, 5))).toBe('07:05');
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(dayOfCivil(2024, 2, 29)).toBe(parseIsoDate('2024-02-29'));
    expect(parseMinuteOfDay('13:30')).toBe(810);
    expect(parseMinuteOfDay('24:00')).toBe(1440);
    expect(parseMinuteOfDay('24:01')).toBeUndefined();
  });

  it('[issue 3] integer civil-date conversion agrees with Date UTC fields, and nextCivil walks days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300_000, max: 2_900_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        const expected = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        expect(civilOf(day)).toEqual(expected);
        expect(nextCivil(civilOf(day))).toEqual(civilOf(day + 1));
        expect(dayOfCivil(expected.year, expected.month, expected.day)).toBe(day);
      }),
    );
  });

  it('[issue 3] format then parse is the identity for any instant 1976–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => {
        expect(parseIsoInstant(formatIsoInstant(t))).toBe(t);
      }),
    );
  });
});
