// Bilingual explanation of a due time (issue 3 "Explanation"): officers and citizens dispute appointments,
// so each due time says where counting started (R30: moved to the next working period), what was counted,
// which days off were skipped (with their names and legal basis; weekly days off are only counted) and the
// due time. Vietnamese first; dates dd/mm/yyyy, times HH:mm in Vietnam time.

import type { LocalizedText, NonWorkingDayKind } from './calendar-model.ts';
import type { EpochMs } from './civil-time.ts';
import { formatDateVn, formatTimeVn, localDayOf, msOfLocalDay } from './civil-time.ts';

export type DurationUnit = 'workingDays' | 'workingHours' | 'workingMinutes' | 'calendarDays';

export interface Duration {
  unit: DurationUnit;
  value: number;
}

export interface SkippedDay {
  date: string;
  /** `weekly` = a weekly day off with no dated entry. */
  kind: 'weekly' | NonWorkingDayKind;
  name?: LocalizedText;
  legalBasis?: string;
}

export interface CountedMakeUpDay {
  date: string;
  name: LocalizedText;
  legalBasis?: string;
}

/** Everything explainDue needs; computeDue returns it together with the explanation. */
export interface DueTrace {
  from: EpochMs;
  start: EpochMs;
  due: EpochMs;
  duration: Duration;
  dailyWorkingMinutes: number;
  /** Working days: days off from `from`'s date to the due date. Calendar days: the days the due moved over. */
  skipped: readonly SkippedDay[];
  makeUpDays: readonly CountedMakeUpDay[];
  /** Calendar days only: the last day before any move (Điều 148). */
  lastDay?: string;
}

function numberText(value: number, decimal: ',' | '.'): string {
  if (Number.isInteger(value)) {
    return String(value);
  }
  const text = String(Number(value.toFixed(2)));
  return decimal === ',' ? text.replace('.', ',') : text;
}

/** `HH:mm ngày dd/mm/yyyy`, writing a midnight that ends a day as 24:00 of that day. */
function at(instant: EpochMs, endOfDay: boolean): { time: string; date: string } {
  if (endOfDay && msOfLocalDay(instant) === 0) {
    return { time: '24:00', date: formatDateVn(localDayOf(instant) - 1) };
  }
  return { time: formatTimeVn(instant), date: formatDateVn(localDayOf(instant)) };
}

/** `yyyy-mm-dd` → `dd/mm/yyyy`. */
function dateOf(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function durationText(trace: DueTrace): LocalizedText {
  const { unit, value } = trace.duration;
  const minutes =
    unit === 'workingDays' ? value * trace.dailyWorkingMinutes : unit === 'workingHours' ? value * 60 : value;
  const hoursVi = numberText(minutes / 60, ',');
  const hoursEn = numberText(minutes / 60, '.');
  switch (unit) {
    case 'workingDays':
      return {
        vi: `${numberText(value, ',')} ngày làm việc (${hoursVi} giờ làm việc; 1 ngày làm việc = ${numberText(trace.dailyWorkingMinutes / 60, ',')} giờ)`,
        en: `${numberText(value, '.')} working day(s) (${hoursEn} working hours; 1 working day = ${numberText(trace.dailyWorkingMinutes / 60, '.')} h)`,
      };
    case 'workingHours':
      return { vi: `${hoursVi} giờ làm việc`, en: `${hoursEn} working hour(s)` };
    case 'workingMinutes':
      return {
        vi: `${numberText(value, ',')} phút làm việc`,
        en: `${numberText(value, '.')} working minute(s)`,
      };
    case 'calendarDays':
      return { vi: `${value} ngày theo lịch`, en: `${value} calendar day(s)` };
  }
}

function skippedText(trace: DueTrace): LocalizedText | undefined {
  const weekly = trace.skipped.filter((d) => d.kind === 'weekly').length;
  const named = trace.skipped.filter((d) => d.kind !== 'weekly');
  if (weekly === 0 && named.length === 0) {
    return undefined;
  }
  const namedVi = named.map((d) => `${dateOf(d.date)} – ${d.name?.vi ?? ''}`).join('; ');
  const namedEn = named.map((d) => `${dateOf(d.date)} – ${d.name?.en ?? ''}`).join('; ');
  const partsVi = [
    ...(weekly > 0 ? [`${weekly} ngày nghỉ hằng tuần`] : []),
    ...(named.length > 0 ? [`các ngày nghỉ ${namedVi}`] : []),
  ];
  const partsEn = [
    ...(weekly > 0 ? [`${weekly} weekly day(s) off`] : []),
    ...(named.length > 0 ? [`the days off ${namedEn}`] : []),
  ];
  return { vi: partsVi.join(' và '), en: partsEn.join(' and ') };
}

/** A short explanation of how `trace.due` was obtained, Vietnamese first. */
export function explainDue(trace: DueTrace): LocalizedText {
  const vi: string[] = [];
  const en: string[] = [];
  const from = at(trace.from, false);
  const start = at(trace.start, false);
  const dur = durationText(trace);
  const skipped = skippedText(trace);
  if (trace.duration.unit === 'calendarDays') {
    const last = trace.lastDay === undefined ? '' : dateOf(trace.lastDay);
    vi.push(
      `Nhận lúc ${from.time} ngày ${from.date}; thời hạn ${dur.vi}, không tính ngày nhận, bắt đầu từ ngày ${start.date} (Bộ luật Dân sự 2015, Điều 147); ngày cuối cùng là ${last}.`,
    );
    en.push(
      `Received at ${from.time} on ${from.date}; the period of ${dur.en} does not count that day and starts on ${start.date} (Civil Code 2015, Article 147); its last day is ${last}.`,
    );
    if (skipped) {
      vi.push(
        `Ngày cuối cùng rơi vào ngày nghỉ (${skipped.vi}) nên hạn chuyển sang ngày làm việc tiếp theo (Điều 148).`,
      );
      en.push(
        `The last day falls on a day off (${skipped.en}), so the period ends on the next working day (Article 148).`,
      );
    }
  } else {
    if (trace.start !== trace.from) {
      vi.push(
        `Nhận lúc ${from.time} ngày ${from.date}, ngoài giờ làm việc, nên bắt đầu tính từ ${start.time} ngày ${start.date}.`,
      );
      en.push(
        `Received at ${from.time} on ${from.date}, outside working hours, so counting starts at ${start.time} on ${start.date}.`,
      );
    } else {
      vi.push(`Bắt đầu tính từ ${start.time} ngày ${start.date}.`);
      en.push(`Counting starts at ${start.time} on ${start.date}.`);
    }
    vi.push(`Tính ${dur.vi}.`);
    en.push(`Counted ${dur.en}.`);
    if (skipped) {
      vi.push(`Không tính ${skipped.vi}.`);
      en.push(`Skipped ${skipped.en}.`);
    }
  }
  if (trace.makeUpDays.length > 0) {
    vi.push(
      `Có tính ngày làm bù ${trace.makeUpDays.map((d) => `${dateOf(d.date)} – ${d.name.vi}`).join('; ')}.`,
    );
    en.push(
      `Counted the make-up working day(s) ${trace.makeUpDays.map((d) => `${dateOf(d.date)} – ${d.name.en}`).join('; ')}.`,
    );
  }
  const due = at(trace.due, trace.due > trace.start);
  vi.push(`Hạn: ${due.time} ngày ${due.date}.`);
  en.push(`Due at ${due.time} on ${due.date}.`);
  return { vi: vi.join(' '), en: en.join(' ') };
}
