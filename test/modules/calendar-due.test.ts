// The public due-date API (issue 3 "Interfaces"): GET /api/v1/calendar/due through HTTP on the seeded
// default calendar (Monday–Friday 07:00–11:30, 13:30–17:00; the Điều 111–112 proposal for 2025–2027),
// every edge of the issue, and bad parameters answered 400 in the standard shape (never 500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultCalendar } from '../../src/modules/calendar/calendar.seed.ts';
import { startTestSystem, type TestSystem } from '../helpers/test-system.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
  // The seed proposes the current year ± 1 from the clock; pin 2025–2027 so the dates below exist.
  await ensureDefaultCalendar(system.database.db, { today: '2026-06-01' });
});
afterAll(async () => system?.close());

async function due(query: string) {
  const response = await system.app.inject({ url: `/api/v1/calendar/due?${query}` });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

const enc = encodeURIComponent;

describe('[R30] GET /api/v1/calendar/due', () => {
  it('[R30] the lunch break: a start at 12:00 counts from 13:30; a due completing the morning is 11:30', async () => {
    const lunch = await due(`from=${enc('2026-03-10T12:00:00+07:00')}&workingHours=2`);
    expect(lunch.status).toBe(200);
    expect(lunch.body).toMatchObject({
      from: '2026-03-10T12:00:00+07:00',
      start: '2026-03-10T13:30:00+07:00',
      due: '2026-03-10T15:30:00+07:00',
    });
    expect(lunch.body.explanation.vi).toContain(
      'ngoài giờ làm việc, nên bắt đầu tính từ 13:30 ngày 10/03/2026',
    );
    const morning = await due(`from=${enc('2026-03-10T09:30:00+07:00')}&workingHours=2`);
    expect(morning.body.due).toBe('2026-03-10T11:30:00+07:00');
  });

  it('[R30] Friday 17:00: a due that completes the week is Friday 17:00, not Monday 07:00', async () => {
    const friday = await due(`from=${enc('2026-03-13T15:00:00+07:00')}&workingHours=2`);
    expect(friday.body.due).toBe('2026-03-13T17:00:00+07:00');
    const afterFive = await due(`from=${enc('2026-03-13T17:00:00+07:00')}&workingDays=1`);
    expect(afterFive.body).toMatchObject({
      start: '2026-03-16T07:00:00+07:00',
      due: '2026-03-16T17:00:00+07:00',
    });
    expect(afterFive.body.skipped.map((d: { kind: string }) => d.kind)).toEqual(['weekly', 'weekly']);
  });

  it('[Điều 111.3] a holiday on a Sunday gives the compensatory Monday, both named in the answer', async () => {
    // Giỗ Tổ Hùng Vương 2026 (10/3 lunar) is Sunday 26/04/2026.
    const result = await due(`from=${enc('2026-04-24T10:00:00+07:00')}&workingDays=1`);
    expect(result.body.due).toBe('2026-04-28T10:00:00+07:00');
    expect(result.body.skipped.map((d: { date: string; kind: string }) => [d.date, d.kind])).toEqual([
      ['2026-04-25', 'weekly'],
      ['2026-04-26', 'holiday'],
      ['2026-04-27', 'compensatory'],
    ]);
    expect(result.body.skipped[1].legalBasis).toBe('Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e');
    expect(result.body.explanation.vi).toContain('27/04/2026 – Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(result.body.explanation.en).toContain('Compensatory day off');
  });

  it("[R30] New Year's Eve into the next year skips 1 January", async () => {
    const result = await due(`from=${enc('2025-12-31T16:00:00+07:00')}&workingDays=1`);
    expect(result.body.due).toBe('2026-01-02T16:00:00+07:00');
    expect(result.body.skipped).toEqual([
      {
        date: '2026-01-01',
        kind: 'holiday',
        name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
        legalBasis: 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a',
      },
    ]);
  });

  it('[R30] the day before Tết, with an unencoded "+" that arrived as a space', async () => {
    // Tết Bính Ngọ = 17/02/2026; the proposal takes 16–20/02 off; the weekends around it are off too.
    const result = await due('from=2026-02-13T16:00:00+07:00&workingDays=1');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      from: '2026-02-13T16:00:00+07:00',
      start: '2026-02-13T16:00:00+07:00',
      due: '2026-02-23T16:00:00+07:00',
    });
    expect(result.body.skipped.filter((d: { kind: string }) => d.kind === 'holiday')).toHaveLength(5);
    expect(result.body.explanation.vi).toContain('17/02/2026 – Tết Nguyên Đán (mùng 1 tháng Giêng)');
    expect(result.body.explanation.vi).toMatch(/Hạn: 16:00 ngày 23\/02\/2026\.$/);
  });

  it('[R30] accepts Z and other offsets, answers in +07:00, and says which calendar version was used', async () => {
    const result = await due('from=2026-03-10T02:00:00Z&workingMinutes=90');
    expect(result.body).toMatchObject({
      from: '2026-03-10T09:00:00+07:00',
      due: '2026-03-10T10:30:00+07:00',
      duration: { unit: 'workingMinutes', value: 90 },
      calendar: { effectiveFrom: '2025-01-01', dailyWorkingMinutes: 480, agencyCalendar: false },
    });
    const newYork = await due(`from=${enc('2026-03-09T21:00:00-05:00')}&workingHours=1`);
    expect(newYork.body.due).toBe('2026-03-10T10:00:00+07:00');
    const compact = await due('from=2026-03-10T09:00:00+0700&workingHours=1');
    expect(compact.body.due).toBe('2026-03-10T10:00:00+07:00');
  });

  it('[R30] 0 duration is the first working instant; calendar days follow Điều 147–148', async () => {
    const zero = await due(`from=${enc('2026-03-14T10:00:00+07:00')}&workingDays=0`);
    expect(zero.body.due).toBe('2026-03-16T07:00:00+07:00');
    const days = await due(`from=${enc('2026-03-09T15:00:00+07:00')}&calendarDays=5`);
    expect(days.body).toMatchObject({ lastDay: '2026-03-14', due: '2026-03-16T17:00:00+07:00' });
  });

  it('[§7 legal digest] years whose days off are only the proposal are flagged as unconfirmed', async () => {
    const result = await due(`from=${enc('2026-12-30T09:00:00+07:00')}&workingDays=5`);
    expect(result.body.calendar.unconfirmedYears).toEqual([2026, 2027]);
  });
});

describe('[goal 12] bad parameters are a 400 in the standard shape, never a 500', () => {
  const from = enc('2026-03-10T09:00:00+07:00');
  const cases: Array<[string, string, string | undefined]> = [
    ['no duration', `from=${from}`, 'workingDays'],
    ['two durations', `from=${from}&workingDays=1&workingHours=2`, 'workingDays'],
    ['empty duration', `from=${from}&workingDays=`, 'workingDays'],
    ['negative', `from=${from}&workingDays=-1`, 'workingDays'],
    ['non-numeric', `from=${from}&workingHours=abc`, 'workingHours'],
    ['NaN', `from=${from}&workingHours=NaN`, 'workingHours'],
    ['Infinity', `from=${from}&workingDays=Infinity`, 'workingDays'],
    ['too long', `from=${from}&workingDays=100000`, 'workingDays'],
    ['fractional minutes', `from=${from}&workingMinutes=1.5`, 'workingMinutes'],
    ['repeated', `from=${from}&workingDays=1&workingDays=2`, 'workingDays'],
    ['missing from', 'workingDays=1', 'from'],
    ['no offset', `from=${enc('2026-03-10T09:00:00')}&workingDays=1`, 'from'],
    ['not a date', `from=${enc('2026-02-30T09:00:00+07:00')}&workingDays=1`, 'from'],
    ['garbage', `from=${enc("1' OR 1=1 --")}&workingDays=1`, 'from'],
    ['before 1976', `from=${enc('1975-04-30T09:00:00+07:00')}&workingDays=1`, 'from'],
    ['after 2200', `from=${enc('2201-01-01T09:00:00+07:00')}&workingDays=1`, 'from'],
    ['due past 2200', `from=${enc('2200-12-30T09:00:00+07:00')}&workingDays=3000`, 'from'],
    ['unknown agency', `from=${from}&workingDays=1&agency=000.00.99.H99`, 'agency'],
    ['malformed agency', `from=${from}&workingDays=1&agency=STP`, 'agency'],
    ['unknown parameter', `from=${from}&workingDays=1&unit=days`, 'unit'],
  ];
  it.each(cases)('%s', async (_name, query, field) => {
    const result = await due(query);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: expect.any(String), message: { vi: expect.any(String) } });
    expect(result.body.message.en).toEqual(expect.any(String));
    expect(result.body.field).toBe(field);
  });
});

describe('[Điều 111–112] GET /api/v1/calendar/non-working-days', () => {
  it("lists the year's proposed holidays and compensatory days, no weekends, and says it is a proposal", async () => {
    const response = await system.app.inject({ url: '/api/v1/calendar/non-working-days?year=2026' });
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ year: 2026, status: 'proposed', workingDays: [] });
    expect(body.days.map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
    expect(body.days[0]).toEqual({
      date: '2026-01-01',
      kind: 'holiday',
      name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
      legalBasis: 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a',
    });
  });

  it.each([
    ['year=1975', 'year'],
    ['year=2201', 'year'],
    ['year=abc', 'year'],
    ['year=2026.5', 'year'],
    ['', 'year'],
    ['year=2026&agency=000.00.99.H99', 'agency'],
    ['year=2026&month=2', 'month'],
  ])('refuses %s with a 400', async (query, field) => {
    const response = await system.app.inject({ url: `/api/v1/calendar/non-working-days?${query}` });
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ field, message: { vi: expect.any(String) } });
  });
});

describe('[demo] the service centre of tỉnh An Hòa receives on Saturday mornings', () => {
  it('its own calendar counts Saturday 07:00–11:30; the province default does not', async () => {
    const from = enc('2026-03-13T15:00:00+07:00');
    const centre = await due(`from=${from}&workingHours=4&agency=000.00.06.H99`);
    expect(centre.body).toMatchObject({
      due: '2026-03-14T09:00:00+07:00',
      calendar: { agencyCalendar: true, effectiveFrom: '2025-07-01' },
    });
    expect((await due(`from=${from}&workingHours=4`)).body.due).toBe('2026-03-16T09:00:00+07:00');
  });
});
