// When a notification may go out (R37): SMS quiet hours in Vietnam time (no SMS at night, queued
// until morning), and the capped exponential backoff between failed attempts (security goal 31,
// §4.5: 30 s, 1 min, 2 min … capped). Pure: instants in, instants out, whatever the process TZ.
import { instantAt, localDayOf, MS_PER_MINUTE, msOfLocalDay } from '../working-time/civil-time.ts';

/** A daily window in Vietnam local minutes of the day; `startMinute > endMinute` wraps midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** Default: 21:00–07:00 Asia/Ho_Chi_Minh. */
export const DEFAULT_SMS_QUIET_HOURS: QuietHours = { startMinute: 21 * 60, endMinute: 7 * 60 };

export function isValidQuietHours(q: QuietHours): boolean {
  return [q.startMinute, q.endMinute].every((m) => Number.isInteger(m) && m >= 0 && m < 1440);
}

/** Parses `HH:MM-HH:MM` (e.g. `21:00-07:00`); `off` or an empty window (start = end) means none. */
export function parseQuietHours(text: string): QuietHours | null | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off' || trimmed === 'none') {
    return null;
  }
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (!m) {
    return undefined;
  }
  const q = { startMinute: Number(m[1]) * 60 + Number(m[2]), endMinute: Number(m[3]) * 60 + Number(m[4]) };
  if (Number(m[2]) > 59 || Number(m[4]) > 59 || !isValidQuietHours(q)) {
    return undefined;
  }
  return q.startMinute === q.endMinute ? null : q;
}

/** True when the instant falls inside the quiet window (start inclusive, end exclusive). */
export function inQuietHours(instant: number, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.startMinute === quiet.endMinute) {
    return false;
  }
  const minute = Math.floor(msOfLocalDay(instant) / MS_PER_MINUTE);
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}

/** The instant itself when outside quiet hours, otherwise the end of the window (the morning). */
export function nextSendableInstant(instant: number, quiet: QuietHours | null): number {
  if (!quiet || !inQuietHours(instant, quiet)) {
    return instant;
  }
  const day = localDayOf(instant);
  const minute = Math.floor(msOfLocalDay(instant) / MS_PER_MINUTE);
  // In a wrapping window, before midnight the window ends tomorrow morning; after midnight, today.
  const endDay = quiet.startMinute > quiet.endMinute && minute >= quiet.startMinute ? day + 1 : day;
  return instantAt(endDay, quiet.endMinute);
}

export interface BackoffPolicy {
  /** Attempts in total before a notification is dead (the dead letter). */
  maxAttempts: number;
  /** Delay after the first failure, seconds; doubles each failure. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  maxAttempts: 10,
  baseDelaySeconds: 30,
  maxDelaySeconds: 1800,
};

/**
 * Seconds to wait after failed attempt number `attempt` (1-based): base·2^(attempt−1), capped, then
 * spread by up to ±`jitter`/2 (pass Math.random() in production, a constant in tests) so a recovering
 * provider is not hit by every retry at once. Never below one second.
 */
export function retryDelaySeconds(attempt: number, policy: BackoffPolicy, jitter = 0.5): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const raw = Math.min(policy.baseDelaySeconds * 2 ** exponent, policy.maxDelaySeconds);
  const spread = raw * 0.2 * (Math.min(Math.max(jitter, 0), 1) - 0.5);
  return Math.max(1, Math.round(raw + spread));
}

export type AttemptOutcome = { next: 'retry'; delaySeconds: number } | { next: 'dead' };

/** After a failed attempt: retry later, or give up (permanent error, or attempts exhausted). */
export function afterFailure(
  attempt: number,
  permanent: boolean,
  policy: BackoffPolicy,
  jitter = 0.5,
): AttemptOutcome {
  if (permanent || attempt >= policy.maxAttempts) {
    return { next: 'dead' };
  }
  return { next: 'retry', delaySeconds: retryDelaySeconds(attempt, policy, jitter) };
}
