// Give an agency its own working hours (e.g. a service centre open on Saturday mornings). Its divisions
// use it too; public holidays stay those of the province calendar.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type Agency, type CalendarSummary, calendarApi } from '../../api/calendar.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { parseVnDate, shiftIso, vnDate } from './calendar-dates.ts';
import { FormError, messageOf } from './form-error.ts';
import { draftOf, WeeklyEditor, weeklyOfDraft } from './WeeklyEditor.tsx';

export function AgencyCalendarForm(props: {
  calendars: CalendarSummary[];
  today: string;
  onCreated(calendarId: string, message: string): void;
}) {
  const { m, lang } = useI18n();
  const t = m.calendar;
  const ids = { agency: useId(), from: useId(), fromHint: useId(), week: useId() };
  const province = props.calendars.find((c) => c.isDefault);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agency, setAgency] = useState('');
  const [from, setFrom] = useState(vnDate(shiftIso(props.today, 1)));
  const [week, setWeek] = useState(() => draftOf(province?.versions.at(-1)?.weekly));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    calendarApi.agencies().then(
      (list) => setAgencies(list.items),
      (reason: unknown) => setError(reason),
    );
  }, []);

  const taken = new Set(props.calendars.map((c) => c.agency?.code).filter(Boolean));
  const choices = agencies.filter((a) => !taken.has(a.code));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const effectiveFrom = parseVnDate(from);
    if (!effectiveFrom) {
      setError(new FormError(t.invalidDate(t.effectiveFrom)));
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const created = await calendarApi.createAgencyCalendar({
        agency: agency || (choices[0]?.code ?? ''),
        effectiveFrom,
        dailyWorkingMinutes: province?.versions.at(-1)?.dailyWorkingMinutes ?? 480,
        weekly: weeklyOfDraft(week),
      });
      props.onCreated(created.id, t.agencyCreated);
    } catch (reason) {
      setError(reason);
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="cal-agency-title">
      <details>
        <summary>
          <h2 id="cal-agency-title" className="cal-summary-heading">
            {t.agencyTitle}
          </h2>
        </summary>
        <p className="hint">{t.agencyLead}</p>
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
              <label htmlFor={ids.agency}>{t.agencyLabel}</label>
              <select id={ids.agency} value={agency} onChange={(event) => setAgency(event.target.value)}>
                {choices.map((a) => (
                  <option key={a.code} value={a.code}>
                    {lang === 'en' && a.nameEn ? a.nameEn : a.name} ({a.code})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.from}>{t.effectiveFrom}</label>
              <span className="hint" id={ids.fromHint}>
                {t.dateHint}
              </span>
              <input
                aria-describedby={ids.fromHint}
                id={ids.from}
                type="text"
                autoComplete="off"
                value={from}
                onChange={(event) => setFrom(event.target.value)}
              />
            </div>
          </div>
          <WeeklyEditor idPrefix={ids.week} value={week} onChange={setWeek} />
          <button type="submit" className="button button--primary" disabled={busy || choices.length === 0}>
            {busy ? t.saving : t.createAgency}
          </button>
        </form>
      </details>
    </section>
  );
}
