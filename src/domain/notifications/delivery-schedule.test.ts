import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  DEFAULT_BACKOFF,
  DEFAULT_SMS_QUIET_HOURS,
  inQuietHours,
  nextSendableInstant,
  parseQuietHours,
  retryDelaySeconds,
} from './delivery-schedule.ts';

// Vietnam is UTC+7: 21:00 local = 14:00Z, 07:00 local = 00:00Z.
const vn = (iso: string) => new Date(`${iso}+07:00`).getTime();

describe('[R37] SMS quiet hours (Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['2026-05-05T20:59:59', false],
    ['2026-05-05T21:00:00', true],
    ['2026-05-05T23:30:00', true],
    ['2026-05-06T00:00:00', true],
    ['2026-05-06T06:59:59', true],
    ['2026-05-06T07:00:00', false],
    ['2026-05-06T12:00:00', false],
  ])('[R37] %s local is quiet: %s', (local, quiet) => {
    expect(inQuietHours(vn(local), DEFAULT_SMS_QUIET_HOURS)).toBe(quiet);
  });

  it('[R37] a message at 22:15 waits until 07:00 the next morning; one at 05:00 until 07:00 the same day', () => {
    expect(nextSendableInstant(vn('2026-05-05T22:15:00'), DEFAULT_SMS_QUIET_HOURS)).toBe(
      vn('2026-05-06T07:00:00'),
    );
    expect(nextSendableInstant(vn('2026-05-06T05:00:00'), DEFAULT_SMS_QUIET_HOURS)).toBe(
      vn('2026-05-06T07:00:00'),
    );
    expect(nextSendableInstant(vn('2026-12-31T23:59:00'), DEFAULT_SMS_QUIET_HOURS)).toBe(
      vn('2027-01-01T07:00:00'),
    );
  });

  it('[R37] outside quiet hours, or with none configured, a message goes at once', () => {
    const noon = vn('2026-05-05T12:00:00');
    expect(nextSendableInstant(noon, DEFAULT_SMS_QUIET_HOURS)).toBe(noon);
    const night = vn('2026-05-05T23:00:00');
    expect(nextSendableInstant(night, null)).toBe(night);
  });

  it('[R37] a window that does not wrap midnight (12:00–13:30)', () => {
    const lunch = { startMinute: 720, endMinute: 810 };
    expect(nextSendableInstant(vn('2026-05-05T12:10:00'), lunch)).toBe(vn('2026-05-05T13:30:00'));
    expect(inQuietHours(vn('2026-05-05T13:30:00'), lunch)).toBe(false);
  });

  it('[R37] parses the configuration format', () => {
    expect(parseQuietHours('21:00-07:00')).toEqual(DEFAULT_SMS_QUIET_HOURS);
    expect(parseQuietHours(' 22:30 - 6:00 ')).toEqual({ startMinute: 1350, endMinute: 360 });
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('07:00-07:00')).toBeNull();
    for (const bad of ['', '21-07', '25:00-07:00', '21:60-07:00', '21:00']) {
      expect(parseQuietHours(bad), bad).toBeUndefined();
    }
  });

  it('[R37] the next sendable instant is never earlier, never quiet, and at most a window away (property)', () => {
    const window = fc
      .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }))
      .filter(([a, b]) => a !== b)
      .map(([startMinute, endMinute]) => ({ startMinute, endMinute }));
    const instant = fc.integer({ min: vn('2000-01-01T00:00:00'), max: vn('2100-01-01T00:00:00') });
    fc.assert(
      fc.property(window, instant, (quiet, t) => {
        const next = nextSendableInstant(t, quiet);
        expect(next).toBeGreaterThanOrEqual(t);
        expect(inQuietHours(next, quiet)).toBe(false);
        expect(next - t).toBeLessThanOrEqual(24 * 3600 * 1000);
        // Nothing sendable was skipped: one minute earlier is still quiet (or it is the instant itself).
        if (next > t) {
          expect(inQuietHours(next - 60_000, quiet)).toBe(true);
        }
      }),
    );
  });
});

describe('[goal 31] retry backoff and dead letter', () => {
  const policy = { maxAttempts: 6, baseDelaySeconds: 30, maxDelaySeconds: 300 };

  it('[goal 31] doubles from the base and stops at the cap (no jitter at 0.5)', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((a) => retryDelaySeconds(a, policy))).toEqual([
      30, 60, 120, 240, 300, 300, 300,
    ]);
  });

  it('[goal 31] jitter spreads the delay by at most ±10 %, never below 1 s (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (a, j) => {
        const plain = retryDelaySeconds(a, DEFAULT_BACKOFF);
        const jittered = retryDelaySeconds(a, DEFAULT_BACKOFF, j);
        expect(Math.abs(jittered - plain)).toBeLessThanOrEqual(Math.ceil(plain * 0.1) + 1);
        expect(jittered).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('[goal 31] a transient failure retries until the last attempt, then the message is dead', () => {
    expect(afterFailure(1, false, policy)).toEqual({ next: 'retry', delaySeconds: 30 });
    expect(afterFailure(5, false, policy)).toEqual({ next: 'retry', delaySeconds: 300 });
    expect(afterFailure(6, false, policy)).toEqual({ next: 'dead' });
  });

  it('[goal 31] a permanent error (invalid number, refused address) is dead at once', () => {
    expect(afterFailure(1, true, policy)).toEqual({ next: 'dead' });
  });
});
