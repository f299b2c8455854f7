// Index that makes working-time arithmetic fast without scanning minute by minute (issue 3 "Quality bar").
// R30 (HP Đ11.2) counts working time to the minute; here every instant t gets a *working position*: the
// working milliseconds from the start of its 512-day block up to t. Each block stores the prefix sums of
// working time per day, so adding or measuring working time is a few subtractions plus a binary search
// over at most 512 days, and whole blocks are skipped by their totals.
// Blocks are built lazily and cached per calendar object (calendars are immutable plain data).

import type { MakeUpWorkingDay, NonWorkingDay, WorkingCalendar, WorkingPeriod } from './calendar-model.ts';
import { WEEKDAYS } from './calendar-model.ts';
import { validateCalendar } from './calendar-validation.ts';
import type { EpochDay, EpochMs } from './civil-time.ts';
import {
  instantAt,
  localDayOf,
  MS_PER_MINUTE,
  msOfLocalDay,
  parseIsoDate,
  SUPPORTED_LAST_DAY,
  weekdayOf,
} from './civil-time.ts';
import type { Outcome } from './outcome.ts';
import { failure, success } from './outcome.ts';

export const BLOCK_DAYS = 512;
/** Stop looking for working time after this many empty days (about 10 years): "noWorkingTime". */
export const SEARCH_LIMIT_DAYS = 3_660;
const LAST_BLOCK = Math.floor(SUPPORTED_LAST_DAY / BLOCK_DAYS);

/** A working period in milliseconds of the local day. */
export interface MsPeriod {
  start: number;
  end: number;
}

interface Block {
  periods: (readonly MsPeriod[])[];
  /** cum[i] = working ms in the block's days before day i; cum[BLOCK_DAYS] is the block total. */
  cum: Float64Array;
}

export interface CompiledCalendar {
  readonly calendar: WorkingCalendar;
  readonly dailyWorkingMs: number;
  readonly nonWorking: ReadonlyMap<EpochDay, NonWorkingDay>;
  readonly makeUp: ReadonlyMap<EpochDay, MakeUpWorkingDay>;
  readonly weekly: readonly (readonly MsPeriod[])[];
  readonly makeUpPeriods: ReadonlyMap<EpochDay, readonly MsPeriod[]>;
  readonly blocks: Map<number, Block>;
}

/** A working position: `offset` working ms into block `block` (0 ≤ offset ≤ block total). */
export interface Position {
  block: number;
  offset: number;
}

const NO_PERIODS: readonly MsPeriod[] = Object.freeze([]);

function toMs(periods: readonly WorkingPeriod[]): readonly MsPeriod[] {
  return periods.map((p) => ({ start: p.start * MS_PER_MINUTE, end: p.end * MS_PER_MINUTE }));
}

const compiledCache = new WeakMap<WorkingCalendar, Outcome<CompiledCalendar>>();

/** Validates and indexes a calendar once; later calls with the same object are a cache lookup. */
export function compileCalendar(calendar: WorkingCalendar): Outcome<CompiledCalendar> {
  const cached = compiledCache.get(calendar);
  if (cached) {
    return cached;
  }
  const issues = validateCalendar(calendar);
  let result: Outcome<CompiledCalendar>;
  if (issues.length > 0) {
    result = failure({ code: 'invalidCalendar', issues });
  } else {
    const nonWorking = new Map<EpochDay, NonWorkingDay>();
    for (const d of calendar.nonWorkingDays) {
      nonWorking.set(parseIsoDate(d.date) ?? Number.NaN, d);
    }
    const makeUp = new Map<EpochDay, MakeUpWorkingDay>();
    const makeUpPeriods = new Map<EpochDay, readonly MsPeriod[]>();
    for (const d of calendar.makeUpWorkingDays) {
      const day = parseIsoDate(d.date) ?? Number.NaN;
      makeUp.set(day, d);
      makeUpPeriods.set(day, toMs(d.periods ?? calendar.weekly[d.asWeekday ?? 'mon']));
    }
    result = success({
      calendar,
      dailyWorkingMs: calendar.dailyWorkingMinutes * MS_PER_MINUTE,
      nonWorking,
      makeUp,
      weekly: WEEKDAYS.map((w) => toMs(calendar.weekly[w])),
      makeUpPeriods,
      blocks: new Map(),
    });
  }
  compiledCache.set(calendar, result);
  return result;
}

function buildPeriods(cc: CompiledCalendar, day: EpochDay): readonly MsPeriod[] {
  if (cc.nonWorking.has(day)) {
    return NO_PERIODS;
  }
  return cc.makeUpPeriods.get(day) ?? cc.weekly[weekdayOf(day)] ?? NO_PERIODS;
}

function blockAt(cc: CompiledCalendar, index: number): Block {
  const existing = cc.blocks.get(index);
  if (existing) {
    return existing;
  }
  const periods: (readonly MsPeriod[])[] = [];
  const cum = new Float64Array(BLOCK_DAYS + 1);
  const first = index * BLOCK_DAYS;
  for (let i = 0; i < BLOCK_DAYS; i++) {
    const dayPeriods = buildPeriods(cc, first + i);
    periods.push(dayPeriods);
    let total = 0;
    for (const p of dayPeriods) {
      total += p.end - p.start;
    }
    cum[i + 1] = (cum[i] ?? 0) + total;
  }
  const block = { periods, cum };
  cc.blocks.set(index, block);
  return block;
}

function blockTotal(block: Block): number {
  return block.cum[BLOCK_DAYS] ?? 0;
}

/** Working periods of a local date (empty on a day off). */
export function periodsOn(cc: CompiledCalendar, day: EpochDay): readonly MsPeriod[] {
  const index = Math.floor(day / BLOCK_DAYS);
  return blockAt(cc, index).periods[day - index * BLOCK_DAYS] ?? NO_PERIODS;
}

export function workingMsOn(cc: CompiledCalendar, day: EpochDay): number {
  let total = 0;
  for (const p of periodsOn(cc, day)) {
    total += p.end - p.start;
  }
  return total;
}

/** Working position of an instant. */
export function positionOf(cc: CompiledCalendar, instant: EpochMs): Position {
  const day = localDayOf(instant);
  const index = Math.floor(day / BLOCK_DAYS);
  const block = blockAt(cc, index);
  const i = day - index * BLOCK_DAYS;
  const ms = msOfLocalDay(instant);
  let offset = block.cum[i] ?? 0;
  for (const p of block.periods[i] ?? NO_PERIODS) {
    if (ms <= p.start) {
      break;
    }
    offset += Math.min(ms, p.end) - p.start;
  }
  return { block: index, offset };
}

/** Working ms from position a to position b (negative if b is before a). */
export function distance(cc: CompiledCalendar, a: Position, b: Position): number {
  if (a.block === b.block) {
    return b.offset - a.offset;
  }
  if (a.block > b.block) {
    return -distance(cc, b, a);
  }
  let total = blockTotal(blockAt(cc, a.block)) - a.offset + b.offset;
  for (let index = a.block + 1; index < b.block; index++) {
    total += blockTotal(blockAt(cc, index));
  }
  return total;
}

/**
 * The instant at working position `offset + delta` counted from `from`.
 * - `end` semantics (due times, delta > 0): the *earliest* instant with that position, so a result that
 *   completes a period is the period end (17:00 Friday, not 07:00 Monday).
 * - `start` semantics: the instant where working time resumes after that position (the start of the next
 *   period when the position sits at a period end or in non-working time).
 */
export function locate(
  cc: CompiledCalendar,
  from: Position,
  delta: number,
  mode: 'end' | 'start',
): Outcome<EpochMs> {
  let index = from.block;
  let target = from.offset + delta;
  let block = blockAt(cc, index);
  let emptyDays = 0;
  // Skip whole blocks: strictly past the block total for `end`, at or past it for `start`.
  while (mode === 'end' ? target > blockTotal(block) : target >= blockTotal(block)) {
    const total = blockTotal(block);
    emptyDays = total === 0 ? emptyDays + BLOCK_DAYS : 0;
    target -= total;
    index += 1;
    if (index > LAST_BLOCK) {
      return failure({ code: 'outOfRange' });
    }
    if (emptyDays >= SEARCH_LIMIT_DAYS) {
      return failure({ code: 'noWorkingTime' });
    }
    block = blockAt(cc, index);
  }
  // Binary search: first day i with cum[i + 1] ≥ target (end) or > target (start).
  let lo = 0;
  let hi = BLOCK_DAYS - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const after = block.cum[mid + 1] ?? 0;
    if (mode === 'end' ? after >= target : after > target) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  let remaining = target - (block.cum[lo] ?? 0);
  const day = index * BLOCK_DAYS + lo;
  for (const p of block.periods[lo] ?? NO_PERIODS) {
    const length = p.end - p.start;
    if (mode === 'end' ? remaining <= length : remaining < length) {
      const instant = instantAt(day, 0) + p.start + remaining;
      return day > SUPPORTED_LAST_DAY ? failure({ code: 'outOfRange' }) : success(instant);
    }
    remaining -= length;
  }
  // Unreachable for a consistent index; kept as a clear answer rather than an exception.
  return failure({ code: 'noWorkingTime' });
}

/** First local date ≥ `day` with working time, bounded by SEARCH_LIMIT_DAYS. */
export function nextWorkingDay(cc: CompiledCalendar, day: EpochDay): Outcome<EpochDay> {
  for (let d = day; d < day + SEARCH_LIMIT_DAYS; d++) {
    if (d > SUPPORTED_LAST_DAY) {
      return failure({ code: 'outOfRange' });
    }
    if (periodsOn(cc, d).length > 0) {
      return success(d);
    }
  }
  return failure({ code: 'noWorkingTime' });
}
