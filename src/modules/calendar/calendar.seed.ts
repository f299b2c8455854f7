// The province's calendar from day one (every deployment, not only the demo): on each start, after the
// migrations, make sure the default calendar exists (Monday–Friday 07:00–11:30 and 13:30–17:00 from
// 2025-01-01, legal digest §7.4) and that the current year ± 1 have days off. Missing years get the
// computed proposal (BLLĐ 2019 Điều 111–112), marked "proposed": the official Tết and National Day
// days are decided each year (Điều 112 khoản 3), so an administrator confirms or replaces them.
// Idempotent and safe with several instances starting together (advisory lock, re-check inside).
import { sql, type Transaction } from 'kysely';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import {
  calendarInForce,
  DEFAULT_WEEKLY_SCHEDULE,
  parseIsoDate,
  proposeHolidays,
} from '../../domain/working-time/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, SYSTEM_ACTOR } from '../auth/actor.ts';
import { type Executor, findDefaultCalendarId, loadStoredCalendar } from './calendar.repository.ts';
import {
  bumpRevision,
  insertCalendar,
  insertVersion,
  insertYear,
  upsertDay,
} from './calendar-changes.repository.ts';

const SEED_LOCK = 7_300_005;
const DEFAULT_EFFECTIVE_FROM = '2025-01-01';
const DEFAULT_DAILY_MINUTES = 480;

async function missingYears(db: Executor, years: number[]): Promise<number[] | 'no-calendar'> {
  const id = await findDefaultCalendarId(db);
  if (!id) {
    return 'no-calendar';
  }
  const rows = await db
    .selectFrom('workingCalendarYears')
    .select('year')
    .where('calendarId', '=', id)
    .where('year', 'in', years)
    .execute();
  const present = new Set(rows.map((r) => r.year));
  return years.filter((y) => !present.has(y));
}

/**
 * Adds the computed proposal of `year` to a calendar (dates an administrator already entered are kept)
 * and marks the year "proposed". Returns the number of days added. Caller audits.
 */
export async function addYearProposal(
  trx: Transaction<Database>,
  calendarId: string,
  year: number,
): Promise<number> {
  const stored = await loadStoredCalendar(trx, calendarId);
  const janFirst = parseIsoDate(`${year}-01-01`) ?? 0;
  const weekly = calendarInForce(stored?.versions ?? [], janFirst)?.weekly ?? DEFAULT_WEEKLY_SCHEDULE;
  const proposal = proposeHolidays(year, { weekly });
  const taken = new Set(stored?.days.map((d) => d.date));
  let added = 0;
  for (const day of proposal.ok ? proposal.value.nonWorkingDays : []) {
    if (taken.has(day.date)) {
      continue;
    }
    await upsertDay(trx, calendarId, {
      date: day.date,
      kind: day.kind,
      name: day.name,
      legalBasis: day.legalBasis ?? null,
      source: 'proposal',
      periods: [],
    });
    added++;
  }
  await insertYear(trx, calendarId, year, 'proposed', null);
  return added;
}

export async function ensureDefaultCalendar(
  db: Db,
  options: { today?: string; actor?: Actor } = {},
): Promise<{ created: boolean; proposedYears: number[] }> {
  const year = Number((options.today ?? todayInVietnam()).slice(0, 4));
  const years = [year - 1, year, year + 1];
  const quick = await missingYears(db, years);
  if (quick !== 'no-calendar' && quick.length === 0) {
    return { created: false, proposedYears: [] };
  }
  const actor = options.actor ?? SYSTEM_ACTOR;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    let calendarId = await findDefaultCalendarId(trx);
    const created = calendarId === undefined;
    if (calendarId === undefined) {
      calendarId = await insertCalendar(trx, null);
      await insertVersion(trx, {
        calendarId,
        effectiveFrom: DEFAULT_EFFECTIVE_FROM,
        dailyWorkingMinutes: DEFAULT_DAILY_MINUTES,
        note: 'Mặc định: thứ Hai–thứ Sáu, 07:00–11:30 và 13:30–17:00 (QĐ 188/1999/QĐ-TTg, tuần 40 giờ)',
        weekly: DEFAULT_WEEKLY_SCHEDULE,
        createdBy: null,
      });
      await appendAudit(trx, {
        ...actor,
        action: 'calendar.create',
        resourceType: 'working_calendar',
        resourceId: calendarId,
        details: { default: true, effectiveFrom: DEFAULT_EFFECTIVE_FROM, dailyWorkingMinutes: 480 },
      });
    }
    const missing = await missingYears(trx, years);
    const proposedYears: number[] = [];
    for (const y of missing === 'no-calendar' ? [] : missing) {
      const added = await addYearProposal(trx, calendarId, y);
      proposedYears.push(y);
      await appendAudit(trx, {
        ...actor,
        action: 'calendar.year.propose',
        resourceType: 'working_calendar',
        resourceId: calendarId,
        details: { year: y, daysAdded: added, status: 'proposed' },
      });
    }
    await bumpRevision(trx, calendarId);
    return { created, proposedYears };
  });
}
