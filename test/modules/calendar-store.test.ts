// Calendars as stored data (migration 0005) and the loader other modules call: the idempotent seed of
// every deployment, version selection by date, agency calendars (own, or an ancestor's), and the cache
// that follows each calendar's revision (so a change made by another instance is seen on the next load).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_SCHEDULE } from '../../src/domain/working-time/index.ts';
import {
  loadCalendar,
  loadCalendarVersion,
  resolveCalendar,
  resolveCalendarFromRevisions,
} from '../../src/modules/calendar/calendar.loader.ts';
import {
  type CalendarRevision,
  calendarRevisionsOf,
  findCalendarRevisions,
  findDefaultCalendarId,
} from '../../src/modules/calendar/calendar.repository.ts';
import { ensureDefaultCalendar } from '../../src/modules/calendar/calendar.seed.ts';
import {
  bumpRevision,
  deleteDay,
  insertCalendar,
  insertVersion,
  upsertDay,
} from '../../src/modules/calendar/calendar-changes.repository.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';
import { auditActions } from './calendar-test-support.ts';

let system: TestSystem;
let defaultId: string;
beforeAll(async () => {
  system = await startTestSystem();
  await ensureDefaultCalendar(system.database.db, { today: '2026-06-01' });
  defaultId = (await findDefaultCalendarId(system.database.db)) ?? '';
});
afterAll(async () => system?.close());

const db = () => system.database.db;

async function agencyId(code: string): Promise<string> {
  const row = await db()
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('[issue 3] the default calendar is seeded on every start, once', () => {
  it('exists with one version from 2025-01-01 and the proposals of 2025–2027', async () => {
    const calendars = await db()
      .selectFrom('workingCalendars')
      .selectAll()
      .where('agencyId', 'is', null)
      .execute();
    expect(calendars).toHaveLength(1);
    const versions = await db()
      .selectFrom('workingCalendarVersions')
      .selectAll()
      .where('calendarId', '=', defaultId)
      .execute();
    expect(versions.map((v) => [v.effectiveFrom, v.dailyWorkingMinutes])).toEqual([['2025-01-01', 480]]);
    const years = await db()
      .selectFrom('workingCalendarYears')
      .select(['year', 'status'])
      .orderBy('year')
      .execute();
    expect(years.filter((y) => y.year >= 2025 && y.year <= 2027)).toEqual([
      { year: 2025, status: 'proposed' },
      { year: 2026, status: 'proposed' },
      { year: 2027, status: 'proposed' },
    ]);
  });

  it('is idempotent, and a later year start proposes only the missing years', async () => {
    const auditBefore = (await auditActions(system)).length;
    expect(await ensureDefaultCalendar(db(), { today: '2026-06-01' })).toEqual({
      created: false,
      proposedYears: [],
    });
    expect((await auditActions(system)).length).toBe(auditBefore);
    const [a, b] = await Promise.all([
      ensureDefaultCalendar(db(), { today: '2028-03-01' }),
      ensureDefaultCalendar(db(), { today: '2028-03-01' }),
    ]);
    expect([...(a?.proposedYears ?? []), ...(b?.proposedYears ?? [])].sort()).toEqual([2028, 2029]);
    const tet2028 = await db()
      .selectFrom('workingCalendarDays')
      .select(['kind', 'source'])
      .where('date', '=', '2028-01-26')
      .execute();
    expect(tet2028).toEqual([{ kind: 'holiday', source: 'proposal' }]);
    expect((await auditActions(system, 'calendar.year.propose')).map((r) => r.details.year)).toEqual(
      expect.arrayContaining([2028, 2029]),
    );
  });
});

describe('[§7.4] version selection by date', () => {
  it('picks the latest version not after the date; earlier dates use the first version', async () => {
    const summerId = await db()
      .transaction()
      .execute(async (trx) => {
        const id = await insertVersion(trx, {
          calendarId: defaultId,
          effectiveFrom: '2026-07-01',
          dailyWorkingMinutes: 480,
          note: 'thử',
          weekly: {
            ...DEFAULT_WEEKLY_SCHEDULE,
            mon: [
              { start: 450, end: 690 },
              { start: 780, end: 1020 },
            ],
          },
          createdBy: null,
        });
        await bumpRevision(trx, defaultId);
        return id;
      });
    const june = await resolveCalendar(db(), { on: '2026-06-30' });
    const july = await resolveCalendar(db(), { on: '2026-07-01' });
    const old = await resolveCalendar(db(), { on: '2024-05-01' });
    expect(june.calendar.effectiveFrom).toBe('2025-01-01');
    expect(july).toMatchObject({ versionId: summerId, calendar: { effectiveFrom: '2026-07-01' } });
    expect(july.calendar.weekly.mon).toEqual([
      { start: 450, end: 690 },
      { start: 780, end: 1020 },
    ]);
    expect(old.versionId).toBe(june.versionId);
    // A dossier bound to the June version keeps those hours after July 1.
    const bound = await loadCalendarVersion(db(), { versionId: june.versionId });
    expect(bound.calendar.weekly.mon).toEqual(DEFAULT_WEEKLY_SCHEDULE.mon);
    const july6 = await system.app.inject({
      url: `/api/v1/calendar/due?from=${encodeURIComponent('2026-07-06T06:00:00+07:00')}&workingHours=1`,
    });
    expect(JSON.parse(july6.body).start).toBe('2026-07-06T07:30:00+07:00');
  });
});

describe('[R30] the cache follows the revision', () => {
  it('serves the same calendar object until the revision changes, then reloads', async () => {
    const first = await loadCalendar(db(), { on: '2026-03-10' });
    expect(await loadCalendar(db(), { on: '2026-03-10' })).toBe(first);
    // Another instance adds a day off through its own service: the row and the revision bump.
    await db()
      .transaction()
      .execute(async (trx) => {
        await upsertDay(trx, defaultId, {
          date: '2026-03-12',
          kind: 'ad-hoc',
          name: { vi: 'Nghỉ đột xuất', en: 'Ad-hoc day off' },
          legalBasis: null,
          source: 'administrator',
          periods: [],
        });
        await bumpRevision(trx, defaultId);
      });
    const reloaded = await loadCalendar(db(), { on: '2026-03-10' });
    expect(reloaded).not.toBe(first);
    expect(reloaded.nonWorkingDays.map((d) => d.date)).toContain('2026-03-12');
  });

  it("a listing's own query reads the revisions (calendarRevisionsOf) and sees a change the same way", async () => {
    const unit = await agencyId('000.00.11.H99');
    // As the worklist does: the revisions of each row's agency, read in the listing's query.
    const revisionsNow = async () => {
      const { rows } = await sql<{ revisions: CalendarRevision[] }>`select ${calendarRevisionsOf(
        sql`${unit}`,
      )} as revisions`.execute(db());
      return rows[0]?.revisions ?? [];
    };
    const listed = await revisionsNow();
    const byId = (list: CalendarRevision[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(listed.length).toBeGreaterThan(0);
    expect(byId(listed)).toEqual(byId(await findCalendarRevisions(db(), unit)));
    // Without an agency there is no chain: exactly the province's calendars, at no depth, even when
    // an agency has its own calendar (a row added for this check and taken back).
    const own = await db()
      .insertInto('workingCalendars')
      .values({ id: randomUUID(), agencyId: unit, updatedAt: new Date() })
      .returning(['id', 'revision'])
      .executeTakeFirstOrThrow();
    try {
      expect(await findCalendarRevisions(db(), unit)).toContainEqual({ ...own, agencyId: unit, depth: 0 });
      const province = await db()
        .selectFrom('workingCalendars')
        .select(['id', 'revision'])
        .where('agencyId', 'is', null)
        .execute();
      expect(byId(await findCalendarRevisions(db(), null))).toEqual(
        byId(province.map((c) => ({ ...c, agencyId: null, depth: null }))),
      );
    } finally {
      await db().deleteFrom('workingCalendars').where('id', '=', own.id).execute();
    }
    const first = await resolveCalendarFromRevisions(db(), listed, '2026-03-10');
    expect((await resolveCalendarFromRevisions(db(), await revisionsNow(), '2026-03-10')).calendar).toBe(
      first.calendar,
    );
    await db()
      .transaction()
      .execute(async (trx) => {
        await upsertDay(trx, defaultId, {
          date: '2026-03-13',
          kind: 'ad-hoc',
          name: { vi: 'Nghỉ đột xuất', en: 'Ad-hoc day off' },
          legalBasis: null,
          source: 'administrator',
          periods: [],
        });
        await bumpRevision(trx, defaultId);
      });
    const after = await resolveCalendarFromRevisions(db(), await revisionsNow(), '2026-03-10');
    expect(after.calendar).not.toBe(first.calendar);
    expect(after.calendar.nonWorkingDays.map((d) => d.date)).toContain('2026-03-13');
    // Taken back: the tests below count working time across this week.
    await db()
      .transaction()
      .execute(async (trx) => {
        await deleteDay(trx, defaultId, '2026-03-13');
        await bumpRevision(trx, defaultId);
      });
  });
});

describe('[§7.4] agency calendars through the public API', () => {
  it("an agency's hours and days off apply to it and to its divisions, with the province's holidays", async () => {
    const stp = await agencyId('000.00.11.H99');
    await db()
      .transaction()
      .execute(async (trx) => {
        const id = await insertCalendar(trx, stp);
        await insertVersion(trx, {
          calendarId: id,
          effectiveFrom: '2026-01-01',
          dailyWorkingMinutes: 480,
          note: null,
          weekly: { ...DEFAULT_WEEKLY_SCHEDULE, sat: [{ start: 420, end: 690 }] },
          createdBy: null,
        });
        await upsertDay(trx, id, {
          date: '2026-03-20',
          kind: 'ad-hoc',
          name: { vi: 'Ngày truyền thống ngành Tư pháp (thử)', en: 'Justice sector day (test)' },
          legalBasis: null,
          source: 'administrator',
          periods: [],
        });
      });
    const get = async (url: string) => JSON.parse((await system.app.inject({ url })).body);
    const from = encodeURIComponent('2026-03-13T15:00:00+07:00');
    expect((await get(`/api/v1/calendar/due?from=${from}&workingHours=4&agency=000.00.11.H99`)).due).toBe(
      '2026-03-14T09:00:00+07:00',
    );
    expect((await get(`/api/v1/calendar/due?from=${from}&workingHours=4&agency=000.02.11.H99`)).due).toBe(
      '2026-03-14T09:00:00+07:00',
    );
    expect((await get(`/api/v1/calendar/due?from=${from}&workingHours=4&agency=000.00.12.H99`)).due).toBe(
      '2026-03-16T09:00:00+07:00',
    );
    const days = await get('/api/v1/calendar/non-working-days?year=2026&agency=000.01.11.H99');
    expect(days.days.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining(['2026-02-17', '2026-03-20']),
    );
    const province = await get('/api/v1/calendar/non-working-days?year=2026');
    expect(province.days.map((d: { date: string }) => d.date)).not.toContain('2026-03-20');
    // Before the agency version, the province hours apply (no Saturday).
    expect(
      (
        await get(
          `/api/v1/calendar/due?from=${encodeURIComponent('2025-03-14T15:00:00+07:00')}&workingHours=4&agency=000.00.11.H99`,
        )
      ).due,
    ).toBe('2025-03-17T09:00:00+07:00');
  });
});
