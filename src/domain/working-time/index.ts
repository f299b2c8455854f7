// Public API of the working-time engine (issue 3, R30–R36). See README.md for the concept → file map.

export type {
  LocalizedText,
  MakeUpWorkingDay,
  NonWorkingDay,
  NonWorkingDayKind,
  WeekdayName,
  WeeklySchedule,
  WorkingCalendar,
  WorkingPeriod,
} from './calendar-model.ts';
export { calendarInForce, DEFAULT_WEEKLY_SCHEDULE, defaultCalendar } from './calendar-model.ts';
export { validateCalendar } from './calendar-validation.ts';
export type { CivilDate, EpochDay, EpochMs } from './civil-time.ts';
export {
  formatDateVn,
  formatIsoDate,
  formatIsoInstant,
  formatTimeVn,
  localDayOf,
  parseIsoDate,
  parseIsoInstant,
  parseMinuteOfDay,
} from './civil-time.ts';
export type { EarlyGranularity, FinishClass, Warning, WarningLevel } from './classification.ts';
export { classifyFinish, warningLevel } from './classification.ts';
export type { ComputeDueOptions, DueComputation } from './compute-due.ts';
export { computeDue } from './compute-due.ts';
export type { CountedMakeUpDay, DueTrace, Duration, DurationUnit, SkippedDay } from './explanation.ts';
export { explainDue } from './explanation.ts';
export type { HolidayProposal, HolidayProposalOptions } from './holidays.ts';
export { proposeHolidays } from './holidays.ts';
export type { LunarDate } from './lunar-calendar.ts';
export { leapMonthOf, lunarToSolar, solarToLunar } from './lunar-calendar.ts';
export type { CalendarIssue, Outcome, WorkingTimeError } from './outcome.ts';
export { describeError } from './outcome.ts';
export type { CalendarDayEnd, CalendarDaysDue } from './working-time-arithmetic.ts';
export {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  elapsedWorkingMilliseconds,
  elapsedWorkingMinutes,
  nextWorkingInstant,
} from './working-time-arithmetic.ts';
