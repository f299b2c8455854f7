// Weekly working hours as a small table: each weekday with up to two periods (morning, afternoon).
// Empty times mean no period; a weekday without periods is a weekly day off.
import type { CalendarSummary, VersionBody } from '../../api/calendar.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const WEEK_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekKey = (typeof WEEK_ORDER)[number];
export type WeekDraft = Record<WeekKey, Array<{ start: string; end: string }>>;

type Weekly = CalendarSummary['versions'][number]['weekly'];

/** Two editable periods per weekday, filled from a version's hours. */
export function draftOf(weekly: Weekly | undefined): WeekDraft {
  const blank = { start: '', end: '' };
  return Object.fromEntries(
    WEEK_ORDER.map((key) => {
      const periods = weekly?.[key] ?? [];
      return [key, [periods[0] ?? blank, periods[1] ?? blank].map((p) => ({ ...p }))];
    }),
  ) as WeekDraft;
}

export function weeklyOfDraft(draft: WeekDraft): VersionBody['weekly'] {
  return Object.fromEntries(
    WEEK_ORDER.map((key) => [key, draft[key].filter((p) => p.start || p.end)]),
  ) as VersionBody['weekly'];
}

/** `07:00–11:30, 13:30–17:00` or "off". */
export function periodsSummary(periods: Array<{ start: string; end: string }>, off: string): string {
  return periods.length === 0 ? off : periods.map((p) => `${p.start}–${p.end}`).join(', ');
}

export function WeeklyEditor(props: { idPrefix: string; value: WeekDraft; onChange(next: WeekDraft): void }) {
  const { m } = useI18n();
  const t = m.calendar;
  const set = (key: WeekKey, index: number, part: 'start' | 'end', value: string) =>
    props.onChange({
      ...props.value,
      [key]: props.value[key].map((p, i) => (i === index ? { ...p, [part]: value } : p)),
    });
  return (
    <div className="table-scroll">
      <table className="data-table cal-week">
        <thead>
          <tr>
            <th scope="col">{t.colWeekday}</th>
            <th scope="col">{t.periodStart(1)}</th>
            <th scope="col">{t.periodEnd(1)}</th>
            <th scope="col">{t.periodStart(2)}</th>
            <th scope="col">{t.periodEnd(2)}</th>
          </tr>
        </thead>
        <tbody>
          {WEEK_ORDER.map((key, row) => {
            const dayName = t.weekdayLong[(row + 1) % 7] ?? key;
            return (
              <tr key={key}>
                <th scope="row">{dayName}</th>
                {[0, 1].flatMap((index) =>
                  (['start', 'end'] as const).map((part) => (
                    <td key={`${index}-${part}`}>
                      <input
                        id={`${props.idPrefix}-${key}-${index}-${part}`}
                        type="text"
                        className="time-input"
                        autoComplete="off"
                        placeholder="hh:mm"
                        aria-label={`${dayName} – ${part === 'start' ? t.periodStart(index + 1) : t.periodEnd(index + 1)}`}
                        value={props.value[key][index]?.[part] ?? ''}
                        onChange={(event) => set(key, index, part, event.target.value)}
                      />
                    </td>
                  )),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
