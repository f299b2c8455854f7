// The year's status, said plainly: a computed proposal (Điều 112 khoản 3: the official Tết and National
// Day days are decided each year), confirmed by whom and when, or nothing entered yet; with the action
// that fits (confirm after checking the official notice, or create the proposal).
import { useEffect, useRef, useState } from 'react';
import { calendarApi, type YearView } from '../../api/calendar.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';

function vnDateTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${shifted.slice(11, 16)} ${shifted.slice(8, 10)}/${shifted.slice(5, 7)}/${shifted.slice(0, 4)}`;
}

export function YearStatus({ view, onChanged }: { view: YearView; onChanged(message: string): void }) {
  const { m, lang } = useI18n();
  const t = m.calendar;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) {
      confirmRef.current?.focus();
    }
  }, [asking]);

  const run = async (action: () => Promise<unknown>, text: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setAsking(false);
      onChanged(text);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  if (!view.calendar.isDefault) {
    return <p className="hint cal-status">{t.agencyYearNote}</p>;
  }
  const { year } = view;
  return (
    <div className={`cal-status cal-status--${view.status}`}>
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {view.status === 'proposed' ? (
        <Alert kind="info">
          <p>{t.statusProposed(year)}</p>
          {asking ? (
            <div className="button-row">
              <p>{t.confirmYearAsk(year)}</p>
              <button
                ref={confirmRef}
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void run(() => calendarApi.confirmYear(view.calendar.id, year), t.saved)}
              >
                {t.confirmYear(year)}
              </button>
              <button type="button" className="button" onClick={() => setAsking(false)}>
                {t.cancel}
              </button>
            </div>
          ) : (
            <button type="button" className="button button--primary" onClick={() => setAsking(true)}>
              {t.confirmYear(year)}
            </button>
          )}
        </Alert>
      ) : view.status === 'confirmed' ? (
        <Alert kind="success">
          <p>
            {t.statusConfirmed(
              year,
              view.confirmedBy ?? '—',
              view.confirmedAt ? vnDateTime(view.confirmedAt) : '—',
            )}
          </p>
        </Alert>
      ) : (
        <Alert kind="info">
          <p>{t.statusNone(year)}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void run(() => calendarApi.proposeYear(view.calendar.id, year), t.saved)}
          >
            {t.proposeYear(year)}
          </button>
        </Alert>
      )}
    </div>
  );
}
