// "Check a due date": reception time + duration → due time on the selected calendar, with the engine's
// explanation, through the same public API receipts will use (GET /api/v1/calendar/due).
import { type FormEvent, useId, useState } from 'react';
import { calendarApi, type DueResponse, type DurationUnit } from '../../api/calendar.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { isTime, nowInVietnam, parseVnDate, vnDate } from './calendar-dates.ts';

const UNITS: DurationUnit[] = ['workingDays', 'workingHours', 'workingMinutes', 'calendarDays'];

/** `2026-02-25T17:00:00+07:00` → `17:00 25/02/2026`. */
function vnInstant(iso: string): string {
  return `${iso.slice(11, 16)} ${vnDate(iso.slice(0, 10))}`;
}

export function DueChecker({ agencyCode }: { agencyCode: string | undefined }) {
  const { m, lang } = useI18n();
  const t = m.calendar;
  const ids = {
    date: useId(),
    time: useId(),
    value: useId(),
    unit: useId(),
    dateHint: useId(),
    timeHint: useId(),
  };
  const now = nowInVietnam();
  const [date, setDate] = useState(vnDate(now.date));
  const [time, setTime] = useState(now.time);
  const [value, setValue] = useState('3');
  const [unit, setUnit] = useState<DurationUnit>('workingDays');
  const [result, setResult] = useState<DueResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<{ date?: string; time?: string }>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const iso = parseVnDate(date);
    const found = {
      ...(iso ? {} : { date: t.invalidDate(t.fromDate) }),
      ...(isTime(time.trim()) ? {} : { time: t.invalidTime(t.fromTime) }),
    };
    setInvalid(found);
    setError(null);
    if (!iso || found.time) {
      setResult(null);
      return;
    }
    setBusy(true);
    try {
      setResult(
        await calendarApi.due({
          from: `${iso}T${time.trim()}:00+07:00`,
          unit,
          value: value.trim().replace(',', '.'),
          agency: agencyCode,
        }),
      );
    } catch (reason) {
      setResult(null);
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="cal-checker-title">
      <h2 id="cal-checker-title">{t.checkerTitle}</h2>
      <p className="hint">{t.checkerLead}</p>
      {invalid.date || invalid.time ? (
        <Alert kind="error" title={t.errorSummary}>
          <ul>
            {invalid.date ? (
              <li>
                <a href={`#${ids.date}`}>{invalid.date}</a>
              </li>
            ) : null}
            {invalid.time ? (
              <li>
                <a href={`#${ids.time}`}>{invalid.time}</a>
              </li>
            ) : null}
          </ul>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="cal-form-row">
        <div className="field">
          <label htmlFor={ids.date}>{t.fromDate}</label>
          <span className="hint" id={ids.dateHint}>
            {t.dateHint}
          </span>
          {invalid.date ? <p className="field-error">{invalid.date}</p> : null}
          <input
            id={ids.date}
            type="text"
            autoComplete="off"
            value={date}
            aria-invalid={Boolean(invalid.date)}
            aria-describedby={ids.dateHint}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.time}>{t.fromTime}</label>
          <span className="hint" id={ids.timeHint}>
            {t.timeHint}
          </span>
          {invalid.time ? <p className="field-error">{invalid.time}</p> : null}
          <input
            id={ids.time}
            type="text"
            autoComplete="off"
            value={time}
            aria-invalid={Boolean(invalid.time)}
            aria-describedby={ids.timeHint}
            onChange={(event) => setTime(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.value}>{t.durationValue}</label>
          <input
            id={ids.value}
            type="text"
            inputMode="decimal"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.unit}>{t.durationUnit}</label>
          <select
            id={ids.unit}
            value={unit}
            onChange={(event) => setUnit(event.target.value as DurationUnit)}
          >
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t.units[u]}
              </option>
            ))}
          </select>
        </div>
        <div className="field cal-form-row__submit">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t.computing : t.compute}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {error ? (
          <Alert kind="error" title={t.errorSummary}>
            <p>{errorMessage(error, lang)}</p>
          </Alert>
        ) : null}
        {result ? (
          <div className="cal-result">
            <dl>
              <div>
                <dt>{t.dueResult}</dt>
                <dd className="cal-result__due" data-testid="due-result">
                  {vnInstant(result.due)}
                </dd>
              </div>
              <div>
                <dt>{t.startResult}</dt>
                <dd>{vnInstant(result.start)}</dd>
              </div>
            </dl>
            <h3>{t.explanation}</h3>
            <p className="cal-result__explanation">{result.explanation[lang]}</p>
            {result.calendar.unconfirmedYears.length > 0 ? (
              <p className="cal-result__warning">
                {t.unconfirmedWarning(result.calendar.unconfirmedYears.join(', '))}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
