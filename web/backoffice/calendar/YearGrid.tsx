// The yearly calendar view: 12 month grids (Monday first) with weekly days off, holidays, compensatory,
// ad-hoc and make-up days coloured and marked, names on hover and focus, and a roving keyboard focus
// (arrow keys move by day and week, Enter opens the day's editor), so the year is one Tab stop.
import { type KeyboardEvent, useEffect, useId, useMemo, useRef } from 'react';
import type { AdminDay, YearView } from '../../api/calendar.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type DayClass, dayInfo, monthWeeks, shiftIso, weekdayOfIso } from './calendar-dates.ts';

const MARKS: Record<DayClass, string> = {
  weekly: '',
  holiday: '★',
  compensatory: '↺',
  'ad-hoc': '!',
  working: '⚒',
  normal: '',
};

export function Legend() {
  const { m } = useI18n();
  const t = m.calendar;
  const kinds: DayClass[] = ['weekly', 'holiday', 'compensatory', 'ad-hoc', 'working'];
  return (
    <div className="cal-legend">
      <h3 className="cal-legend__title">{t.legendTitle}</h3>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <span className={`cal-swatch cal-day--${kind}`} aria-hidden="true">
              {MARKS[kind]}
            </span>
            {t.kinds[kind as keyof typeof t.kinds]}
          </li>
        ))}
        <li>
          <span className="cal-swatch cal-day--holiday cal-day--proposal" aria-hidden="true">
            ★
          </span>
          {t.legendProposal}
        </li>
        <li>
          <span className="cal-swatch cal-day--today" aria-hidden="true" />
          {t.legendToday}
        </li>
      </ul>
    </div>
  );
}

export function YearGrid(props: {
  view: YearView;
  today: string;
  focusDate: string;
  onFocusDate(date: string): void;
  onOpen(date: string): void;
}) {
  const { m, pick } = useI18n();
  const t = m.calendar;
  const { view } = props;
  const helpId = useId();
  const moved = useRef(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const entries = useMemo(() => new Map(view.days.map((d) => [d.date, d] as const)), [view.days]);

  useEffect(() => {
    if (moved.current) {
      moved.current = false;
      gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${props.focusDate}"]`)?.focus();
    }
  }, [props.focusDate]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, date: string) => {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    const weekday = (weekdayOfIso(date) + 6) % 7;
    const step =
      steps[event.key] ?? (event.key === 'Home' ? -weekday : event.key === 'End' ? 6 - weekday : undefined);
    if (step === undefined) {
      return;
    }
    event.preventDefault();
    const next = shiftIso(date, step);
    if (next.startsWith(String(view.year))) {
      moved.current = true;
      props.onFocusDate(next);
    }
  };

  const describeDay = (entry: AdminDay | undefined, cls: DayClass): string => {
    if (!entry) {
      return cls === 'weekly' ? t.kinds.weekly : t.normalDay;
    }
    const notes = [
      ...(entry.source === 'proposal' ? [t.proposalMark] : []),
      ...(entry.inherited ? [t.inheritedMark] : []),
    ];
    return `${t.kinds[entry.kind]} – ${pick(entry.name)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  };

  return (
    <div className="cal-year" ref={gridRef}>
      <p className="hint" id={helpId}>
        {t.gridHelp}
      </p>
      <div className="cal-months">
        {t.monthNames.map((monthName, index) => (
          <table className="cal-month" key={monthName}>
            <caption>
              {monthName} / {view.year}
            </caption>
            <thead>
              <tr>
                {t.weekdayShort.map((short, i) => (
                  <th scope="col" key={short} abbr={t.weekdayLong[(i + 1) % 7]}>
                    {short}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(view.year, index + 1).map((week) => (
                <tr key={week.find(Boolean) ?? ''}>
                  {week.map((date, i) => {
                    if (!date) {
                      // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no other identity
                      return <td key={`pad-${i}`} />;
                    }
                    const info = dayInfo(view, entries, date);
                    const classes = [
                      'cal-day',
                      `cal-day--${info.cls}`,
                      info.entry?.source === 'proposal' ? 'cal-day--proposal' : '',
                      info.entry?.inherited ? 'cal-day--inherited' : '',
                      date === props.today ? 'cal-day--today' : '',
                    ].filter(Boolean);
                    const what = describeDay(info.entry, info.cls);
                    return (
                      <td key={date}>
                        <button
                          type="button"
                          className={classes.join(' ')}
                          data-date={date}
                          tabIndex={date === props.focusDate ? 0 : -1}
                          aria-label={t.dayLabel(
                            t.weekdayLong[weekdayOfIso(date)] ?? '',
                            Number(date.slice(8, 10)),
                            t.monthNames[index] ?? '',
                            view.year,
                            what,
                          )}
                          aria-describedby={date === props.focusDate ? helpId : undefined}
                          onClick={() => {
                            props.onFocusDate(date);
                            props.onOpen(date);
                          }}
                          onFocus={() => props.onFocusDate(date)}
                          onKeyDown={(event) => onKeyDown(event, date)}
                        >
                          {Number(date.slice(8, 10))}
                        </button>
                        {MARKS[info.cls] ? (
                          <span className="cal-day__mark" aria-hidden="true">
                            {MARKS[info.cls]}
                          </span>
                        ) : null}
                        {info.entry ? (
                          <span className="cal-tip" aria-hidden="true">
                            {what}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}
