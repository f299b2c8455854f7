import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, formatIsoInstant, parseIsoInstant } from '../working-time/index.ts';
import { neighbourStep, type ProcessDefinition, subStatusOf, validateProcess } from './process-definition.ts';
import { clockStart, dueAfter } from './time-limit.ts';
import { checkApology, classifyDossier, dueAfterSupplement } from './timeliness.ts';

const calendar = defaultCalendar({
  nonWorkingDays: [{ date: '2026-09-02', kind: 'holiday', name: { vi: 'Quốc khánh', en: 'National Day' } }],
});
const at = (iso: string) => {
  const value = parseIsoInstant(iso);
  if (value === undefined) {
    throw new Error(iso);
  }
  return value;
};
const iso = (ms: number) => formatIsoInstant(ms);
const value = <T>(outcome: { ok: true; value: T } | { ok: false }): T => {
  if (!outcome.ok) {
    throw new Error('not ok');
  }
  return outcome.value;
};
const DAY = 480;

/** The demo judicial-record process: desk → specialist → unit head → leader signs → desk. */
const judicialRecord: ProcessDefinition = {
  steps: [
    {
      key: 'reception',
      name: { vi: 'Tiếp nhận', en: 'Reception' },
      role: 'desk_officer',
      unit: { kind: 'desk' },
      allottedMinutes: 240,
      signature: false,
    },
    {
      key: 'review',
      name: { vi: 'Thẩm định', en: 'Review' },
      role: 'specialist',
      unit: { kind: 'performing_agency' },
      allottedMinutes: 5 * DAY,
      signature: false,
    },
    {
      key: 'check',
      name: { vi: 'Kiểm tra', en: 'Check' },
      role: 'unit_head',
      unit: { kind: 'performing_agency' },
      allottedMinutes: 2 * DAY,
      signature: false,
    },
    {
      key: 'sign',
      name: { vi: 'Ký duyệt', en: 'Sign' },
      role: 'agency_leader',
      unit: { kind: 'performing_agency' },
      allottedMinutes: 2 * DAY,
      signature: true,
    },
    {
      key: 'return',
      name: { vi: 'Trả kết quả', en: 'Return' },
      role: 'desk_officer',
      unit: { kind: 'desk' },
      allottedMinutes: 240,
      signature: false,
    },
  ],
};

describe('[R21] process definitions', () => {
  it('accepts the demo process within a 10-working-day limit', () => {
    expect(validateProcess(judicialRecord, { value: 10, unit: 'working_days' }, calendar)).toEqual([]);
  });

  it('refuses a process whose steps need more time than the procedure allows, online too', () => {
    expect(validateProcess(judicialRecord, { value: 9, unit: 'working_days' }, calendar)).toEqual([
      { code: 'exceeds_time_limit', allottedMinutes: 10 * DAY, limitMinutes: 9 * DAY, online: false },
      { code: 'exceeds_time_limit', allottedMinutes: 10 * DAY, limitMinutes: 9 * DAY, online: true },
    ]);
    const faster = {
      steps: judicialRecord.steps.map((s) => ({ ...s, allottedMinutesOnline: s.allottedMinutes / 2 })),
    };
    expect(
      validateProcess(faster, { value: 10, unit: 'working_days' }, calendar, {
        value: 5,
        unit: 'working_days',
      }),
    ).toEqual([]);
  });

  it('requires the desk first and last, a signer, unique keys and sane allotments', () => {
    const [first, ...rest] = judicialRecord.steps;
    if (!first) {
      throw new Error('no step');
    }
    const codes = (process: ProcessDefinition) =>
      validateProcess(process, { value: 30, unit: 'working_days' }, calendar).map((p) => p.code);
    expect(codes({ steps: rest })).toEqual(['first_step_not_desk']);
    expect(codes({ steps: judicialRecord.steps.map((s) => ({ ...s, signature: false })) })).toEqual([
      'signature_step_missing',
    ]);
    expect(codes({ steps: [first, first, ...rest] })).toEqual(['duplicate_key']);
    expect(codes({ steps: [{ ...first, allottedMinutes: -1 }, ...rest] })).toEqual(['bad_allotment']);
    expect(
      codes({
        steps: [first, ...rest.map((s) => (s.signature ? { ...s, role: 'specialist' as const } : s))],
      }),
    ).toEqual(['signature_role']);
    expect(codes({ steps: [] })).toEqual(['no_steps']);
  });

  it('moves to the next and previous step; the signing step awaits a signature', () => {
    expect(neighbourStep(judicialRecord, 'check', 'next')?.key).toBe('sign');
    expect(neighbourStep(judicialRecord, 'check', 'previous')?.key).toBe('review');
    expect(neighbourStep(judicialRecord, 'return', 'next')).toBeUndefined();
    expect(subStatusOf(judicialRecord.steps[3] ?? (judicialRecord.steps[0] as never))).toBe(
      'awaiting_signature',
    );
  });
});

describe('[R17, R30] time limits', () => {
  it('an online dossier sent on Saturday starts its reception clock on Monday 07:00', () => {
    expect(iso(value(clockStart(calendar, at('2026-11-21T22:15:00+07:00'))))).toBe(
      '2026-11-23T07:00:00+07:00',
    );
  });

  it('10 working days from Tuesday 01/09/2026 10:00 skip the National Day holiday', () => {
    expect(
      iso(value(dueAfter(calendar, at('2026-09-01T10:00:00+07:00'), { value: 10, unit: 'working_days' }))),
    ).toBe('2026-09-16T10:00:00+07:00');
  });

  it('calendar days follow Điều 147–148; immediate results are due at reception', () => {
    expect(
      iso(value(dueAfter(calendar, at('2026-08-28T09:00:00+07:00'), { value: 5, unit: 'calendar_days' }))),
    ).toBe('2026-09-03T17:00:00+07:00');
    const received = at('2026-09-01T10:00:00+07:00');
    expect(value(dueAfter(calendar, received, { value: 0, unit: 'immediate' }))).toBe(received);
  });
});

describe('[R33, ND 61 Đ19] apology and new appointment', () => {
  const base = {
    calendar,
    dueAt: at('2026-11-27T17:00:00+07:00'),
    newDueAt: at('2026-12-04T17:00:00+07:00'),
    apologiesSoFar: 0,
    maxApologies: 1,
    minWorkingDaysBefore: 1,
  };

  it('is allowed once, at least one working day before the due time', () => {
    expect(checkApology({ ...base, now: at('2026-11-25T16:00:00+07:00') })).toEqual({ ok: true });
    expect(checkApology({ ...base, now: at('2026-11-26T17:00:00+07:00') })).toEqual({ ok: true });
    expect(checkApology({ ...base, now: at('2026-11-27T08:00:00+07:00') })).toEqual({
      ok: false,
      reason: 'too_late',
    });
    expect(checkApology({ ...base, now: at('2026-11-25T16:00:00+07:00'), apologiesSoFar: 1 })).toEqual({
      ok: false,
      reason: 'limit_reached',
    });
    expect(checkApology({ ...base, now: at('2026-11-25T16:00:00+07:00'), newDueAt: base.dueAt })).toEqual({
      ok: false,
      reason: 'new_date_not_later',
    });
  });

  it('an apologised dossier is overdue even when finished before the new appointment', () => {
    expect(
      value(
        classifyDossier({
          finishedAt: at('2026-11-26T10:00:00+07:00'),
          dueAt: base.dueAt,
          apologised: true,
          granularity: 'localDate',
        }),
      ),
    ).toBe('overdue');
    expect(
      value(
        classifyDossier({
          finishedAt: at('2026-11-26T10:00:00+07:00'),
          dueAt: base.dueAt,
          apologised: false,
          granularity: 'localDate',
        }),
      ),
    ).toBe('early');
    expect(
      value(
        classifyDossier({
          finishedAt: at('2026-11-27T16:00:00+07:00'),
          dueAt: base.dueAt,
          apologised: false,
          granularity: 'localDate',
        }),
      ),
    ).toBe('onTime');
  });
});

describe('[R34] supplement clock policy', () => {
  const input = {
    calendar,
    dueAt: at('2026-11-30T10:00:00+07:00'),
    requestedAt: at('2026-11-24T09:00:00+07:00'),
    suppliedAt: at('2026-11-26T09:00:00+07:00'),
    limit: { value: 5, unit: 'working_days' as const },
  };

  it('restart: the full limit runs again from the supply; pause: the waiting working time is added', () => {
    expect(iso(value(dueAfterSupplement({ ...input, policy: 'restart' })))).toBe('2026-12-03T09:00:00+07:00');
    expect(iso(value(dueAfterSupplement({ ...input, policy: 'pause' })))).toBe('2026-12-02T10:00:00+07:00');
  });

  it('pause never moves the appointment earlier, and adds exactly the waited working time (property)', () => {
    const minutes = fc.integer({ min: 0, max: 30 * DAY });
    fc.assert(
      fc.property(minutes, minutes, (waitMinutes, dueOffset) => {
        const requestedAt = at('2026-11-23T07:00:00+07:00');
        const suppliedAt = requestedAt + waitMinutes * 60_000;
        const dueAt = requestedAt + dueOffset * 60_000;
        const resumed = value(
          dueAfterSupplement({ ...input, policy: 'pause', requestedAt, suppliedAt, dueAt }),
        );
        expect(resumed).toBeGreaterThanOrEqual(dueAt);
      }),
      { numRuns: 300 },
    );
  });
});
