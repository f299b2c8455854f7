// The calendar other modules use (receipts, step deadlines, warnings, statistics): the engine's
// WorkingCalendar in force for an agency on a date, loaded from the database and cached in memory.
// - Which calendar: the agency's own, else its nearest ancestor's, else the province default. An agency
//   calendar replaces the weekly hours (when one of its versions is in force) and adds or overrides
//   dated entries of the province (same date: the agency's entry wins).
// - Which version: the latest effectiveFrom not after the date (calendarInForce); a date before the
//   first version uses the first version. A dossier keeps `versionId` and later reloads the same hours
//   with loadCalendarVersion (ARCHITECTURE "Rules are data, versioned").
// - Cache: compiled calendars cost ~2 ms on the engine's first call, so engine calendars are kept per
//   (calendar id, revision) pair. Every change bumps the revision in its transaction; each load reads the
//   revisions (one indexed query), so a change made by another instance is seen on the next load.
import {
  calendarInForce,
  type MakeUpWorkingDay,
  type NonWorkingDay,
  parseIsoDate,
  type WorkingCalendar,
} from '../../domain/working-time/index.ts';
import { calendarErrors } from './calendar.errors.ts';
import {
  type CalendarRevision,
  type Executor,
  findCalendarRevisions,
  findCalendarRevisionsByCode,
  loadStoredCalendar,
  type StoredCalendar,
  type StoredDay,
  type StoredVersion,
} from './calendar.repository.ts';

export interface ResolvedCalendar {
  /** The engine's calendar: hours of the version in force, with all dated entries. */
  calendar: WorkingCalendar;
  /** The version whose weekly hours apply (store it on the dossier). */
  versionId: string;
  /** The calendar row that supplied that version (the province default or an agency calendar). */
  versionCalendarId: string;
  /** The province default calendar. */
  defaultCalendarId: string;
  /** The agency calendar applied, if any (its own, or its nearest ancestor's). */
  agencyCalendarId: string | null;
  /** Year → status of the province schedule of days off (absent = nothing entered for that year). */
  yearStatus: ReadonlyMap<number, 'proposed' | 'confirmed'>;
  /** Dated entries (merged province + agency), for listings. */
  days: readonly MergedDay[];
}

export interface MergedDay extends StoredDay {
  /** True when the entry comes from the province calendar under an agency calendar. */
  inherited: boolean;
}

interface CacheEntry {
  province: StoredCalendar;
  agency: StoredCalendar | null;
  days: MergedDay[];
  nonWorkingDays: NonWorkingDay[];
  makeUpWorkingDays: MakeUpWorkingDay[];
  yearStatus: Map<number, 'proposed' | 'confirmed'>;
  /** Engine calendars by version id, built once so the engine's compiled index is reused. */
  built: Map<string, WorkingCalendar>;
}

const MAX_ENTRIES = 64;
const cache = new Map<string, CacheEntry>();

/** Forgets every cached calendar (after a change in this process; other instances see the revision). */
export function clearCalendarCache(): void {
  cache.clear();
}

export function mergeDays(province: StoredCalendar, agency: StoredCalendar | null): MergedDay[] {
  const byDate = new Map<string, MergedDay>();
  for (const day of province.days) {
    byDate.set(day.date, { ...day, inherited: agency !== null });
  }
  for (const day of agency?.days ?? []) {
    byDate.set(day.date, { ...day, inherited: false });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function buildEntry(province: StoredCalendar, agency: StoredCalendar | null): CacheEntry {
  const days = mergeDays(province, agency);
  const nonWorkingDays: NonWorkingDay[] = [];
  const makeUpWorkingDays: MakeUpWorkingDay[] = [];
  for (const day of days) {
    const basis = day.legalBasis === null ? {} : { legalBasis: day.legalBasis };
    if (day.kind === 'working') {
      makeUpWorkingDays.push({
        date: day.date,
        name: day.name,
        ...basis,
        ...(day.periods.length > 0 ? { periods: day.periods } : {}),
      });
    } else {
      nonWorkingDays.push({ date: day.date, kind: day.kind, name: day.name, ...basis });
    }
  }
  const yearStatus = new Map([...province.years.values()].map((y) => [y.year, y.status] as const));
  return { province, agency, days, nonWorkingDays, makeUpWorkingDays, yearStatus, built: new Map() };
}

/** The engine calendar of one stored version with the entry's dated entries. */
function engineCalendar(entry: CacheEntry, version: StoredVersion): WorkingCalendar {
  const existing = entry.built.get(version.id);
  if (existing) {
    return existing;
  }
  const calendar: WorkingCalendar = {
    effectiveFrom: version.effectiveFrom,
    weekly: version.weekly,
    dailyWorkingMinutes: version.dailyWorkingMinutes,
    nonWorkingDays: entry.nonWorkingDays,
    makeUpWorkingDays: entry.makeUpWorkingDays,
  };
  entry.built.set(version.id, calendar);
  return calendar;
}

/** Every engine calendar a province (+ agency) combination can produce (validation before a commit). */
export function engineCalendarsOf(
  province: StoredCalendar,
  agency: StoredCalendar | null,
): WorkingCalendar[] {
  const entry = buildEntry(province, agency);
  return [...(agency?.versions ?? []), ...province.versions].map((v) => engineCalendar(entry, v));
}

/** The version whose hours apply on a day, and the calendar it belongs to (see the header). */
export function versionAt(
  province: StoredCalendar,
  agency: StoredCalendar | null,
  day: number,
): { version: StoredVersion; owner: StoredCalendar } | undefined {
  const agencyVersion = agency ? calendarInForce(agency.versions, day) : undefined;
  if (agency && agencyVersion) {
    return { version: agencyVersion, owner: agency };
  }
  const version = calendarInForce(province.versions, day) ?? province.versions[0];
  return version ? { version, owner: province } : undefined;
}

/** Which agency: by id (other modules), or by identifier code (the public API; unknown code → 400). */
export interface AgencySelector {
  agencyId?: string | null;
  agencyCode?: string | undefined;
}

async function revisionsFor(db: Executor, agency: AgencySelector): Promise<CalendarRevision[]> {
  if (agency.agencyCode === undefined) {
    return findCalendarRevisions(db, agency.agencyId ?? null);
  }
  const found = await findCalendarRevisionsByCode(db, agency.agencyCode);
  if (found.agencyId === undefined) {
    throw calendarErrors.unknownAgency();
  }
  return found.revisions;
}

async function entryFor(db: Executor, selector: AgencySelector): Promise<CacheEntry> {
  return entryOf(db, await revisionsFor(db, selector));
}

async function entryOf(db: Executor, revisions: CalendarRevision[]): Promise<CacheEntry> {
  const province = revisions.find((r) => r.agencyId === null);
  if (!province) {
    throw calendarErrors.notConfigured();
  }
  const agency = revisions
    .filter((r): r is CalendarRevision & { depth: number } => r.agencyId !== null && r.depth !== null)
    .sort((a, b) => a.depth - b.depth)[0];
  const key = `${province.id}:${province.revision}|${agency ? `${agency.id}:${agency.revision}` : '-'}`;
  const cached = cache.get(key);
  if (cached) {
    return cached;
  }
  const provinceData = await loadStoredCalendar(db, province.id);
  const agencyData = agency ? await loadStoredCalendar(db, agency.id) : undefined;
  if (!provinceData) {
    throw calendarErrors.notConfigured();
  }
  const entry = buildEntry(provinceData, agencyData ?? null);
  if (cache.size >= MAX_ENTRIES) {
    cache.clear();
  }
  cache.set(key, entry);
  return entry;
}

function resolved(entry: CacheEntry, version: StoredVersion, owner: StoredCalendar): ResolvedCalendar {
  return {
    calendar: engineCalendar(entry, version),
    versionId: version.id,
    versionCalendarId: owner.id,
    defaultCalendarId: entry.province.id,
    agencyCalendarId: entry.agency?.id ?? null,
    yearStatus: entry.yearStatus,
    days: entry.days,
  };
}

/** The calendar in force for an agency (or the province default) on a Vietnam date `yyyy-mm-dd`. */
export async function resolveCalendar(
  db: Executor,
  options: AgencySelector & { on: string },
): Promise<ResolvedCalendar> {
  const day = dayOf(options.on);
  return inForce(await entryFor(db, options), day);
}

/**
 * The same, from the revisions a listing read in its own query (calendarRevisionsOf): no query at
 * all while the calendars are cached.
 */
export async function resolveCalendarFromRevisions(
  db: Executor,
  revisions: CalendarRevision[],
  on: string,
): Promise<ResolvedCalendar> {
  const day = dayOf(on);
  return inForce(await entryOf(db, revisions), day);
}

function dayOf(on: string): number {
  const day = parseIsoDate(on);
  if (day === undefined) {
    throw calendarErrors.invalidDate('on');
  }
  return day;
}

function inForce(entry: CacheEntry, day: number): ResolvedCalendar {
  const found = versionAt(entry.province, entry.agency, day);
  if (!found) {
    throw calendarErrors.notConfigured();
  }
  return resolved(entry, found.version, found.owner);
}

/** The engine calendar in force for an agency (or the province default) on a Vietnam date. */
export async function loadCalendar(
  db: Executor,
  options: AgencySelector & { on: string },
): Promise<WorkingCalendar> {
  return (await resolveCalendar(db, options)).calendar;
}

/** A version a dossier was bound to, with today's dated entries (days off added later still count). */
export async function loadCalendarVersion(
  db: Executor,
  options: AgencySelector & { versionId: string },
): Promise<ResolvedCalendar> {
  const entry = await entryFor(db, options);
  for (const owner of [entry.agency, entry.province]) {
    const version = owner?.versions.find((v) => v.id === options.versionId);
    if (owner && version) {
      return resolved(entry, version, owner);
    }
  }
  throw calendarErrors.versionNotFound();
}
