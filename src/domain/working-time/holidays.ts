// Proposal of a year's public holidays, for an administrator to confirm or replace (legal-digest §7.1–7.3).
// - Bộ luật Lao động 2019 (45/2019/QH14) Điều 112 khoản 1: 1/1; Tết Âm lịch 5 days; 30/4; 1/5; Quốc khánh
//   2/9 plus one adjacent day; Giỗ Tổ Hùng Vương 10/3 âm lịch. Khoản 3: the Prime Minister fixes the exact
//   Tết and National Day days each year, so this is only a default (Tết: the last day of the lunar year and
//   the first four days of the new one; National Day: 1/9 unless `nationalDayExtra` says 'after').
// - Điều 111 khoản 3: a holiday that falls on a weekly day off gives a compensatory day off (nghỉ bù) on the
//   next working day; chains (Tết over a weekend, 30/4–1/5 on Saturday–Sunday) push further.
// Make-up Saturdays and official swaps are not derived here: they come from the yearly official notice.

import type { LocalizedText, NonWorkingDay, WeeklySchedule } from './calendar-model.ts';
import { DEFAULT_WEEKLY_SCHEDULE, WEEKDAYS } from './calendar-model.ts';
import type { EpochDay } from './civil-time.ts';
import { civilOf, dayOfCivil, formatDateVn, formatIsoDate, weekdayOf } from './civil-time.ts';
import { lunarToSolar, solarToLunar } from './lunar-calendar.ts';
import type { Outcome } from './outcome.ts';
import { failure, success } from './outcome.ts';

export interface HolidayProposalOptions {
  /** Weekly schedule used to find weekly days off (Điều 111.3); default Monday–Friday. */
  weekly?: WeeklySchedule;
  /** Which day joins 2/9: 'before' = 1/9 (default), 'after' = 3/9 (Điều 112.1.đ). */
  nationalDayExtra?: 'before' | 'after';
  /** Tết days taken before mùng 1 (0–4; default 1 = the last day of the lunar year). Total stays 5. */
  tetDaysBefore?: number;
}

export interface HolidayProposal {
  year: number;
  /** Holidays and compensatory days, sorted by date. */
  nonWorkingDays: NonWorkingDay[];
}

const BASIS_112 = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
const BASIS_111 = 'Bộ luật Lao động 2019, Điều 111 khoản 3';

interface Holiday {
  day: EpochDay;
  name: LocalizedText;
  legalBasis: string;
}

function fixed(year: number, month: number, day: number, name: LocalizedText, point: string): Holiday[] {
  const d = dayOfCivil(year, month, day);
  return d === undefined ? [] : [{ day: d, name, legalBasis: `${BASIS_112} điểm ${point}` }];
}

function tetHolidays(year: number, daysBefore: number): Holiday[] {
  const newYear = lunarToSolar({ year, month: 1, day: 1, leap: false });
  if (newYear === undefined) {
    return [];
  }
  const out: Holiday[] = [];
  for (let offset = -daysBefore; offset < 5 - daysBefore; offset++) {
    const day = newYear + offset;
    const lunar = solarToLunar(day);
    const name: LocalizedText =
      offset < 0
        ? {
            vi: `Tết Nguyên Đán (${lunar.day} tháng Chạp)`,
            en: `Lunar New Year (day ${lunar.day} of the 12th lunar month)`,
          }
        : { vi: `Tết Nguyên Đán (mùng ${lunar.day} tháng Giêng)`, en: `Lunar New Year (day ${lunar.day})` };
    out.push({ day, name, legalBasis: `${BASIS_112} điểm b` });
  }
  return out;
}

/** Proposed holidays and compensatory days of a Gregorian year. */
export function proposeHolidays(
  year: number,
  options: HolidayProposalOptions = {},
): Outcome<HolidayProposal> {
  const weekly = options.weekly ?? DEFAULT_WEEKLY_SCHEDULE;
  const daysBefore = options.tetDaysBefore ?? 1;
  if (!Number.isInteger(year) || year < 1976 || year > 2199) {
    return failure({ code: 'outOfRange' });
  }
  if (!Number.isInteger(daysBefore) || daysBefore < 0 || daysBefore > 4) {
    return failure({ code: 'invalidDuration' });
  }
  const gioTo = lunarToSolar({ year, month: 3, day: 10, leap: false });
  const nationalExtra = options.nationalDayExtra === 'after' ? 3 : 1;
  const holidays: Holiday[] = [
    ...fixed(year, 1, 1, { vi: 'Tết Dương lịch', en: "New Year's Day" }, 'a'),
    ...tetHolidays(year, daysBefore),
    ...(gioTo === undefined
      ? []
      : [
          {
            day: gioTo,
            name: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hung Kings Commemoration Day (10/3 lunar)' },
            legalBasis: `${BASIS_112} điểm e`,
          },
        ]),
    ...fixed(year, 4, 30, { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' }, 'c'),
    ...fixed(
      year,
      5,
      1,
      { vi: 'Ngày Quốc tế lao động (1/5)', en: "International Workers' Day (1 May)" },
      'd',
    ),
    ...fixed(year, 9, 2, { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' }, 'đ'),
    ...fixed(
      year,
      9,
      nationalExtra,
      {
        vi: `Quốc khánh (ngày liền kề, ${nationalExtra}/9)`,
        en: `National Day (adjacent day, ${nationalExtra} September)`,
      },
      'đ',
    ),
  ].sort((a, b) => a.day - b.day);

  const isWeeklyDayOff = (day: EpochDay): boolean => {
    const periods = weekly[WEEKDAYS[weekdayOf(day)] ?? 'sun'];
    return periods.length === 0;
  };
  const hasWorkingWeekday = WEEKDAYS.some((w) => weekly[w].length > 0);
  const taken = new Set(holidays.map((h) => h.day));
  const days: NonWorkingDay[] = holidays.map((h) => ({
    date: formatIsoDate(h.day),
    kind: 'holiday',
    name: h.name,
    legalBasis: h.legalBasis,
  }));
  for (const h of hasWorkingWeekday ? holidays : []) {
    if (!isWeeklyDayOff(h.day)) {
      continue;
    }
    // Điều 111.3: the next day that is neither a weekly day off, a holiday nor already a compensatory day.
    let d = h.day + 1;
    while (isWeeklyDayOff(d) || taken.has(d)) {
      d += 1;
    }
    taken.add(d);
    const c = civilOf(h.day);
    days.push({
      date: formatIsoDate(d),
      kind: 'compensatory',
      name: {
        vi: `Nghỉ bù ${h.name.vi} (ngày ${formatDateVn(h.day)} trùng ngày nghỉ hằng tuần)`,
        en: `Compensatory day off for ${h.name.en} (${c.day}/${c.month}/${c.year} fell on a weekly day off)`,
      },
      legalBasis: BASIS_111,
    });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return success({ year, nonWorkingDays: days });
}
