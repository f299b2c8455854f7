import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar-model.ts';
import { computeDue } from './compute-due.ts';
import { describeError } from './outcome.ts';
import { at, calendar2024to2028, holidaysOf, iso, unwrap } from './test-support.ts';

const cal = calendar2024to2028();

describe('[R30] computeDue: one entry point with start, skipped days and explanation', () => {
  it('[R30] a Friday-evening dossier before Tết: start, skipped days with names, due and explanation', () => {
    const result = unwrap(
      computeDue(cal, at('2026-02-13T18:20:00+07:00'), { unit: 'workingDays', value: 3 }),
    );
    expect(iso(result.start)).toBe('2026-02-23T07:00:00+07:00');
    expect(iso(result.due)).toBe('2026-02-25T17:00:00+07:00');
    expect(result.skipped.map((d) => [d.date, d.kind])).toEqual([
      ['2026-02-14', 'weekly'],
      ['2026-02-15', 'weekly'],
      ['2026-02-16', 'holiday'],
      ['2026-02-17', 'holiday'],
      ['2026-02-18', 'holiday'],
      ['2026-02-19', 'holiday'],
      ['2026-02-20', 'holiday'],
      ['2026-02-21', 'weekly'],
      ['2026-02-22', 'weekly'],
    ]);
    expect(result.skipped[3]?.legalBasis).toBe('Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b');
    expect(result.explanation.vi).toBe(
      'Nhận lúc 18:20 ngày 13/02/2026, ngoài giờ làm việc, nên bắt đầu tính từ 07:00 ngày 23/02/2026. ' +
        'Tính 3 ngày làm việc (24 giờ làm việc; 1 ngày làm việc = 8 giờ). ' +
        'Không tính 4 ngày nghỉ hằng tuần và các ngày nghỉ 16/02/2026 – Tết Nguyên Đán (29 tháng Chạp); ' +
        '17/02/2026 – Tết Nguyên Đán (mùng 1 tháng Giêng); 18/02/2026 – Tết Nguyên Đán (mùng 2 tháng Giêng); ' +
        '19/02/2026 – Tết Nguyên Đán (mùng 3 tháng Giêng); 20/02/2026 – Tết Nguyên Đán (mùng 4 tháng Giêng). ' +
        'Hạn: 17:00 ngày 25/02/2026.',
    );
    expect(result.explanation.en).toContain('counting starts at 07:00 on 23/02/2026');
    expect(result.explanation.en).toContain('Skipped 4 weekly day(s) off');
    expect(result.explanation.en).toContain('Due at 17:00 on 25/02/2026.');
  });

  it('[R30] a start inside working time is not "moved"; a due on a working day skips nothing', () => {
    const result = unwrap(
      computeDue(cal, at('2026-03-09T09:00:00+07:00'), { unit: 'workingHours', value: 4 }),
    );
    expect(iso(result.due)).toBe('2026-03-09T15:00:00+07:00');
    expect(result.skipped).toEqual([]);
    expect(result.explanation.vi).toBe(
      'Bắt đầu tính từ 09:00 ngày 09/03/2026. Tính 4 giờ làm việc. Hạn: 15:00 ngày 09/03/2026.',
    );
    expect(result.explanation.en).toBe(
      'Counting starts at 09:00 on 09/03/2026. Counted 4 working hour(s). Due at 15:00 on 09/03/2026.',
    );
  });

  it('[Điều 111.3] the explanation names the holiday on a Sunday and its compensatory Monday', () => {
    const result = unwrap(
      computeDue(cal, at('2026-04-24T10:00:00+07:00'), { unit: 'workingDays', value: 1 }),
    );
    expect(iso(result.due)).toBe('2026-04-28T10:00:00+07:00');
    expect(result.skipped.map((d) => d.kind)).toEqual(['weekly', 'holiday', 'compensatory']);
    expect(result.explanation.vi).toContain('26/04/2026 – Giỗ Tổ Hùng Vương');
    expect(result.explanation.vi).toContain('27/04/2026 – Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('[§7.2] counted make-up days are listed', () => {
    const withMakeUp = defaultCalendar({
      nonWorkingDays: holidaysOf(2014),
      makeUpWorkingDays: [{ date: '2014-02-08', name: { vi: 'Làm bù', en: 'Make-up day' } }],
    });
    const result = unwrap(
      computeDue(withMakeUp, at('2014-02-07T15:00:00+07:00'), { unit: 'workingMinutes', value: 240 }),
    );
    expect(iso(result.due)).toBe('2014-02-08T09:00:00+07:00');
    expect(result.makeUpDays).toEqual([{ date: '2014-02-08', name: { vi: 'Làm bù', en: 'Make-up day' } }]);
    expect(result.explanation.vi).toContain('Có tính ngày làm bù 08/02/2014 – Làm bù.');
  });

  it('[Điều 147–148] calendar days: explanation cites the first day not counted and the move', () => {
    const result = unwrap(
      computeDue(cal, at('2026-03-09T15:00:00+07:00'), { unit: 'calendarDays', value: 5 }),
    );
    expect(result.lastDay).toBe('2026-03-14');
    expect(iso(result.due)).toBe('2026-03-16T17:00:00+07:00');
    expect(result.skipped.map((d) => d.date)).toEqual(['2026-03-14', '2026-03-15']);
    expect(result.explanation.vi).toContain('Điều 147');
    expect(result.explanation.vi).toContain('Điều 148');
    expect(result.explanation.vi).toContain('Hạn: 17:00 ngày 16/03/2026.');
  });

  it('[Điều 148] a midnight end is written 24:00 of the last day', () => {
    const result = unwrap(
      computeDue(
        cal,
        at('2026-03-11T15:00:00+07:00'),
        { unit: 'calendarDays', value: 2 },
        { calendarDayEnd: 'midnight' },
      ),
    );
    expect(iso(result.due)).toBe('2026-03-14T00:00:00+07:00');
    expect(result.explanation.vi).toContain('Hạn: 24:00 ngày 13/03/2026.');
  });

  it('[issue 3] bad input comes back as a described error', () => {
    const bad = computeDue(cal, at('2026-03-09T09:00:00+07:00'), { unit: 'workingDays', value: -2 });
    expect(bad).toEqual({ ok: false, error: { code: 'invalidDuration' } });
    const noHours = computeDue(
      defaultCalendar({ weekly: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } }),
      at('2026-03-09T09:00:00+07:00'),
      { unit: 'workingDays', value: 1 },
    );
    expect(noHours.ok).toBe(false);
    if (!noHours.ok) {
      expect(noHours.error.code).toBe('invalidCalendar');
      expect(describeError(noHours.error).en).toContain('no working periods at all');
    }
  });
});
