// Date arithmetic of the calendar screen, on Vietnam civil dates (yyyy-mm-dd) with the engine's own
// time-zone-free helpers: the browser's time zone never shifts a day.
import {
  formatDateVn,
  formatIsoDate,
  parseIsoDate,
  weekdayOf,
} from '../../../src/domain/working-time/civil-time.ts';
import type { AdminDay, YearView } from '../../api/calendar.ts';

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function shiftIso(date: string, days: number): string {
  return formatIsoDate((parseIsoDate(date) ?? 0) + days);
}

/** `dd/mm/yyyy` of a `yyyy-mm-dd`. */
export function vnDate(date: string): string {
  return formatDateVn(parseIsoDate(date) ?? 0);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfIso(date: string): number {
  return weekdayOf(parseIsoDate(date) ?? 0);
}

/** Weeks of a month, Monday first (Vietnamese calendars start on Monday); null pads the edges. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = parseIsoDate(`${year}-${String(month).padStart(2, '0')}-01`) ?? 0;
  const next =
    month === 12
      ? (parseIsoDate(`${year + 1}-01-01`) ?? 0)
      : (parseIsoDate(`${year}-${String(month + 1).padStart(2, '0')}-01`) ?? 0);
  const lead = (weekdayOf(first) + 6) % 7;
  const cells: (string | null)[] = [...Array.from({ length: lead }, () => null)];
  for (let day = first; day < next; day++) {
    cells.push(formatIsoDate(day));
  }
  while (cells.length % 7 !== 0) {
    cells.push(null);
  }
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

export type DayClass = 'weekly' | AdminDay['kind'] | 'normal';

export interface DayInfo {
  date: string;
  cls: DayClass;
  entry: AdminDay | undefined;
}

/** What a date is in the year's view: its declared entry, else a weekly day off or a normal day. */
export function dayInfo(view: YearView, entries: ReadonlyMap<string, AdminDay>, date: string): DayInfo {
  const entry = entries.get(date);
  if (entry) {
    return { date, cls: entry.kind, entry };
  }
  const hours = [...view.hours].reverse().find((h) => h.from <= date) ?? view.hours[0];
  const key = WEEKDAY_KEYS[weekdayOfIso(date)] ?? 'sun';
  const off = hours ? hours.weekly[key].length === 0 : false;
  return { date, cls: off ? 'weekly' : 'normal', entry: undefined };
}

/** Now in Vietnam as `{ date: yyyy-mm-dd, time: HH:mm }` (UTC+7 whatever the browser's zone). */
export function nowInVietnam(now = Date.now()): { date: string; time: string } {
  const shifted = new Date(now + 7 * 3_600_000);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** `dd/mm/yyyy` (also d/m/yyyy, with . or -) → `yyyy-mm-dd`, or undefined when not a real date. */
export function parseVnDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) {
    return undefined;
  }
  const iso = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return parseIsoDate(iso) === undefined ? undefined : iso;
}

/** `HH:mm` on a 24-hour clock (`24:00` only when `allowMidnightEnd`). */
export function isTime(text: string, allowMidnightEnd = false): boolean {
  return /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(text) || (allowMidnightEnd && text === '24:00');
}
