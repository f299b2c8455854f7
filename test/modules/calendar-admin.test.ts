// Calendar administration through the API (issue 3): system administrators add, change and remove days
// off and make-up days, confirm a year's proposal, add working hours as a new version; every change is
// audited in its transaction, a change the engine would refuse is rolled back, and the public due-date
// API reflects each change at once (cache invalidated by the calendar's revision).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { createUser } from '../../src/modules/auth/users.service.ts';
import { ensureDefaultCalendar } from '../../src/modules/calendar/calendar.seed.ts';
import { JSON_HEADERS, loginAs, startTestSystem, type TestSystem } from '../helpers/test-system.ts';
import { auditActions, futureQuietWeek, shiftDate } from './calendar-test-support.ts';

let system: TestSystem;
let admin: string;
let calendarId: string;
beforeAll(async () => {
  system = await startTestSystem();
  await ensureDefaultCalendar(system.database.db, { today: '2026-06-01' });
  admin = await loginAs(system, 'quantri', 'Demo@2026');
  const list = await call('GET', '/api/v1/admin/calendars');
  calendarId = list.body.items[0].id;
});
afterAll(async () => system?.close());

async function call(
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  payload?: unknown,
  cookie = admin,
) {
  const response = await system.app.inject({
    method,
    url,
    headers: { ...JSON_HEADERS, cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
}

const due = async (from: string, duration: string, agency?: string) =>
  (
    await call(
      'GET',
      `/api/v1/calendar/due?from=${encodeURIComponent(from)}&${duration}${agency ? `&agency=${agency}` : ''}`,
    )
  ).body;

const WEEKDAY = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
const weekly = (sat: Array<{ start: string; end: string }> = []) => ({
  mon: WEEKDAY,
  tue: WEEKDAY,
  wed: WEEKDAY,
  thu: WEEKDAY,
  fri: WEEKDAY,
  sat,
  sun: [],
});

describe('[issue 3] who may administer calendars', () => {
  it('refuses anonymous callers (401) and officers without the system administrator role (403)', async () => {
    expect((await call('GET', '/api/v1/admin/calendars', undefined, '')).status).toBe(401);
    await system.database.db.transaction().execute((trx) =>
      createUser(trx, {
        username: 'canbo.lich',
        fullName: 'Cán bộ thử lịch',
        kind: 'officer',
        password: 'Mat-khau-thu-2026',
        mustChangePassword: false,
        roles: [{ role: 'desk_officer', scopeId: null }],
      }),
    );
    const officer = await loginAs(system, 'canbo.lich', 'Mat-khau-thu-2026');
    expect((await call('GET', '/api/v1/admin/calendars', undefined, officer)).status).toBe(403);
    const put = await call(
      'PUT',
      `/api/v1/admin/calendars/${calendarId}/days/2026-03-10`,
      { kind: 'ad-hoc', name: { vi: 'Nghỉ', en: 'Off' } },
      officer,
    );
    expect(put.status).toBe(403);
  });
});

describe('[issue 3] the seeded default calendar and its yearly view', () => {
  it('lists the province default: Monday–Friday 07:00–11:30 and 13:30–17:00 from 2025-01-01', async () => {
    const { body } = await call('GET', '/api/v1/admin/calendars');
    expect(body.items[0]).toMatchObject({ isDefault: true, agency: null });
    expect(body.items[0].versions[0]).toMatchObject({
      effectiveFrom: '2025-01-01',
      dailyWorkingMinutes: 480,
      weekly: { mon: WEEKDAY, fri: WEEKDAY, sat: [], sun: [] },
    });
  });

  it('[Điều 112.3] 2026 is the computed proposal until an administrator confirms it', async () => {
    const { status, body } = await call('GET', `/api/v1/admin/calendars/${calendarId}/years/2026`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ year: 2026, status: 'proposed', confirmedAt: null });
    expect(body.days.every((d: { source: string }) => d.source === 'proposal')).toBe(true);
    expect(body.days.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({
      kind: 'holiday',
      inherited: false,
    });
    expect(body.hours).toEqual([expect.objectContaining({ from: '2026-01-01', inherited: false })]);
  });
});

describe('[§7.2] days off and make-up days', () => {
  it('a make-up Saturday counts in due dates at once, is audited, and removing it restores the due', async () => {
    const before = await due('2026-03-13T15:00:00+07:00', 'workingHours=4');
    expect(before.due).toBe('2026-03-16T09:00:00+07:00');
    const put = await call('PUT', `/api/v1/admin/calendars/${calendarId}/days/2026-03-14`, {
      kind: 'working',
      name: { vi: 'Làm bù cho ngày nghỉ Tết', en: 'Make-up day for the Tết break' },
      legalBasis: 'Thông báo số 01/TB-UBND (thử)',
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      date: '2026-03-14',
      kind: 'working',
      source: 'administrator',
      periods: [],
    });
    const after = await due('2026-03-13T15:00:00+07:00', 'workingHours=4');
    expect(after.due).toBe('2026-03-14T09:00:00+07:00');
    expect(after.makeUpDays).toEqual([
      {
        date: '2026-03-14',
        name: { vi: 'Làm bù cho ngày nghỉ Tết', en: 'Make-up day for the Tết break' },
        legalBasis: 'Thông báo số 01/TB-UBND (thử)',
      },
    ]);
    const listed = await call('GET', '/api/v1/calendar/non-working-days?year=2026');
    expect(listed.body.workingDays).toEqual([after.makeUpDays[0]]);
    expect(await auditActions(system, 'calendar.day.set')).toContainEqual(
      expect.objectContaining({ actorLabel: 'quantri', details: expect.objectContaining({ before: null }) }),
    );

    expect((await call('DELETE', `/api/v1/admin/calendars/${calendarId}/days/2026-03-14`)).status).toBe(204);
    expect((await due('2026-03-13T15:00:00+07:00', 'workingHours=4')).due).toBe('2026-03-16T09:00:00+07:00');
    expect((await call('DELETE', `/api/v1/admin/calendars/${calendarId}/days/2026-03-14`)).status).toBe(404);
    expect((await auditActions(system, 'calendar.day.remove')).length).toBe(1);
  });

  it('a make-up day may have its own hours; an ad-hoc day off on a weekday is skipped with its name', async () => {
    await call('PUT', `/api/v1/admin/calendars/${calendarId}/days/2026-03-21`, {
      kind: 'working',
      name: { vi: 'Làm bù buổi sáng', en: 'Morning make-up' },
      periods: [{ start: '08:00', end: '11:00' }],
    });
    expect((await due('2026-03-20T16:00:00+07:00', 'workingHours=2')).due).toBe('2026-03-21T09:00:00+07:00');
    await call('PUT', `/api/v1/admin/calendars/${calendarId}/days/2026-03-24`, {
      kind: 'ad-hoc',
      name: { vi: '  Nghỉ đột xuất do bão  ', en: 'Storm closure' },
      legalBasis: 'Công điện số 12/CĐ-UBND',
    });
    const result = await due('2026-03-23T16:00:00+07:00', 'workingDays=1');
    expect(result.due).toBe('2026-03-25T16:00:00+07:00');
    expect(result.skipped).toEqual([
      {
        date: '2026-03-24',
        kind: 'ad-hoc',
        name: { vi: 'Nghỉ đột xuất do bão', en: 'Storm closure' },
        legalBasis: 'Công điện số 12/CĐ-UBND',
      },
    ]);
  });

  it('refuses bad changes with a 400 and leaves neither data nor an audit row behind', async () => {
    const auditBefore = (await auditActions(system)).length;
    const base = `/api/v1/admin/calendars/${calendarId}/days`;
    const name = { vi: 'Thử', en: 'Test' };
    const bad: Array<[string, unknown, string]> = [
      [`${base}/2026-02-30`, { kind: 'ad-hoc', name }, 'date'],
      [`${base}/26-03-01`, { kind: 'ad-hoc', name }, 'date'],
      [
        `${base}/2026-03-25`,
        { kind: 'holiday', name, periods: [{ start: '07:00', end: '08:00' }] },
        'periods',
      ],
      [
        `${base}/2026-03-28`,
        { kind: 'working', name, periods: [{ start: '09:00', end: '08:00' }] },
        'periods[0]',
      ],
      [
        `${base}/2026-03-28`,
        { kind: 'working', name, periods: [{ start: '25:00', end: '26:00' }] },
        'periods.0.start',
      ],
      [`${base}/2026-03-25`, { kind: 'vacation', name }, 'kind'],
      [`${base}/2026-03-25`, { kind: 'ad-hoc', name: { vi: '\u200b ', en: 'x' } }, 'name'],
      [`${base}/2026-03-25`, { kind: 'ad-hoc', name, extra: 1 }, 'extra'],
    ];
    for (const [url, payload, field] of bad) {
      const response = await call('PUT', url, payload);
      expect(response.status, url).toBe(400);
      expect(response.body.field, JSON.stringify(payload)).toBe(field);
    }
    expect(
      (
        await call('PUT', `/api/v1/admin/calendars/00000000-0000-4000-8000-000000000000/days/2026-03-25`, {
          kind: 'ad-hoc',
          name,
        })
      ).status,
    ).toBe(404);
    expect((await auditActions(system)).length).toBe(auditBefore);
    const view = await call('GET', `/api/v1/admin/calendars/${calendarId}/years/2026`);
    expect(view.body.days.map((d: { date: string }) => d.date)).not.toContain('2026-03-28');
  });
});

describe('[Điều 112.3] confirming and proposing years', () => {
  it('the administrator replaces the proposed National Day pair and confirms the year', async () => {
    expect((await call('DELETE', `/api/v1/admin/calendars/${calendarId}/days/2026-09-01`)).status).toBe(204);
    await call('PUT', `/api/v1/admin/calendars/${calendarId}/days/2026-09-03`, {
      kind: 'holiday',
      name: { vi: 'Quốc khánh (ngày liền kề, 3/9)', en: 'National Day (adjacent day, 3 September)' },
      legalBasis: 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ',
    });
    const confirmed = await call('POST', `/api/v1/admin/calendars/${calendarId}/years/2026/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: 'quantri' });
    expect(Date.parse(confirmed.body.confirmedAt)).not.toBeNaN();
    expect((await call('POST', `/api/v1/admin/calendars/${calendarId}/years/2026/confirm`)).status).toBe(409);
    const listed = await call('GET', '/api/v1/calendar/non-working-days?year=2026');
    expect(listed.body.status).toBe('confirmed');
    expect(listed.body.days.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining(['2026-09-02', '2026-09-03']),
    );
    expect(listed.body.days.map((d: { date: string }) => d.date)).not.toContain('2026-09-01');
    expect((await due('2026-08-31T09:00:00+07:00', 'workingDays=1')).calendar.unconfirmedYears).toEqual([]);
    expect(await auditActions(system, 'calendar.year.confirm')).toHaveLength(1);
  });

  it('proposes a later year on request, once', async () => {
    expect((await call('GET', '/api/v1/calendar/non-working-days?year=2029')).body).toMatchObject({
      status: 'none',
      days: [],
    });
    const proposed = await call('POST', `/api/v1/admin/calendars/${calendarId}/years/2029/propose`);
    expect(proposed.status).toBe(200);
    expect(proposed.body.status).toBe('proposed');
    expect(proposed.body.days.map((d: { date: string }) => d.date)).toContain('2029-02-13');
    expect((await call('POST', `/api/v1/admin/calendars/${calendarId}/years/2029/propose`)).status).toBe(409);
  });
});

describe('[§7.4] working hours as versions with an effective date', () => {
  it('a new version applies from its date on; earlier dates keep the old hours; a past date is refused', async () => {
    const week = await futureQuietWeek(system, 21);
    const created = await call('POST', `/api/v1/admin/calendars/${calendarId}/versions`, {
      effectiveFrom: week.monday,
      dailyWorkingMinutes: 480,
      weekly: {
        ...weekly(),
        mon: [
          { start: '07:30', end: '11:30' },
          { start: '13:00', end: '17:00' },
        ],
      },
      note: 'Giờ làm việc mùa đông (thử)',
    });
    expect(created.status).toBe(201);
    expect(created.body.versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual([
      '2025-01-01',
      week.monday,
    ]);
    const newHours = await due(`${week.monday}T06:00:00+07:00`, 'workingHours=1');
    expect(newHours.start).toBe(`${week.monday}T07:30:00+07:00`);
    expect(newHours.calendar.effectiveFrom).toBe(week.monday);
    const previousMonday = shiftDate(week.monday, -7);
    const before = await due(`${previousMonday}T06:00:00+07:00`, 'workingHours=1');
    expect(before.start).toBe(`${previousMonday}T07:00:00+07:00`);
    expect(before.calendar.effectiveFrom).toBe('2025-01-01');

    const again = await call('POST', `/api/v1/admin/calendars/${calendarId}/versions`, {
      effectiveFrom: week.monday,
      dailyWorkingMinutes: 480,
      weekly: weekly(),
    });
    expect(again.status).toBe(409);
    const past = await call('POST', `/api/v1/admin/calendars/${calendarId}/versions`, {
      effectiveFrom: '2026-01-05',
      dailyWorkingMinutes: 480,
      weekly: weekly(),
    });
    expect(past).toMatchObject({ status: 400, body: { field: 'effectiveFrom' } });
    const empty = await call('POST', `/api/v1/admin/calendars/${calendarId}/versions`, {
      effectiveFrom: shiftDate(week.monday, 7),
      dailyWorkingMinutes: 480,
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    expect(empty).toMatchObject({ status: 400, body: { code: 'CALENDAR_REJECTED', field: 'weekly' } });
    const overlap = await call('POST', `/api/v1/admin/calendars/${calendarId}/versions`, {
      effectiveFrom: shiftDate(week.monday, 7),
      dailyWorkingMinutes: 480,
      weekly: {
        ...weekly(),
        tue: [
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      },
    });
    expect(overlap).toMatchObject({ status: 400, body: { field: 'weekly.tue[1]' } });

    const versionId = created.body.versions[1].id;
    const inForce = created.body.versions[0].id;
    expect((await call('DELETE', `/api/v1/admin/calendars/${calendarId}/versions/${inForce}`)).status).toBe(
      409,
    );
    expect((await call('DELETE', `/api/v1/admin/calendars/${calendarId}/versions/${versionId}`)).status).toBe(
      204,
    );
    expect((await due(`${week.monday}T06:00:00+07:00`, 'workingHours=1')).start).toBe(
      `${week.monday}T07:00:00+07:00`,
    );
    expect(await auditActions(system, 'calendar.version.create')).toHaveLength(1);
    expect(await auditActions(system, 'calendar.version.remove')).toHaveLength(1);
  });
});

describe('[§7.4] an agency calendar', () => {
  it('an agency working Saturday mornings gets its own due dates; its divisions use it; others do not', async () => {
    const week = await futureQuietWeek(system, 7);
    const created = await call('POST', '/api/v1/admin/calendars', {
      agency: '000.00.11.H99',
      effectiveFrom: week.monday,
      dailyWorkingMinutes: 480,
      weekly: weekly([{ start: '07:00', end: '11:30' }]),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ isDefault: false, agency: { code: '000.00.11.H99' } });
    const friday = `${week.friday}T15:00:00+07:00`;
    const own = await due(friday, 'workingHours=4', '000.00.11.H99');
    expect(own.due).toBe(`${week.saturday}T09:00:00+07:00`);
    expect(own.calendar.agencyCalendar).toBe(true);
    expect((await due(friday, 'workingHours=4', '000.01.11.H99')).due).toBe(
      `${week.saturday}T09:00:00+07:00`,
    );
    const other = await due(friday, 'workingHours=4', '000.00.12.H99');
    expect(other.due).toBe(`${shiftDate(week.monday, 7)}T09:00:00+07:00`);
    expect(other.calendar.agencyCalendar).toBe(false);

    // A day off of the agency only; the province's days off still apply to it.
    const agencyCalendar = created.body.id;
    await call('PUT', `/api/v1/admin/calendars/${agencyCalendar}/days/${week.saturday}`, {
      kind: 'ad-hoc',
      name: { vi: 'Nghỉ sáng thứ Bảy', en: 'Saturday closed' },
    });
    expect((await due(friday, 'workingHours=4', '000.00.11.H99')).due).toBe(
      `${shiftDate(week.monday, 7)}T09:00:00+07:00`,
    );
    const view = await call('GET', `/api/v1/admin/calendars/${agencyCalendar}/years/2026`);
    expect(view.body.days.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({
      inherited: true,
    });
    expect((await call('POST', `/api/v1/admin/calendars/${agencyCalendar}/years/2026/confirm`)).status).toBe(
      409,
    );

    const duplicate = await call('POST', '/api/v1/admin/calendars', {
      agency: '000.00.11.H99',
      effectiveFrom: week.monday,
      dailyWorkingMinutes: 480,
      weekly: weekly(),
    });
    expect(duplicate.status).toBe(409);
    const unknown = await call('POST', '/api/v1/admin/calendars', {
      agency: '000.00.98.H99',
      effectiveFrom: week.monday,
      dailyWorkingMinutes: 480,
      weekly: weekly(),
    });
    expect(unknown).toMatchObject({ status: 400, body: { field: 'agency' } });
  });
});

describe('[R49] the audit chain', () => {
  it('still verifies after all the calendar changes', async () => {
    expect(await verifyAuditChain(system.database.db)).toMatchObject({ ok: true });
  });
});
