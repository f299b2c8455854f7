// Vietnamese lunisolar calendar (âm lịch), needed for Tết Nguyên Đán and Giỗ Tổ Hùng Vương
// (Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b, e). Written in-house from the published method of
// Hồ Ngọc Đức ("Thuật toán tính âm lịch"), itself based on J. Meeus, Astronomical Algorithms:
// - a lunar month starts on the local day of a new moon (mean new moon k plus periodic corrections);
// - month 11 is the month that contains the winter solstice (sun longitude 270°);
// - a year with 13 months between two months 11 has one leap month: the first month after month 11
//   during which the sun does not enter a new 30° sector (no major solar term, "trung khí");
// - all days are counted in the fixed Vietnamese time zone UTC+7. China uses UTC+8, which is why some
//   years differ (Tết 1985, 2007, 2030: legal-digest §7.3; stack-probe "Lunar calendar check").
// Checked against known dates for 1900–2100 (lunar-calendar.test.ts); outside that range use with care.
// The engine only *proposes* lunar holidays; administrators confirm them (legal-digest §7.3).

import type { EpochDay } from './civil-time.ts';

export interface LunarDate {
  year: number;
  /** 1…12; a leap month repeats the number of the month before it. */
  month: number;
  day: number;
  leap: boolean;
}

const TIME_ZONE_HOURS = 7;
/** Julian Day Number of 1970-01-01 (the day whose noon is JD 2440588.0). */
const JDN_OF_EPOCH_DAY_0 = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
/** Mean new moon k = 0 of the series (1900-01-01 13:52 UT), as a Julian Day. */
const NEW_MOON_0 = 2_415_021.076998695;
const RAD = Math.PI / 180;

/** Julian Ephemeris Day of new moon number k (k = 0 near 1900-01-01), Meeus' series with ΔT removed. */
function newMoonJd(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const meanPhase =
    2_415_020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const moonLatitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * moonLatitudeArg) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * moonLatitudeArg + sunAnomaly) -
    0.0004 * Math.sin(2 * moonLatitudeArg - sunAnomaly) -
    0.0006 * Math.sin(2 * moonLatitudeArg + moonAnomaly) +
    0.001 * Math.sin(2 * moonLatitudeArg - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // ΔT = TT − UT in days, two polynomial fits (before and after ~1900).
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return meanPhase + correction - deltaT;
}

/** Julian Day Number of the UTC+7 local day on which new moon k falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** Apparent sun longitude in radians, [0, 2π), at Julian Day `jd` (UT), Meeus' low-precision formula. */
function sunLongitude(jd: number): number {
  const t = (jd - 2_451_545.0) / 36_525;
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * RAD;
  const turn = 2 * Math.PI;
  return longitude - turn * Math.floor(longitude / turn);
}

/** Which 30° sector (0…11) the sun is in at local midnight starting day `jdn`; 9 = from 270° (solstice). */
function sunSector(jdn: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / (Math.PI / 6));
}

/** Index k of the new moon that starts the lunar month beginning on local day `jdn`. */
function newMoonIndexOf(jdn: number): number {
  return Math.floor((jdn - NEW_MOON_0) / SYNODIC_MONTH + 0.5);
}

/** First day (JDN) of lunar month 11 of Gregorian year `year`: the month holding the December solstice. */
function month11Start(year: number): number {
  const dec31 = JDN_OF_EPOCH_DAY_0 + Date.UTC(year, 11, 31) / 86_400_000;
  const k = Math.floor((dec31 - 2_415_021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // If the sun is already past 270° when that month begins, the solstice fell in the month before.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

interface LunarMonth {
  start: number;
  length: number;
  month: number;
  leap: boolean;
  /** The lunar year the month belongs to (months 11 and 12 belong to the year before). */
  year: number;
}

/** The 12 or 13 lunar months from month 11 of `year − 1` up to (excluding) month 11 of `year`. */
function solsticeYear(year: number): readonly LunarMonth[] {
  const cached = segmentCache.get(year);
  if (cached) {
    return cached;
  }
  const first = month11Start(year - 1);
  const next = month11Start(year);
  const k0 = newMoonIndexOf(first);
  const count = next - first > 365 ? 13 : 12;
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    starts.push(i === 0 ? first : newMoonDay(k0 + i));
  }
  starts.push(next);
  let leapIndex = -1;
  if (count === 13) {
    // The leap month is the first month whose start and end lie in the same sun sector.
    for (let i = 1; i < 13 && leapIndex < 0; i++) {
      if (sunSector(newMoonDay(k0 + i)) === sunSector(newMoonDay(k0 + i + 1))) {
        leapIndex = i;
      }
    }
  }
  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
    const month = ((10 + ordinal) % 12) + 1;
    const start = starts[i] ?? 0;
    const end = starts[i + 1] ?? start;
    months.push({
      start,
      length: end - start,
      month,
      leap: i === leapIndex,
      year: month >= 11 ? year - 1 : year,
    });
  }
  segmentCache.set(year, months);
  return months;
}

const segmentCache = new Map<number, readonly LunarMonth[]>();

/** Lunar date of a Vietnam local date. */
export function solarToLunar(day: EpochDay): LunarDate {
  const jdn = day + JDN_OF_EPOCH_DAY_0;
  const year = new Date(day * 86_400_000).getUTCFullYear();
  const segment = solsticeYear(jdn >= month11Start(year) ? year + 1 : year);
  let found = segment[0];
  for (const month of segment) {
    if (month.start <= jdn) {
      found = month;
    }
  }
  if (!found) {
    return { year, month: 1, day: 1, leap: false };
  }
  return { year: found.year, month: found.month, day: jdn - found.start + 1, leap: found.leap };
}

/**
 * Vietnam local date of a lunar date, or undefined when it does not exist: a leap month the year does not
 * have, day 30 of a 29-day month, or an out-of-range field.
 */
export function lunarToSolar(date: LunarDate): EpochDay | undefined {
  const { year, month, day, leap } = date;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    return undefined;
  }
  if (year < 1000 || year > 9998) {
    return undefined;
  }
  const segment = solsticeYear(month >= 11 ? year + 1 : year);
  const found = segment.find((m) => m.month === month && m.leap === leap);
  if (!found || day > found.length) {
    return undefined;
  }
  return found.start + day - 1 - JDN_OF_EPOCH_DAY_0;
}

/** The leap month (1…12) of a lunar year, or undefined when the year has none. */
export function leapMonthOf(year: number): number | undefined {
  for (const segmentYear of [year, year + 1]) {
    for (const m of solsticeYear(segmentYear)) {
      if (m.leap && m.year === year) {
        return m.month;
      }
    }
  }
  return undefined;
}
