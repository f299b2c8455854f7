import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_SCHEDULE, DEFAULT_WORKDAY_PERIODS } from './calendar-model.ts';
import { proposeHolidays } from './holidays.ts';
import { unwrap } from './test-support.ts';

function proposal(year: number, options: Parameters<typeof proposeHolidays>[1] = {}) {
  return unwrap(proposeHolidays(year, options)).nonWorkingDays;
}

function datesOf(year: number, kind: 'holiday' | 'compensatory', options = {}): string[] {
  return proposal(year, options)
    .filter((d) => d.kind === kind)
    .map((d) => d.date);
}

describe('holiday proposal (Bộ luật Lao động 2019 Điều 111–112)', () => {
  it('[Điều 112] 2026: 1/1, Tết 16–20/2, Giỗ Tổ 26/4, 30/4, 1/5, 1–2/9, each with name and legal basis', () => {
    expect(datesOf(2026, 'holiday')).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    for (const day of proposal(2026)) {
      expect(day.name.vi).not.toBe('');
      expect(day.name.en).not.toBe('');
      expect(day.legalBasis).toMatch(/^Bộ luật Lao động 2019, Điều 11[12] khoản [13]/);
    }
    const gioTo = proposal(2026).find((d) => d.date === '2026-04-26');
    expect(gioTo?.name.vi).toContain('Giỗ Tổ Hùng Vương');
    expect(gioTo?.legalBasis).toBe('Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e');
  });

  it('[Điều 111.3] Giỗ Tổ 2026 falls on a Sunday: Monday 27/4 is the compensatory day', () => {
    expect(datesOf(2026, 'compensatory')).toEqual(['2026-04-27']);
    const comp = proposal(2026).find((d) => d.date === '2026-04-27');
    expect(comp?.name.vi).toContain('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(comp?.legalBasis).toBe('Bộ luật Lao động 2019, Điều 111 khoản 3');
  });

  it('[Điều 111.3] 01/01/2017 was a Sunday: civil servants were off Monday 02/01/2017 (legal-digest §7.2)', () => {
    expect(datesOf(2017, 'compensatory')).toContain('2017-01-02');
  });

  it('[Điều 111.3] 30/4–1/5/2022 on Saturday–Sunday give Monday 2/5 and Tuesday 3/5', () => {
    // 2022 also had 1/1 on a Saturday and Giỗ Tổ (10/4) on a Sunday.
    expect(datesOf(2022, 'compensatory')).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
  });

  it('[Điều 111.3] Tết 2027 over a weekend (5–9/2, Fri–Tue) chains to Wednesday 10/2 and Thursday 11/2', () => {
    const tet = proposal(2027).filter((d) => d.date >= '2027-02-01' && d.date <= '2027-02-28');
    expect(tet.map((d) => [d.date, d.kind])).toEqual([
      ['2027-02-05', 'holiday'],
      ['2027-02-06', 'holiday'],
      ['2027-02-07', 'holiday'],
      ['2027-02-08', 'holiday'],
      ['2027-02-09', 'holiday'],
      ['2027-02-10', 'compensatory'],
      ['2027-02-11', 'compensatory'],
    ]);
  });

  it('[Điều 112.1.đ] the day joined to 2/9 is a parameter: 3/9 when "after"', () => {
    const after = datesOf(2026, 'holiday', { nationalDayExtra: 'after' });
    expect(after).toContain('2026-09-03');
    expect(after).not.toContain('2026-09-01');
  });

  it('[Điều 112.1.b] Tết always has 5 days; tetDaysBefore moves the window', () => {
    for (const before of [0, 1, 2, 3, 4]) {
      const tet = proposal(2026, { tetDaysBefore: before }).filter((d) =>
        d.name.vi.startsWith('Tết Nguyên Đán'),
      );
      expect(tet).toHaveLength(5);
      expect(tet[before]?.date).toBe('2026-02-17');
    }
    expect(proposeHolidays(2026, { tetDaysBefore: 5 }).ok).toBe(false);
  });

  it('[Điều 111.3] with a six-day week only Sundays are weekly days off', () => {
    const sixDays = { ...DEFAULT_WEEKLY_SCHEDULE, sat: DEFAULT_WORKDAY_PERIODS };
    // Saturdays 1/1 and 30/4/2022 are working days here; Sundays 10/4 and 1/5 still give Mondays off.
    expect(datesOf(2022, 'compensatory', { weekly: sixDays })).toEqual(['2022-04-11', '2022-05-02']);
  });

  it('[issue 3] years outside 1976–2199 are refused', () => {
    expect(proposeHolidays(1960).ok).toBe(false);
  });
});
