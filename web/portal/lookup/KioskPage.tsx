// R38: kiosk mode for the touch screens at the centre — large type, big keys for the code, a QR
// scanner that types like a keyboard works in the same field, no login, and an idle reset.
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { CameraScan } from './CameraScan.tsx';
import { CodeForm, LookupResult, useLookup } from './LookupPanel.tsx';
import './lookup.css';

/** Back to the start after this long without a touch or a key (default 90 s; ?idle=<seconds>). */
function idleMs(): number {
  const raw = Number(new URLSearchParams(window.location.search).get('idle'));
  return Number.isFinite(raw) && raw >= 5 && raw <= 3600 ? raw * 1000 : 90_000;
}

export function KioskPage() {
  const { m } = useI18n();
  const [code, setCode] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const state = useLookup(code);
  const reset = useCallback(() => {
    setCode(null);
    setRound((r) => r + 1);
  }, []);

  useEffect(() => {
    const limit = idleMs();
    let timer = window.setTimeout(reset, limit);
    const touch = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(reset, limit);
    };
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    for (const e of events) {
      window.addEventListener(e, touch);
    }
    return () => {
      window.clearTimeout(timer);
      for (const e of events) {
        window.removeEventListener(e, touch);
      }
    };
  }, [reset]);

  return (
    <main className="kiosk" id="main">
      <h1>{m.lookup.kioskTitle}</h1>
      <p className="kiosk-lead">{m.lookup.kioskLead}</p>
      <CodeForm key={round} onSubmit={setCode} keypad autoFocus />
      <CameraScan onCode={setCode} />
      <LookupResult state={state} compact />
      {code ? (
        <button type="button" className="button kiosk-again" onClick={reset}>
          {m.lookup.kioskAgain}
        </button>
      ) : null}
      <p className="hint">{m.lookup.kioskIdle}</p>
    </main>
  );
}
