// The working-calendar screen (issue 3, system administrators): choose a calendar and a year, see the
// year as 12 month grids, declare days off and make-up days, confirm the year's proposal, change the
// working hours from a date on, and check a due date against the calendar, all in one place.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoginResponse } from '../../../src/modules/auth/auth.schemas.ts';
import { type CalendarSummary, calendarApi, type YearView } from '../../api/calendar.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import '../../ui/calendar.css';
import { AgencyCalendarForm } from './AgencyCalendarForm.tsx';
import { nowInVietnam } from './calendar-dates.ts';
import { DayEditor } from './DayEditor.tsx';
import { DaysTable } from './DaysTable.tsx';
import { DueChecker } from './DueChecker.tsx';
import { HoursSection } from './HoursSection.tsx';
import { Legend, YearGrid } from './YearGrid.tsx';
import { YearStatus } from './YearStatus.tsx';

export function CalendarPage({ session }: { session: LoginResponse }) {
  const { m, lang } = useI18n();
  const t = m.calendar;
  const today = nowInVietnam().date;
  const isAdmin = session.user.roles.includes('system_admin');
  const [calendars, setCalendars] = useState<CalendarSummary[]>([]);
  const [calendarId, setCalendarId] = useState('');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [view, setView] = useState<YearView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [editorDate, setEditorDate] = useState<string | null>(null);
  const [focusDate, setFocusDate] = useState(today);
  const [generation, setGeneration] = useState(0);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isAdmin) {
      return;
    }
    void generation;
    calendarApi.list().then(
      (list) => {
        setCalendars(list.items);
        setCalendarId((current) => current || (list.items.find((c) => c.isDefault)?.id ?? ''));
      },
      (reason: unknown) => setError(reason),
    );
  }, [isAdmin, generation]);

  useEffect(() => {
    if (!calendarId) {
      return;
    }
    void generation;
    let alive = true;
    calendarApi.year(calendarId, year).then(
      (next) => alive && setView(next),
      (reason: unknown) => alive && setError(reason),
    );
    return () => {
      alive = false;
    };
  }, [calendarId, year, generation]);

  const changed = useCallback((text: string) => {
    setMessage(text);
    setError(null);
    setGeneration((g) => g + 1);
    requestAnimationFrame(() => messageRef.current?.focus());
  }, []);

  const closeEditor = () => {
    const date = editorDate;
    setEditorDate(null);
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)?.focus(),
    );
  };

  const goYear = (next: number) => {
    setYear(next);
    setEditorDate(null);
    setFocusDate(next === Number(today.slice(0, 4)) ? today : `${next}-01-01`);
  };

  if (!isAdmin) {
    return (
      <div className="page">
        <h1>{t.title}</h1>
        <Alert kind="error">{t.forbidden}</Alert>
      </div>
    );
  }

  const calendar = calendars.find((c) => c.id === calendarId);
  const calendarName = (c: CalendarSummary) =>
    c.agency
      ? t.agencyCalendar(lang === 'en' && c.agency.nameEn ? c.agency.nameEn : c.agency.name, c.agency.code)
      : t.defaultCalendar;
  const entry = editorDate ? view?.days.find((d) => d.date === editorDate) : undefined;

  return (
    <div className="page cal-page">
      <h1>{t.title}</h1>
      <p className="hint">{t.lead}</p>
      <div ref={messageRef} tabIndex={-1}>
        {error ? (
          <Alert kind="error" title={t.loadError}>
            {errorMessage(error, lang)}
          </Alert>
        ) : null}
        {message ? <Alert kind="success">{message}</Alert> : null}
      </div>
      <div className="cal-toolbar">
        <div className="field">
          <label htmlFor="cal-select">{t.calendarLabel}</label>
          <select
            id="cal-select"
            value={calendarId}
            onChange={(event) => {
              setCalendarId(event.target.value);
              setEditorDate(null);
            }}
          >
            {calendars.map((c) => (
              <option key={c.id} value={c.id}>
                {calendarName(c)}
              </option>
            ))}
          </select>
        </div>
        <nav className="cal-years" aria-label={t.yearLabel}>
          <button type="button" className="button" disabled={year <= 1976} onClick={() => goYear(year - 1)}>
            <span aria-hidden="true">‹ </span>
            {t.previousYear(year - 1)}
          </button>
          <button type="button" className="button" disabled={year >= 2199} onClick={() => goYear(year + 1)}>
            {t.nextYear(year + 1)}
            <span aria-hidden="true"> ›</span>
          </button>
        </nav>
      </div>
      {view && calendar ? (
        <>
          <YearStatus view={view} onChanged={changed} />
          <div className="cal-layout">
            <section className="card cal-grid-card" aria-labelledby="cal-year-title">
              <h2 id="cal-year-title">
                {calendarName(calendar)} — {t.yearLabel} {view.year}
              </h2>
              <Legend />
              <YearGrid
                view={view}
                today={today}
                focusDate={focusDate.startsWith(String(view.year)) ? focusDate : `${view.year}-01-01`}
                onFocusDate={setFocusDate}
                onOpen={setEditorDate}
              />
            </section>
            <div className="cal-side">
              {editorDate ? (
                <DayEditor
                  key={`${calendarId}-${editorDate}-${generation}`}
                  calendarId={calendarId}
                  date={editorDate}
                  entry={entry}
                  onDone={(text) => {
                    changed(text);
                    setEditorDate(null);
                  }}
                  onClose={closeEditor}
                />
              ) : null}
              <DueChecker agencyCode={calendar.agency?.code} />
            </div>
          </div>
          <DaysTable
            view={view}
            onEdit={(date) => {
              setFocusDate(date);
              setEditorDate(date);
            }}
          />
          <HoursSection
            key={`${calendarId}-${generation}`}
            calendar={calendar}
            today={today}
            onChanged={changed}
          />
          {calendar.isDefault ? (
            <AgencyCalendarForm
              calendars={calendars}
              today={today}
              onCreated={(id, text) => {
                setCalendarId(id);
                changed(text);
              }}
            />
          ) : null}
        </>
      ) : !error ? (
        <p aria-live="polite">{m.common.loading}</p>
      ) : null}
    </div>
  );
}
