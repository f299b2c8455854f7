import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from './civil-time.ts';
import { leapMonthOf, lunarToSolar, solarToLunar } from './lunar-calendar.ts';

function solar(year: number, month: number, day: number, leap = false): string | undefined {
  const d = lunarToSolar({ year, month, day, leap });
  return d === undefined ? undefined : formatIsoDate(d);
}

function lunarOf(iso: string) {
  const day = parseIsoDate(iso);
  if (day === undefined) {
    throw new Error(iso);
  }
  return solarToLunar(day);
}

describe('Vietnamese lunar calendar (UTC+7, Hồ Ngọc Đức method)', () => {
  // Legal-digest §7.3 and stack-probe "Lunar calendar check"; the 2020–2025 dates are the official Tết days.
  it.each([
    [1985, '1985-01-21'], // Vietnam ≠ China (20/2)
    [2007, '2007-02-17'], // Vietnam ≠ China (18/2)
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-02'], // Vietnam ≠ China (3/2)
  ])('[Điều 112.1.b] Tết Nguyên Đán %i is %s', (year, expected) => {
    expect(solar(year, 1, 1)).toBe(expected);
    expect(lunarOf(expected)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it.each([
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
  ])('[Điều 112.1.e] Giỗ Tổ Hùng Vương (10/3 âm lịch) %i is %s', (year, expected) => {
    expect(solar(year, 3, 10)).toBe(expected);
  });

  it('[Điều 112.1.b] the day before Tết 2026 is the 29th of the 12th month of the previous lunar year', () => {
    expect(lunarOf('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(lunarOf('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
  });

  it('[§7.3] leap months: 2020 month 4, 2023 month 2, 2025 month 6; 2024 and 2026 have none', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2024)).toBeUndefined();
    expect(leapMonthOf(2026)).toBeUndefined();
    // The leap 6th month of 2025 began on 25/7/2025, right after the regular 6th month.
    expect(solar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarOf('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
  });

  it('[§7.3] a lunar date that does not exist gives undefined instead of a wrong day', () => {
    expect(solar(2026, 3, 1, true)).toBeUndefined(); // 2026 has no leap month
    expect(solar(2026, 13, 1)).toBeUndefined();
    expect(solar(2026, 1, 31)).toBeUndefined();
    const months = [...Array(12).keys()].map((i) => i + 1);
    const thirties = months.filter((m) => solar(2026, m, 30) !== undefined).length;
    expect(thirties).toBeGreaterThan(3); // some months have 30 days…
    expect(thirties).toBeLessThan(12); // …and some only 29
  });
});
