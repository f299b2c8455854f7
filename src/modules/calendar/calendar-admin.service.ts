// Calendar changes by system administrators (issue 3: holidays, make-up days and working hours through
// the back office; every change audited). Each use case is one transaction: the row change, the revision
// bump (cache invalidation on every instance), a validation of every calendar the change affects (the
// engine must accept them, else the change is refused and rolled back) and the audit record.
import type { Transaction } from 'kysely';
import { cleanLine } from '../../domain/text/vietnamese.ts';
import { todayInVietnam } from '../../domain/time/vietnam-date.ts';
import { type CalendarIssue, parseIsoDate, validateCalendar } from '../../domain/working-time/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { calendarErrors } from './calendar.errors.ts';
import { clearCalendarCache, engineCalendarsOf } from './calendar.loader.ts';
import { findDefaultCalendarId, listCalendarRows, loadStoredCalendar } from './calendar.repository.ts';
import { addYearProposal } from './calendar.seed.ts';
import { agencyIdOf } from './calendar.service.ts';
import type {
  AdminDay,
  CalendarSummary,
  CreateCalendarBody,
  DayBody,
  VersionBody,
  YearView,
} from './calendar-admin.schemas.ts';
import {
  getYearView,
  loadForAdmin,
  periodsOfInput,
  periodsText,
  weeklyOfInput,
} from './calendar-admin.views.ts';
import {
  bumpRevision,
  confirmProposedYear,
  deleteDay,
  deleteVersion,
  insertCalendar,
  insertVersion,
  insertYear,
  upsertDay,
} from './calendar-changes.repository.ts';

type Trx = Transaction<Database>;

/** Issue paths like `nonWorkingDays[3].name` name the entry's date instead of an array index. */
function readable(issues: readonly CalendarIssue[], calendar: ReturnType<typeof engineCalendarsOf>[number]) {
  return issues.map((issue) => {
    const m = /^(nonWorkingDays|makeUpWorkingDays)\[(\d+)\](.*)$/.exec(issue.path);
    if (!m) {
      return issue;
    }
    const list = m[1] === 'nonWorkingDays' ? calendar.nonWorkingDays : calendar.makeUpWorkingDays;
    return { ...issue, path: `${list[Number(m[2])]?.date ?? m[1]}${m[3] ?? ''}` };
  });
}

/** Refuses the change (rolls back) when any calendar it touches would be rejected by the engine. */
async function assertCalendarsValid(trx: Trx, calendarId: string): Promise<void> {
  const defaultId = await findDefaultCalendarId(trx);
  const province = defaultId ? await loadStoredCalendar(trx, defaultId) : undefined;
  if (!province) {
    throw calendarErrors.notConfigured();
  }
  const agencyIds =
    calendarId === province.id
      ? (await listCalendarRows(trx)).filter((r) => r.agencyId !== null).map((r) => r.id)
      : [calendarId];
  const combos = [null, ...agencyIds];
  for (const agencyCalendarId of combos) {
    const agency =
      agencyCalendarId === null ? null : ((await loadStoredCalendar(trx, agencyCalendarId)) ?? null);
    for (const calendar of engineCalendarsOf(province, agency)) {
      const issues = validateCalendar(calendar);
      if (issues.length > 0) {
        throw calendarErrors.rejected(readable(issues, calendar));
      }
    }
  }
}

async function change<T>(db: Db, calendarId: string, work: (trx: Trx) => Promise<T>): Promise<T> {
  const result = await db.transaction().execute(async (trx) => {
    if ((await bumpRevision(trx, calendarId)) === undefined) {
      throw calendarErrors.calendarNotFound();
    }
    const value = await work(trx);
    await assertCalendarsValid(trx, calendarId);
    return value;
  });
  clearCalendarCache();
  return result;
}

function checkDate(date: string): void {
  if (parseIsoDate(date) === undefined || date < '1976-01-01' || date > '2199-12-31') {
    throw calendarErrors.invalidDate('date');
  }
}

function dayOf(stored: Awaited<ReturnType<typeof loadStoredCalendar>>, date: string) {
  const day = stored?.days.find((d) => d.date === date);
  return day
    ? {
        kind: day.kind,
        name: day.name,
        legalBasis: day.legalBasis,
        source: day.source,
        periods: periodsText(day.periods),
      }
    : null;
}

/** Creates or replaces the entry of a date (a day off with its reason, or a make-up working day). */
export async function setDay(
  db: Db,
  actor: Actor,
  calendarId: string,
  date: string,
  body: DayBody,
): Promise<AdminDay> {
  checkDate(date);
  const periods = periodsOfInput(body.periods ?? []);
  if (body.kind !== 'working' && periods.length > 0) {
    throw calendarErrors.rejected([
      {
        path: 'periods',
        message: { vi: 'chỉ ngày làm bù mới có giờ làm việc', en: 'only a make-up day has working periods' },
      },
    ]);
  }
  const name = { vi: cleanLine(body.name.vi), en: cleanLine(body.name.en) };
  const legalBasis = body.legalBasis ? cleanLine(body.legalBasis) || null : null;
  if (!name.vi || !name.en) {
    throw calendarErrors.rejected([
      {
        path: 'name',
        message: { vi: 'cần tên tiếng Việt và tiếng Anh', en: 'needs a Vietnamese and an English name' },
      },
    ]);
  }
  return change(db, calendarId, async (trx) => {
    const before = dayOf(await loadStoredCalendar(trx, calendarId), date);
    const after = { date, kind: body.kind, name, legalBasis, source: 'administrator' as const, periods };
    await upsertDay(trx, calendarId, after);
    await appendAudit(trx, {
      ...actor,
      action: 'calendar.day.set',
      resourceType: 'working_calendar',
      resourceId: calendarId,
      details: { date, before, after: { ...after, periods: periodsText(periods) } },
    });
    return { ...after, periods: periodsText(periods), inherited: false };
  });
}

export async function removeDay(db: Db, actor: Actor, calendarId: string, date: string): Promise<void> {
  checkDate(date);
  await change(db, calendarId, async (trx) => {
    const before = dayOf(await loadStoredCalendar(trx, calendarId), date);
    if (!(await deleteDay(trx, calendarId, date))) {
      throw calendarErrors.dayNotFound();
    }
    await appendAudit(trx, {
      ...actor,
      action: 'calendar.day.remove',
      resourceType: 'working_calendar',
      resourceId: calendarId,
      details: { date, before },
    });
  });
}

async function requireDefault(db: Db, calendarId: string): Promise<void> {
  const { row } = await loadForAdmin(db, calendarId);
  if (row.agencyId !== null) {
    throw calendarErrors.defaultCalendarOnly();
  }
}

/** Marks a year's schedule as checked against the official notice (Điều 112 khoản 3). */
export async function confirmYear(db: Db, actor: Actor, calendarId: string, year: number): Promise<YearView> {
  await requireDefault(db, calendarId);
  await change(db, calendarId, async (trx) => {
    const wasProposed = await confirmProposedYear(trx, calendarId, year, actor.actorId);
    if (!wasProposed && !(await insertYear(trx, calendarId, year, 'confirmed', actor.actorId))) {
      throw calendarErrors.yearNotProposed();
    }
    await appendAudit(trx, {
      ...actor,
      action: 'calendar.year.confirm',
      resourceType: 'working_calendar',
      resourceId: calendarId,
      details: { year, from: wasProposed ? 'proposed' : 'none' },
    });
  });
  return getYearView(db, calendarId, year);
}

/** Adds the computed proposal for a year that has no schedule yet (e.g. two years ahead). */
export async function proposeYear(db: Db, actor: Actor, calendarId: string, year: number): Promise<YearView> {
  await requireDefault(db, calendarId);
  await change(db, calendarId, async (trx) => {
    const stored = await loadStoredCalendar(trx, calendarId);
    if (stored?.years.has(year)) {
      throw calendarErrors.yearExists();
    }
    const added = await addYearProposal(trx, calendarId, year);
    await appendAudit(trx, {
      ...actor,
      action: 'calendar.year.propose',
      resourceType: 'working_calendar',
      resourceId: calendarId,
      details: { year, daysAdded: added, status: 'proposed' },
    });
  });
  return getYearView(db, calendarId, year);
}

function checkEffectiveFrom(effectiveFrom: string): void {
  checkDate(effectiveFrom);
  // Hours already used for due dates stay as they were (a dossier keeps its version).
  if (effectiveFrom < todayInVietnam()) {
    throw calendarErrors.versionInPast();
  }
}

/** New working hours from a date on (a new version; earlier versions stay for earlier dates). */
export async function addVersion(
  db: Db,
  actor: Actor,
  calendarId: string,
  body: VersionBody,
): Promise<CalendarSummary> {
  checkEffectiveFrom(body.effectiveFrom);
  await change(db, calendarId, async (trx) => {
    const stored = await loadStoredCalendar(trx, calendarId);
    if (stored?.versions.some((v) => v.effectiveFrom === body.effectiveFrom)) {
      throw calendarErrors.versionExists();
    }
    const note = body.note ? cleanLine(body.note) || null : null;
    const versionId = await insertVersion(trx, {
      calendarId,
      effectiveFrom: body.effectiveFrom,
      dailyWorkingMinutes: body.dailyWorkingMinutes,
      note,
      weekly: weeklyOfInput(body.weekly),
      createdBy: actor.actorId,
    });
    await appendAudit(trx, {
      ...actor,
      action: 'calendar.version.create',
      resourceType: 'working_calendar',
      resourceId: calendarId,
      details: {
        versionId,
        effectiveFrom: body.effectiveFrom,
        dailyWorkingMinutes: body.dailyWorkingMinutes,
        weekly: body.weekly,
        note,
      },
    });
  });
  return (await getYearView(db, calendarId, Number(body.effectiveFrom.slice(0, 4)))).calendar;
}

/** Removes a version that is not in force yet (a mistake caught before its date). */
export async function removeVersion(
  db: Db,
  actor: Actor,
  calendarId: string,
  versionId: string,
): Promise<void> {
  await change(db, calendarId, async (trx) => {
    const stored = await loadStoredCalendar(trx, calendarId);
    const version = stored?.versions.find((v) => v.id === versionId);
    if (!stored || !version) {
      throw calendarErrors.versionNotFound();
    }
    if (version.effectiveFrom <= todayInVietnam() || stored.versions.length < 2) {
      throw calendarErrors.versionInForce();
    }
    await deleteVersion(trx, calendarId, versionId);
    await appendAudit(trx, {
      ...actor,
      action: 'calendar.version.remove',
      resourceType: 'working_calendar',
      resourceId: calendarId,
      details: { versionId, effectiveFrom: version.effectiveFrom },
    });
  });
}

/** An agency's own calendar: its hours from a date on; days off stay the province's unless overridden. */
export async function createAgencyCalendar(
  db: Db,
  actor: Actor,
  body: CreateCalendarBody,
): Promise<CalendarSummary> {
  checkEffectiveFrom(body.effectiveFrom);
  const agencyId = (await agencyIdOf(db, body.agency)) as string;
  const calendarId = await db
    .transaction()
    .execute(async (trx) => {
      const exists = await trx
        .selectFrom('workingCalendars')
        .select('id')
        .where('agencyId', '=', agencyId)
        .executeTakeFirst();
      if (exists) {
        throw calendarErrors.agencyCalendarExists();
      }
      const id = await insertCalendar(trx, agencyId);
      const note = body.note ? cleanLine(body.note) || null : null;
      const versionId = await insertVersion(trx, {
        calendarId: id,
        effectiveFrom: body.effectiveFrom,
        dailyWorkingMinutes: body.dailyWorkingMinutes,
        note,
        weekly: weeklyOfInput(body.weekly),
        createdBy: actor.actorId,
      });
      await assertCalendarsValid(trx, id);
      await appendAudit(trx, {
        ...actor,
        action: 'calendar.create',
        resourceType: 'working_calendar',
        resourceId: id,
        details: {
          agency: body.agency,
          versionId,
          effectiveFrom: body.effectiveFrom,
          weekly: body.weekly,
          note,
        },
      });
      return id;
    })
    .catch((error: unknown) => {
      // Two administrators creating the same agency's calendar at once: the unique index decides.
      throw (error as { code?: string }).code === '23505' ? calendarErrors.agencyCalendarExists() : error;
    });
  clearCalendarCache();
  return (await getYearView(db, calendarId, Number(body.effectiveFrom.slice(0, 4)))).calendar;
}
