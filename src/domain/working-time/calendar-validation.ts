// Checks a working calendar before any arithmetic, so bad data gives a clear answer instead of wrong due
// dates or an endless search (issue 3 "Quality bar"; R30 needs a well-formed calendar of working time).

import type { LocalizedText, WorkingCalendar, WorkingPeriod } from './calendar-model.ts';
import { WEEKDAYS } from './calendar-model.ts';
import { MINUTES_PER_DAY, parseIsoDate } from './civil-time.ts';
import type { CalendarIssue } from './outcome.ts';

function issue(path: string, vi: string, en: string): CalendarIssue {
  return { path, message: { vi, en } };
}

function checkPeriods(
  path: string,
  periods: readonly WorkingPeriod[] | undefined,
  out: CalendarIssue[],
): void {
  if (!Array.isArray(periods)) {
    out.push(issue(path, 'phải là danh sách khoảng thời gian làm việc', 'must be a list of working periods'));
    return;
  }
  let previousEnd = -1;
  periods.forEach((p, i) => {
    const at = `${path}[${i}]`;
    const { start, end } = p;
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end > MINUTES_PER_DAY ||
      start >= end
    ) {
      out.push(
        issue(
          at,
          'giờ bắt đầu và kết thúc phải là số phút 0–1440, bắt đầu trước kết thúc',
          'start and end must be minutes 0–1440 with start before end',
        ),
      );
      return;
    }
    if (start < previousEnd) {
      out.push(
        issue(
          at,
          'các khoảng phải theo thứ tự và không chồng nhau',
          'periods must be in order and must not overlap',
        ),
      );
    }
    previousEnd = end;
  });
}

function checkName(path: string, name: LocalizedText | undefined, out: CalendarIssue[]): void {
  if (typeof name?.vi !== 'string' || name.vi.trim() === '' || typeof name.en !== 'string') {
    out.push(issue(path, 'cần tên tiếng Việt (và tiếng Anh)', 'needs a Vietnamese (and English) name'));
  }
}

/** All problems found in a calendar; an empty list means it can be used. */
export function validateCalendar(calendar: WorkingCalendar): readonly CalendarIssue[] {
  const out: CalendarIssue[] = [];
  if (parseIsoDate(calendar.effectiveFrom) === undefined) {
    out.push(issue('effectiveFrom', 'phải là ngày dạng yyyy-mm-dd', 'must be a yyyy-mm-dd date'));
  }
  const daily = calendar.dailyWorkingMinutes;
  if (!Number.isInteger(daily) || daily <= 0 || daily > MINUTES_PER_DAY) {
    out.push(
      issue(
        'dailyWorkingMinutes',
        'phải là số phút nguyên dương ≤ 1440',
        'must be a positive whole number of minutes ≤ 1440',
      ),
    );
  }
  let weeklyMinutes = 0;
  for (const weekday of WEEKDAYS) {
    const periods = calendar.weekly?.[weekday];
    checkPeriods(`weekly.${weekday}`, periods, out);
    for (const p of Array.isArray(periods) ? periods : []) {
      weeklyMinutes += Math.max(0, p.end - p.start);
    }
  }
  const seen = new Map<number, string>();
  calendar.nonWorkingDays.forEach((d, i) => {
    const at = `nonWorkingDays[${i}]`;
    const day = parseIsoDate(d.date);
    if (day === undefined) {
      out.push(issue(`${at}.date`, 'phải là ngày dạng yyyy-mm-dd', 'must be a yyyy-mm-dd date'));
    } else if (seen.has(day)) {
      out.push(issue(`${at}.date`, `ngày ${d.date} bị khai báo hai lần`, `${d.date} is listed twice`));
    } else {
      seen.set(day, at);
    }
    if (!['holiday', 'compensatory', 'ad-hoc'].includes(d.kind)) {
      out.push(
        issue(
          `${at}.kind`,
          'phải là holiday, compensatory hoặc ad-hoc',
          'must be holiday, compensatory or ad-hoc',
        ),
      );
    }
    checkName(`${at}.name`, d.name, out);
  });
  calendar.makeUpWorkingDays.forEach((d, i) => {
    const at = `makeUpWorkingDays[${i}]`;
    const day = parseIsoDate(d.date);
    if (day === undefined) {
      out.push(issue(`${at}.date`, 'phải là ngày dạng yyyy-mm-dd', 'must be a yyyy-mm-dd date'));
    } else if (seen.has(day)) {
      out.push(
        issue(
          `${at}.date`,
          `ngày ${d.date} vừa là ngày nghỉ vừa là ngày làm bù (hoặc bị lặp)`,
          `${d.date} is both a day off and a make-up day (or listed twice)`,
        ),
      );
    } else {
      seen.set(day, at);
    }
    checkName(`${at}.name`, d.name, out);
    if (d.asWeekday !== undefined && !WEEKDAYS.includes(d.asWeekday)) {
      out.push(issue(`${at}.asWeekday`, 'phải là sun…sat', 'must be sun…sat'));
    }
    const periods = d.periods ?? calendar.weekly?.[d.asWeekday ?? 'mon'];
    checkPeriods(`${at}.periods`, periods, out);
    if (Array.isArray(periods) && periods.length === 0) {
      out.push(
        issue(`${at}.periods`, 'ngày làm bù phải có giờ làm việc', 'a make-up day needs working periods'),
      );
    }
  });
  if (weeklyMinutes === 0 && calendar.makeUpWorkingDays.length === 0) {
    out.push(issue('weekly', 'lịch không có giờ làm việc nào', 'the calendar has no working periods at all'));
  }
  return out;
}
