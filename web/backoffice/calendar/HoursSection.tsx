// Working hours of the selected calendar: its versions (each from an effective date) and a form for new
// hours from a date on; earlier dates keep their hours, received dossiers keep their version.
import { type FormEvent, useId, useRef, useState } from 'react';
import { type CalendarSummary, calendarApi } from '../../api/calendar.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { parseVnDate, shiftIso, vnDate } from './calendar-dates.ts';
import { FormError, messageOf } from './form-error.ts';
import { draftOf, periodsSummary, WEEK_ORDER, WeeklyEditor, weeklyOfDraft } from './WeeklyEditor.tsx';

function hoursText(minutes: number, lang: 'vi' | 'en'): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return lang === 'vi' ? String(hours).replace('.', ',') : String(hours);
}

function VersionList({
  calendar,
  today,
  onRemove,
}: {
  calendar: CalendarSummary;
  today: string;
  onRemove(versionId: string): void;
}) {
  const { m, lang } = useI18n();
  const t = m.calendar;
  return (
    <ul className="cal-versions">
      {calendar.versions.map((version) => (
        <li key={version.id}>
          <p>
            <strong>{t.versionFrom(vnDate(version.effectiveFrom))}</strong> —{' '}
            {t.dailyHours(hoursText(version.dailyWorkingMinutes, lang))}
            {version.note ? <span className="hint"> · {version.note}</span> : null}
          </p>
          <dl className="cal-week-summary">
            {WEEK_ORDER.map((key, row) => (
              <div key={key}>
                <dt>{t.weekdayLong[(row + 1) % 7]}</dt>
                <dd>{periodsSummary(version.weekly[key], t.weekOff)}</dd>
              </div>
            ))}
          </dl>
          {version.effectiveFrom > today && calendar.versions.length > 1 ? (
            <button type="button" className="button button--small" onClick={() => onRemove(version.id)}>
              {t.removeVersion}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function HoursSection(props: {
  calendar: CalendarSummary;
  today: string;
  onChanged(message: string): void;
}) {
  const { m, lang } = useI18n();
  const t = m.calendar;
  const { calendar } = props;
  const ids = { from: useId(), fromHint: useId(), daily: useId(), note: useId(), week: useId() };
  const latest = calendar.versions.at(-1);
  const [from, setFrom] = useState(vnDate(shiftIso(props.today, 1)));
  const [daily, setDaily] = useState(String((latest?.dailyWorkingMinutes ?? 480) / 60));
  const [note, setNote] = useState('');
  const [week, setWeek] = useState(() => draftOf(latest?.weekly));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  const fail = (reason: unknown) => {
    setError(reason);
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const effectiveFrom = parseVnDate(from);
    if (!effectiveFrom) {
      fail(new FormError(t.invalidDate(t.effectiveFrom)));
      return;
    }
    setBusy(true);
    try {
      await calendarApi.addVersion(calendar.id, {
        effectiveFrom,
        dailyWorkingMinutes: Math.round(Number(daily.replace(',', '.')) * 60),
        weekly: weeklyOfDraft(week),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      props.onChanged(t.versionSaved);
    } catch (reason) {
      fail(reason);
    } finally {
      setBusy(false);
    }
  };

  const onRemove = async (versionId: string) => {
    try {
      await calendarApi.removeVersion(calendar.id, versionId);
      props.onChanged(t.saved);
    } catch (reason) {
      fail(reason);
    }
  };

  return (
    <section className="card" aria-labelledby="cal-hours-title">
      <h2 id="cal-hours-title">{t.hoursTitle}</h2>
      <p className="hint">{t.hoursLead}</p>
      <VersionList calendar={calendar} today={props.today} onRemove={(id) => void onRemove(id)} />
      <details className="cal-new-version">
        <summary>{t.newVersionTitle}</summary>
        <div ref={errorRef} tabIndex={-1}>
          {error ? (
            <Alert kind="error" title={t.errorSummary}>
              <p>{messageOf(error, lang)}</p>
            </Alert>
          ) : null}
        </div>
        <form onSubmit={onSubmit} noValidate>
          <div className="cal-form-row">
            <div className="field">
              <label htmlFor={ids.from}>{t.effectiveFrom}</label>
              <span className="hint" id={ids.fromHint}>
                {t.effectiveFromHint} {t.dateHint}
              </span>
              <input
                id={ids.from}
                type="text"
                autoComplete="off"
                value={from}
                aria-describedby={ids.fromHint}
                onChange={(event) => setFrom(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.daily}>{t.dailyWorkingHours}</label>
              <input
                id={ids.daily}
                type="text"
                inputMode="decimal"
                value={daily}
                onChange={(event) => setDaily(event.target.value)}
              />
            </div>
          </div>
          <WeeklyEditor idPrefix={ids.week} value={week} onChange={setWeek} />
          <div className="field">
            <label htmlFor={ids.note}>{t.note}</label>
            <input
              id={ids.note}
              type="text"
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t.saving : t.addVersion}
          </button>
        </form>
      </details>
    </section>
  );
}
