import { describe, expect, it } from 'vitest';
import { classifyFinish, warningLevel } from './classification.ts';
import { at, calendar2024to2028, unwrap } from './test-support.ts';

const cal = calendar2024to2028();
const due = at('2026-03-13T17:00:00+07:00'); // Friday

describe('[R31] finish classification (HP Điều 11.6–11.7)', () => {
  function classify(finished: string, granularity?: 'localDate' | 'instant') {
    return unwrap(classifyFinish(at(finished), due, granularity));
  }

  it('[R31] early = finished on a Vietnam date before the due date', () => {
    expect(classify('2026-03-12T20:00:00+07:00')).toBe('early');
  });

  it('[R31] on time = on the due date, not after the due instant (inclusive)', () => {
    expect(classify('2026-03-13T08:00:00+07:00')).toBe('onTime');
    expect(classify('2026-03-13T17:00:00+07:00')).toBe('onTime');
  });

  it('[R31] overdue = after the due instant, even by one second', () => {
    expect(classify('2026-03-13T17:00:01+07:00')).toBe('overdue');
    expect(classify('2026-03-16T07:00:00+07:00')).toBe('overdue');
  });

  it('[R31] the due date is the Vietnam date, not the UTC date (06:30+07:00 is still the 12th in UTC)', () => {
    expect(classify('2026-03-13T06:30:00+07:00')).toBe('onTime');
    expect(classify('2026-03-12T23:59:59+07:00')).toBe('early');
  });

  it('[R31] instant granularity: early = strictly before the due instant, on time = exactly at it', () => {
    expect(classify('2026-03-13T08:00:00+07:00', 'instant')).toBe('early');
    expect(classify('2026-03-13T17:00:00+07:00', 'instant')).toBe('onTime');
    expect(classify('2026-03-13T17:00:01+07:00', 'instant')).toBe('overdue');
  });
});

describe('[R36] warning level (HP Điều 14)', () => {
  function level(now: string) {
    return unwrap(warningLevel(cal, at(now), due));
  }

  it('[R36] normal while at least one working day is left', () => {
    expect(level('2026-03-12T17:00:00+07:00')).toEqual({ level: 'normal', workingMinutesLeft: 480 });
    expect(level('2026-03-12T20:00:00+07:00').level).toBe('normal');
    expect(level('2026-03-09T09:00:00+07:00').level).toBe('normal');
  });

  it('[R36] dueSoon with less than one working day left, including at the due instant', () => {
    expect(level('2026-03-13T07:01:00+07:00')).toEqual({ level: 'dueSoon', workingMinutesLeft: 479 });
    expect(level('2026-03-13T17:00:00+07:00')).toEqual({ level: 'dueSoon', workingMinutesLeft: 0 });
  });

  it('[R36] overdue after the due instant', () => {
    expect(level('2026-03-13T17:00:01+07:00')).toEqual({ level: 'overdue', workingMinutesLeft: 0 });
  });

  it('[R36] counts working time, not clock time: Friday 16:00 before a Monday 10:00 due is dueSoon', () => {
    const mondayDue = at('2026-03-16T10:00:00+07:00');
    expect(unwrap(warningLevel(cal, at('2026-03-13T16:00:00+07:00'), mondayDue)).level).toBe('dueSoon');
    expect(unwrap(warningLevel(cal, at('2026-03-13T09:00:00+07:00'), mondayDue)).level).toBe('normal');
  });
});
