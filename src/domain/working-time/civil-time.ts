// Vietnam civil time (giờ Việt Nam). Every working-time rule is evaluated in Asia/Ho_Chi_Minh, whatever
// the server's time zone (issue 3 "Rules"; security goal 37). Since 13/06/1975 that zone is a fixed UTC+7
// with no daylight saving; the earlier UTC+8 history is deliberately ignored, so this engine is for
// current dates only (see SUPPORTED_* below).
//
// Representations:
// - an instant is epoch milliseconds (`EpochMs`), as from `Date.prototype.getTime()`;
// - a local date is an epoch-day integer (`EpochDay`, days since 1970-01-01 in Vietnam) or `yyyy-mm-dd`.
// Conversions are integer arithmetic on epoch milliseconds shifted by +7 h: never getHours(),
// new Date(y, m, d) or anything else that reads the process time zone.

export type EpochMs = number;
export type EpochDay = number;

export const VIETNAM_UTC_OFFSET_MINUTES = 420;
export const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_DAY = 1_440;
export const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Vietnam date of an instant, as days since 1970-01-01. */
export function localDayOf(instant: EpochMs): EpochDay {
  return Math.floor((instant + OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds elapsed since Vietnam midnight of the instant's local date (0 ≤ result < MS_PER_DAY). */
export function msOfLocalDay(instant: EpochMs): number {
  return instant + OFFSET_MS - localDayOf(instant) * MS_PER_DAY;
}

/** The instant at `minuteOfDay` (may be 1440 = the next midnight) on a Vietnam local date. */
export function instantAt(day: EpochDay, minuteOfDay: number): EpochMs {
  return day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE - OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

// Integer civil-date conversions (H. Hinnant's days_from_civil / civil_from_days), proleptic Gregorian:
// no Date object in the hot path, and no dependence on any time zone.
export function civilOf(day: EpochDay): CivilDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

function daysFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The civil date of the next day (cheaper than civilOf when walking day by day). */
export function nextCivil(date: CivilDate): CivilDate {
  if (date.day < daysInMonth(date.year, date.month)) {
    return { year: date.year, month: date.month, day: date.day + 1 };
  }
  return date.month === 12
    ? { year: date.year + 1, month: 1, day: 1 }
    : { year: date.year, month: date.month + 1, day: 1 };
}

/** Epoch day of a proleptic Gregorian date, or undefined if the date does not exist (31/02, month 13…). */
export function dayOfCivil(year: number, month: number, day: number): EpochDay | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999 || month < 1 || month > 12) {
    return undefined;
  }
  const epochDay = daysFromCivil(year, month, day);
  const back = civilOf(epochDay);
  if (back.year !== year || back.month !== month || back.day !== day) {
    return undefined;
  }
  return epochDay;
}

/** Instants this engine accepts: local dates 1976-01-01 … 2200-12-31 (UTC+7 without exception). */
export const SUPPORTED_FIRST_DAY: EpochDay = daysFromCivil(1976, 1, 1);
export const SUPPORTED_LAST_DAY: EpochDay = daysFromCivil(2200, 12, 31);

export function isSupportedDay(day: EpochDay): boolean {
  return Number.isInteger(day) && day >= SUPPORTED_FIRST_DAY && day <= SUPPORTED_LAST_DAY;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n >= 1000 ? String(n) : String(n).padStart(4, '0');
}

/** `yyyy-mm-dd`. */
export function formatIsoDate(day: EpochDay): string {
  return formatCivilIso(civilOf(day));
}

export function formatCivilIso(c: CivilDate): string {
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `yyyy-mm-dd` into an epoch day; undefined when malformed or not a real date. */
export function parseIsoDate(text: string): EpochDay | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) {
    return undefined;
  }
  return dayOfCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** ISO 8601 in Vietnam time: `2026-02-13T17:00:00+07:00` (milliseconds only when not zero). */
export function formatIsoInstant(instant: EpochMs): string {
  const day = localDayOf(instant);
  const ms = msOfLocalDay(instant);
  const h = Math.floor(ms / 3_600_000);
  const min = Math.floor(ms / MS_PER_MINUTE) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const frac = ms % 1000;
  const fraction = frac === 0 ? '' : `.${String(frac).padStart(3, '0')}`;
  return `${formatIsoDate(day)}T${pad2(h)}:${pad2(min)}:${pad2(s)}${fraction}+07:00`;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 instant with an explicit offset (`Z`, `+07:00`, `-05:00`…). A time without an offset
 * is ambiguous and refused (undefined), as are impossible dates and times.
 */
export function parseIsoInstant(text: string): EpochMs | undefined {
  const m = ISO_INSTANT.exec(text);
  if (!m) {
    return undefined;
  }
  const day = dayOfCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (day === undefined || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const zone = m[8] ?? 'Z';
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) {
      return undefined;
    }
    offsetMinutes = sign * (oh * 60 + om);
  }
  return day * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/** `dd/mm/yyyy`, the Vietnamese administrative date format. */
export function formatDateVn(day: EpochDay): string {
  const c = civilOf(day);
  return `${pad2(c.day)}/${pad2(c.month)}/${pad4(c.year)}`;
}

/** `HH:mm` in Vietnam time; an instant at local midnight that ends a day is shown by the caller as 24:00. */
export function formatTimeVn(instant: EpochMs): string {
  const ms = msOfLocalDay(instant);
  return `${pad2(Math.floor(ms / 3_600_000))}:${pad2(Math.floor(ms / MS_PER_MINUTE) % 60)}`;
}

/** `HH:mm` from minutes of the day (0…1440). */
export function formatMinuteOfDay(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** Minutes of the day from `HH:mm` (`24:00` allowed as a period end), or undefined. */
export function parseMinuteOfDay(text: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) {
    return undefined;
  }
  const value = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && value <= MINUTES_PER_DAY ? value : undefined;
}
