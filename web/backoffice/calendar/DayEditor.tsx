// Declare, change or remove one date: a day off (holiday, compensatory, ad-hoc) or a make-up working
// day, with its name in both languages, its legal basis and, for a make-up day, its own hours.
// Errors are listed at the top (linked to their fields) and beside each field.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type AdminDay, calendarApi, type DayBody } from '../../api/calendar.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { vnDate, weekdayOfIso } from './calendar-dates.ts';

type Kind = AdminDay['kind'];
const KINDS: Kind[] = ['holiday', 'compensatory', 'ad-hoc', 'working'];

interface Period {
  start: string;
  end: string;
}

export function DayEditor(props: {
  calendarId: string;
  date: string;
  entry: AdminDay | undefined;
  onDone(message: string): void;
  onClose(): void;
}) {
  const { m, lang } = useI18n();
  const t = m.calendar;
  const { entry, date } = props;
  const ids = { vi: useId(), en: useId(), basis: useId(), basisHint: useId(), own: useId(), kinds: useId() };
  const weekend = [0, 6].includes(weekdayOfIso(date));
  const [kind, setKind] = useState<Kind>(entry?.kind ?? (weekend ? 'working' : 'ad-hoc'));
  const [nameVi, setNameVi] = useState(entry?.name.vi ?? '');
  const [nameEn, setNameEn] = useState(entry?.name.en ?? '');
  const [basis, setBasis] = useState(entry?.legalBasis ?? '');
  const [ownHours, setOwnHours] = useState((entry?.periods.length ?? 0) > 0);
  const [periods, setPeriods] = useState<Period[]>(
    entry && entry.periods.length > 0
      ? [...entry.periods, { start: '', end: '' }].slice(0, 2)
      : [
          { start: '07:00', end: '11:30' },
          { start: '', end: '' },
        ],
  );
  const [errors, setErrors] = useState<{ vi?: string; en?: string }>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (confirmRemove) {
      removeRef.current?.focus();
    }
  }, [confirmRemove]);

  const fail = (error: unknown) => {
    setServerError(error);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: { vi?: string; en?: string } = {};
    if (!nameVi.trim()) {
      found.vi = t.requiredNameVi;
    }
    if (!nameEn.trim()) {
      found.en = t.requiredNameEn;
    }
    setErrors(found);
    setServerError(null);
    if (found.vi || found.en) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const body: DayBody = {
      kind,
      name: { vi: nameVi.trim(), en: nameEn.trim() },
      legalBasis: basis.trim() || null,
      ...(kind === 'working' && ownHours ? { periods: periods.filter((p) => p.start || p.end) } : {}),
    };
    setBusy(true);
    try {
      await calendarApi.setDay(props.calendarId, date, body);
      props.onDone(t.saved);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const onRemove = async () => {
    setBusy(true);
    try {
      await calendarApi.removeDay(props.calendarId, date);
      props.onDone(t.removed);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const setPeriod = (index: number, key: keyof Period, value: string) =>
    setPeriods((current) => current.map((p, i) => (i === index ? { ...p, [key]: value } : p)));

  const hasErrors = Boolean(errors.vi || errors.en || serverError);
  return (
    <section className="card cal-editor" aria-labelledby="cal-editor-title">
      <h2 id="cal-editor-title" ref={headingRef} tabIndex={-1}>
        {t.editorTitle(t.weekdayLong[weekdayOfIso(date)] ?? '', vnDate(date))}
      </h2>
      <p className="hint">
        {!entry
          ? t.editorNew
          : entry.inherited
            ? t.editorInherited
            : entry.source === 'proposal'
              ? t.editorProposal
              : ''}
      </p>
      <div ref={summaryRef} tabIndex={-1}>
        {hasErrors ? (
          <Alert kind="error" title={t.errorSummary}>
            <ul>
              {serverError ? <li>{errorMessage(serverError, lang)}</li> : null}
              {errors.vi ? (
                <li>
                  <a href={`#${ids.vi}`}>{errors.vi}</a>
                </li>
              ) : null}
              {errors.en ? (
                <li>
                  <a href={`#${ids.en}`}>{errors.en}</a>
                </li>
              ) : null}
            </ul>
          </Alert>
        ) : null}
      </div>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="field cal-kinds">
          <legend>{t.kindLegend}</legend>
          {KINDS.map((k) => (
            <div className="radio" key={k}>
              <input
                type="radio"
                id={`${ids.kinds}-${k}`}
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label htmlFor={`${ids.kinds}-${k}`}>
                <span className={`cal-swatch cal-day--${k}`} aria-hidden="true" /> {t.kinds[k]}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.vi}>{t.nameVi}</label>
          {errors.vi ? <p className="field-error">{errors.vi}</p> : null}
          <input
            id={ids.vi}
            type="text"
            value={nameVi}
            maxLength={200}
            aria-invalid={Boolean(errors.vi)}
            onChange={(event) => setNameVi(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.en}>{t.nameEn}</label>
          {errors.en ? <p className="field-error">{errors.en}</p> : null}
          <input
            id={ids.en}
            type="text"
            lang="en"
            value={nameEn}
            maxLength={200}
            aria-invalid={Boolean(errors.en)}
            onChange={(event) => setNameEn(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.basis}>{t.legalBasis}</label>
          <span className="hint" id={ids.basisHint}>
            {t.legalBasisHint}
          </span>
          <input
            id={ids.basis}
            type="text"
            value={basis}
            maxLength={300}
            aria-describedby={ids.basisHint}
            onChange={(event) => setBasis(event.target.value)}
          />
        </div>
        {kind === 'working' ? (
          <fieldset className="field">
            <legend className="visually-hidden">{t.kinds.working}</legend>
            <div className="checkbox">
              <input
                id={ids.own}
                type="checkbox"
                checked={ownHours}
                onChange={(event) => setOwnHours(event.target.checked)}
              />
              <label htmlFor={ids.own}>{t.ownHours}</label>
            </div>
            {ownHours ? (
              <div className="cal-periods">
                {periods.map((period, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the two periods are positional
                  <div className="cal-period" key={index}>
                    <label>
                      {t.periodStart(index + 1)}
                      <input
                        type="text"
                        className="time-input"
                        autoComplete="off"
                        placeholder="hh:mm"
                        value={period.start}
                        onChange={(event) => setPeriod(index, 'start', event.target.value)}
                      />
                    </label>
                    <label>
                      {t.periodEnd(index + 1)}
                      <input
                        type="text"
                        className="time-input"
                        autoComplete="off"
                        placeholder="hh:mm"
                        value={period.end}
                        onChange={(event) => setPeriod(index, 'end', event.target.value)}
                      />
                    </label>
                  </div>
                ))}
              </div>
            ) : (
              <p className="hint">{t.ownHoursHint}</p>
            )}
          </fieldset>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t.saving : t.save}
          </button>
          {entry && !entry.inherited ? (
            <button type="button" className="button button--danger" onClick={() => setConfirmRemove(true)}>
              {t.remove}
            </button>
          ) : null}
          <button type="button" className="button" onClick={props.onClose}>
            {t.cancel}
          </button>
        </div>
        {confirmRemove ? (
          <div className="alert alert--error cal-confirm">
            <p>{t.removeAsk}</p>
            <div className="button-row">
              <button
                ref={removeRef}
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() => void onRemove()}
              >
                {t.remove}
              </button>
              <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
                {t.cancel}
              </button>
            </div>
          </div>
        ) : null}
      </form>
    </section>
  );
}
