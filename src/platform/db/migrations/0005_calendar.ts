// 0005 — working calendars as data (issue 3, R30–R36; legal digest §7): the province default calendar
// (agency_id null) and optional per-agency calendars; weekly working periods in versions with effective
// dates (a dossier binds to the version in force when it is received); dated entries (public holidays,
// compensatory and ad-hoc days off, make-up working days with their own periods) with names and legal
// basis; and each year's status (the computed proposal until an administrator confirms the official
// schedule, BLLĐ 2019 Điều 112 khoản 3).
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE working_calendars (
       id uuid PRIMARY KEY,
       agency_id uuid REFERENCES agencies (id),
       revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `COMMENT ON TABLE working_calendars IS 'Working calendars: agency_id null = the province default; an agency calendar replaces the weekly hours and adds or overrides dated entries; revision is bumped by every change (cache invalidation across instances)'`,
    'CREATE UNIQUE INDEX working_calendars_agency_key ON working_calendars (agency_id) WHERE agency_id IS NOT NULL',
    'CREATE UNIQUE INDEX working_calendars_default_key ON working_calendars ((true)) WHERE agency_id IS NULL',
    `CREATE TABLE working_calendar_versions (
       id uuid PRIMARY KEY,
       calendar_id uuid NOT NULL REFERENCES working_calendars (id) ON DELETE CASCADE,
       effective_from date NOT NULL CHECK (effective_from BETWEEN DATE '1976-01-01' AND DATE '2200-12-31'),
       daily_working_minutes integer NOT NULL CHECK (daily_working_minutes BETWEEN 1 AND 1440),
       note text CHECK (length(note) <= 500),
       created_by uuid REFERENCES users (id),
       created_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (calendar_id, effective_from)
     )`,
    `COMMENT ON TABLE working_calendar_versions IS 'Weekly working hours of a calendar from effective_from (Vietnam date) until the next version; daily_working_minutes = one working day (480 = 8 h)'`,
    `CREATE TABLE working_calendar_periods (
       version_id uuid NOT NULL REFERENCES working_calendar_versions (id) ON DELETE CASCADE,
       weekday smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
       start_minute integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
       end_minute integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
       CHECK (start_minute < end_minute),
       PRIMARY KEY (version_id, weekday, start_minute)
     )`,
    `COMMENT ON TABLE working_calendar_periods IS 'Working periods [start, end) in minutes of the Vietnam local day; weekday 0 = Sunday … 6 = Saturday; a weekday without rows is a weekly day off'`,
    `CREATE TABLE working_calendar_days (
       id uuid PRIMARY KEY,
       calendar_id uuid NOT NULL REFERENCES working_calendars (id) ON DELETE CASCADE,
       date date NOT NULL CHECK (date BETWEEN DATE '1976-01-01' AND DATE '2200-12-31'),
       kind text NOT NULL CHECK (kind IN ('holiday', 'compensatory', 'ad-hoc', 'working')),
       name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
       name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
       legal_basis text CHECK (length(legal_basis) <= 300),
       source text NOT NULL CHECK (source IN ('proposal', 'administrator')),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (calendar_id, date)
     )`,
    `COMMENT ON TABLE working_calendar_days IS 'Dated entries: days off (holiday = BLLĐ Đ112, compensatory = Đ111.3 nghỉ bù, ad-hoc) and make-up working days (kind working, làm bù); source proposal = computed by proposeHolidays, not yet the official schedule'`,
    `CREATE TABLE working_calendar_day_periods (
       day_id uuid NOT NULL REFERENCES working_calendar_days (id) ON DELETE CASCADE,
       start_minute integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
       end_minute integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
       CHECK (start_minute < end_minute),
       PRIMARY KEY (day_id, start_minute)
     )`,
    `COMMENT ON TABLE working_calendar_day_periods IS 'Working periods of a make-up working day; none = the Monday periods of the version in force'`,
    `CREATE TABLE working_calendar_years (
       calendar_id uuid NOT NULL REFERENCES working_calendars (id) ON DELETE CASCADE,
       year integer NOT NULL CHECK (year BETWEEN 1976 AND 2200),
       status text NOT NULL CHECK (status IN ('proposed', 'confirmed')),
       confirmed_by uuid REFERENCES users (id),
       confirmed_at timestamptz,
       updated_at timestamptz NOT NULL DEFAULT now(),
       CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL)),
       PRIMARY KEY (calendar_id, year)
     )`,
    `COMMENT ON TABLE working_calendar_years IS 'A year''s days-off schedule: proposed = computed default (Điều 112 khoản 3: the official Tết and National Day days are decided yearly), confirmed = checked by an administrator against the official notice'`,
  ]);
}
