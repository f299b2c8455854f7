// Kysely table types of the working calendars (versions, weekly periods, days, confirmed years).
import type { Generated } from 'kysely';
import type { CivilDate, CreatedAt, Timestamp } from './schema-types.ts';

export interface WorkingCalendarsTable {
  id: string;
  /** null = the province default calendar. */
  agencyId: string | null;
  revision: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface WorkingCalendarVersionsTable {
  id: string;
  calendarId: string;
  effectiveFrom: CivilDate;
  dailyWorkingMinutes: number;
  note: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface WorkingCalendarPeriodsTable {
  versionId: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export type WorkingCalendarDayKind = 'holiday' | 'compensatory' | 'ad-hoc' | 'working';

export interface WorkingCalendarDaysTable {
  id: string;
  calendarId: string;
  date: CivilDate;
  kind: WorkingCalendarDayKind;
  nameVi: string;
  nameEn: string;
  legalBasis: string | null;
  source: 'proposal' | 'administrator';
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface WorkingCalendarDayPeriodsTable {
  dayId: string;
  startMinute: number;
  endMinute: number;
}

export interface WorkingCalendarYearsTable {
  calendarId: string;
  year: number;
  status: 'proposed' | 'confirmed';
  confirmedBy: string | null;
  confirmedAt: Date | string | null;
  updatedAt: Timestamp;
}
