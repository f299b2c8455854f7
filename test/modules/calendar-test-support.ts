// Helpers of the calendar integration tests (not tests themselves).
import { todayInVietnam } from '../../src/domain/time/vietnam-date.ts';
import { formatIsoDate, parseIsoDate } from '../../src/domain/working-time/index.ts';
import type { TestSystem } from '../helpers/test-system.ts';

export function shiftDate(date: string, days: number): string {
  const day = parseIsoDate(date);
  if (day === undefined) {
    throw new Error(`bad date in test: ${date}`);
  }
  return formatIsoDate(day + days);
}

/** The audit rows of calendar changes (optionally one action), oldest first. */
export async function auditActions(system: TestSystem, action?: string) {
  let query = system.database.db
    .selectFrom('auditLog')
    .select(['action', 'actorLabel', 'resourceId', 'details'])
    .where('resourceType', '=', 'working_calendar')
    .orderBy('id');
  if (action) {
    query = query.where('action', '=', action);
  }
  return query.execute();
}

/**
 * A Monday at least `minDaysAhead` days after today (admin changes to working hours only apply from
 * today on) such that the week before and the two weeks from it have no dated entry in the province
 * calendar, so tests on "ordinary" weeks do not depend on the date they run.
 */
export async function futureQuietWeek(system: TestSystem, minDaysAhead: number) {
  let day = parseIsoDate(todayInVietnam()) ?? 0;
  day += minDaysAhead;
  while ((day + 4) % 7 !== 1) {
    day += 1;
  }
  for (let tries = 0; tries < 60; tries++, day += 7) {
    const years = new Set([formatIsoDate(day - 7), formatIsoDate(day + 13)].map((d) => d.slice(0, 4)));
    const dated: string[] = [];
    for (const year of years) {
      const response = await system.app.inject({ url: `/api/v1/calendar/non-working-days?year=${year}` });
      const body = JSON.parse(response.body) as { days: { date: string }[]; workingDays: { date: string }[] };
      dated.push(...body.days.map((d) => d.date), ...body.workingDays.map((d) => d.date));
    }
    const first = formatIsoDate(day - 7);
    const last = formatIsoDate(day + 13);
    if (!dated.some((d) => d >= first && d <= last)) {
      const monday = formatIsoDate(day);
      return { monday, friday: shiftDate(monday, 4), saturday: shiftDate(monday, 5) };
    }
  }
  throw new Error('no quiet week found');
}
