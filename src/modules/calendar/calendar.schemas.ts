// Public calendar API (issue 3 "Interfaces"): due dates with their explanation, and a year's days off.
import { type Static, Type } from '@sinclair/typebox';
import { LocalizedTextSchema, StrictObject } from '../../platform/http/schema.ts';

export const AGENCY_CODE_PATTERN = '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$';
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

const AgencyCode = Type.String({
  pattern: AGENCY_CODE_PATTERN,
  description: 'Agency identifier code (mã định danh), e.g. 000.00.11.H99: use its calendar',
});

export const DueQuerySchema = StrictObject({
  from: Type.String({
    minLength: 1,
    maxLength: 64,
    description:
      'ISO 8601 instant with an offset, e.g. 2026-02-13T16:00:00+07:00 or …Z (an unencoded "+" that arrives as a space is accepted)',
  }),
  workingDays: Type.Optional(
    Type.Number({ minimum: 0, maximum: 3660, description: 'Working days (1 = the daily working time)' }),
  ),
  workingHours: Type.Optional(Type.Number({ minimum: 0, maximum: 29_280, description: 'Working hours' })),
  workingMinutes: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 1_756_800, description: 'Working minutes' }),
  ),
  calendarDays: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 3660,
      description: 'Calendar days (Bộ luật Dân sự 2015 Điều 147–148): the due is the end of the last day',
    }),
  ),
  agency: Type.Optional(AgencyCode),
});
export type DueQuery = Static<typeof DueQuerySchema>;

const DateString = Type.String({ format: 'date', description: 'yyyy-mm-dd, Vietnam date' });
const Instant = Type.String({ description: 'ISO 8601 with the +07:00 offset (Asia/Ho_Chi_Minh)' });

const SkippedDaySchema = Type.Object({
  date: DateString,
  kind: Type.Union(
    [Type.Literal('weekly'), Type.Literal('holiday'), Type.Literal('compensatory'), Type.Literal('ad-hoc')],
    { description: 'weekly = a weekly day off (Saturday, Sunday by default)' },
  ),
  name: Type.Optional(LocalizedTextSchema),
  legalBasis: Type.Optional(Type.String()),
});

const MakeUpDaySchema = Type.Object({
  date: DateString,
  name: LocalizedTextSchema,
  legalBasis: Type.Optional(Type.String()),
});

export const DueResponseSchema = Type.Object({
  from: Instant,
  start: Type.String({ description: 'The first working instant counted (R30), +07:00' }),
  due: Type.String({ description: 'The due time, +07:00' }),
  explanation: LocalizedTextSchema,
  duration: Type.Object({
    unit: Type.Union([
      Type.Literal('workingDays'),
      Type.Literal('workingHours'),
      Type.Literal('workingMinutes'),
      Type.Literal('calendarDays'),
    ]),
    value: Type.Number(),
  }),
  skipped: Type.Array(SkippedDaySchema, { description: 'Days without working time that were skipped' }),
  makeUpDays: Type.Array(MakeUpDaySchema, { description: 'Make-up working days (làm bù) counted' }),
  lastDay: Type.Optional(Type.String({ description: 'Calendar days: the last day before any move' })),
  calendar: Type.Object({
    versionId: Type.String({ format: 'uuid', description: 'Working-hours version used (dossiers keep it)' }),
    effectiveFrom: DateString,
    dailyWorkingMinutes: Type.Integer(),
    agencyCalendar: Type.Boolean({ description: "True when an agency's own calendar applied" }),
    unconfirmedYears: Type.Array(Type.Integer(), {
      description:
        'Years from `from` to `due` whose days off an administrator has not confirmed (a computed proposal or nothing entered): the due may still change',
    }),
  }),
});
export type DueResponse = Static<typeof DueResponseSchema>;

export const NonWorkingDaysQuerySchema = StrictObject({
  year: Type.Integer({ minimum: 1976, maximum: 2200 }),
  agency: Type.Optional(AgencyCode),
});

export const PeriodTextSchema = Type.Object({
  start: Type.String({ description: 'HH:mm' }),
  end: Type.String({ description: 'HH:mm (24:00 allowed)' }),
});

export const YearStatusSchema = Type.Union(
  [Type.Literal('proposed'), Type.Literal('confirmed'), Type.Literal('none')],
  {
    description:
      'proposed = computed from Bộ luật Lao động 2019 Điều 111–112, not yet checked against the official yearly schedule; confirmed = confirmed by an administrator; none = no days off entered',
  },
);

export const NonWorkingDaysResponseSchema = Type.Object({
  year: Type.Integer(),
  status: YearStatusSchema,
  days: Type.Array(
    Type.Object({
      date: DateString,
      kind: Type.Union([Type.Literal('holiday'), Type.Literal('compensatory'), Type.Literal('ad-hoc')]),
      name: LocalizedTextSchema,
      legalBasis: Type.Optional(Type.String()),
    }),
    { description: 'Public holidays and other days off (weekly days off are not listed)' },
  ),
  workingDays: Type.Array(
    Type.Object({
      date: DateString,
      name: LocalizedTextSchema,
      legalBasis: Type.Optional(Type.String()),
      periods: Type.Optional(
        Type.Array(PeriodTextSchema, { description: 'Own hours; absent = a normal weekday' }),
      ),
    }),
    { description: 'Make-up working days (ngày làm bù)' },
  ),
});
export type NonWorkingDaysResponse = Static<typeof NonWorkingDaysResponseSchema>;
