// Calendar administration API (system administrators): calendars, a year's days off and make-up days,
// confirming a year's proposal, working hours as versions with an effective date.
import { type Static, Type } from '@sinclair/typebox';
import { LocalizedTextSchema, StrictObject } from '../../platform/http/schema.ts';
import { AGENCY_CODE_PATTERN, DATE_PATTERN, PeriodTextSchema, YearStatusSchema } from './calendar.schemas.ts';

const TIME = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
const END_TIME = '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$';

const PeriodInputSchema = StrictObject({
  start: Type.String({ pattern: TIME, description: 'HH:mm, Vietnam time' }),
  end: Type.String({ pattern: END_TIME, description: 'HH:mm (24:00 allowed), after start' }),
});
export type PeriodInput = Static<typeof PeriodInputSchema>;

const Periods = Type.Array(PeriodInputSchema, { maxItems: 8 });

const WeeklyInputSchema = StrictObject({
  mon: Periods,
  tue: Periods,
  wed: Periods,
  thu: Periods,
  fri: Periods,
  sat: Periods,
  sun: Periods,
});
export type WeeklyInput = Static<typeof WeeklyInputSchema>;

const WeeklySchema = Type.Object({
  mon: Type.Array(PeriodTextSchema),
  tue: Type.Array(PeriodTextSchema),
  wed: Type.Array(PeriodTextSchema),
  thu: Type.Array(PeriodTextSchema),
  fri: Type.Array(PeriodTextSchema),
  sat: Type.Array(PeriodTextSchema),
  sun: Type.Array(PeriodTextSchema),
});

const CivilDateInput = Type.String({ pattern: DATE_PATTERN, description: 'yyyy-mm-dd, Vietnam date' });

const VersionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  effectiveFrom: Type.String({ format: 'date' }),
  dailyWorkingMinutes: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  weekly: WeeklySchema,
});

const AgencyRefSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
});

export const CalendarSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  isDefault: Type.Boolean({ description: 'The province default calendar' }),
  agency: Type.Union([AgencyRefSchema, Type.Null()]),
  revision: Type.Integer(),
  versions: Type.Array(VersionSchema),
});
export type CalendarSummary = Static<typeof CalendarSummarySchema>;

export const CalendarListSchema = Type.Object({ items: Type.Array(CalendarSummarySchema) });
export type CalendarList = Static<typeof CalendarListSchema>;

const DayKindSchema = Type.Union(
  [Type.Literal('holiday'), Type.Literal('compensatory'), Type.Literal('ad-hoc'), Type.Literal('working')],
  {
    description:
      'holiday (BLLĐ Đ112), compensatory (nghỉ bù, Đ111.3), ad-hoc day off, working = make-up working day (làm bù)',
  },
);

export const AdminDaySchema = Type.Object({
  date: Type.String({ format: 'date' }),
  kind: DayKindSchema,
  name: LocalizedTextSchema,
  legalBasis: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.Literal('proposal'), Type.Literal('administrator')], {
    description: 'proposal = computed, not yet checked by an administrator',
  }),
  inherited: Type.Boolean({ description: 'From the province calendar (agency calendars only)' }),
  periods: Type.Array(PeriodTextSchema, { description: 'Make-up days: own hours (empty = a weekday)' }),
});
export type AdminDay = Static<typeof AdminDaySchema>;

export const YearViewSchema = Type.Object({
  calendar: CalendarSummarySchema,
  year: Type.Integer(),
  status: YearStatusSchema,
  confirmedAt: Type.Union([Type.String(), Type.Null()]),
  confirmedBy: Type.Union([Type.String(), Type.Null()]),
  days: Type.Array(AdminDaySchema),
  hours: Type.Array(
    Type.Object({
      from: Type.String({ format: 'date', description: 'First day of the year these hours apply' }),
      versionId: Type.String({ format: 'uuid' }),
      inherited: Type.Boolean({ description: "The province's hours (agency calendars only)" }),
      dailyWorkingMinutes: Type.Integer(),
      weekly: WeeklySchema,
    }),
    { description: 'Working hours in force during the year, in date order' },
  ),
});
export type YearView = Static<typeof YearViewSchema>;

export const CalendarParamsSchema = StrictObject({ id: Type.String({ format: 'uuid' }) });
export const YearParamsSchema = StrictObject({
  id: Type.String({ format: 'uuid' }),
  year: Type.Integer({ minimum: 1976, maximum: 2199 }),
});
export const DayParamsSchema = StrictObject({
  id: Type.String({ format: 'uuid' }),
  date: CivilDateInput,
});
export const VersionParamsSchema = StrictObject({
  id: Type.String({ format: 'uuid' }),
  versionId: Type.String({ format: 'uuid' }),
});

export const DayBodySchema = StrictObject({
  kind: DayKindSchema,
  name: StrictObject({
    vi: Type.String({ minLength: 1, maxLength: 200 }),
    en: Type.String({ minLength: 1, maxLength: 200 }),
  }),
  legalBasis: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  periods: Type.Optional(
    Type.Array(PeriodInputSchema, {
      maxItems: 8,
      description: 'Make-up days only: own hours; omitted = the Monday hours of the version in force',
    }),
  ),
});
export type DayBody = Static<typeof DayBodySchema>;

export const VersionBodySchema = StrictObject({
  effectiveFrom: CivilDateInput,
  dailyWorkingMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: '480 = 8 h' }),
  weekly: WeeklyInputSchema,
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type VersionBody = Static<typeof VersionBodySchema>;

export const CreateCalendarBodySchema = StrictObject({
  agency: Type.String({ pattern: AGENCY_CODE_PATTERN, description: 'Agency identifier code' }),
  effectiveFrom: CivilDateInput,
  dailyWorkingMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  weekly: WeeklyInputSchema,
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type CreateCalendarBody = Static<typeof CreateCalendarBodySchema>;
