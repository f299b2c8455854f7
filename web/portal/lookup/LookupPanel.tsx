// R38: the lookup shared by the portal page, the kiosk and the widget — a code form and the public
// result (status, appointment, steps without personal data, what to do next).
import { type FormEvent, useEffect, useId, useState } from 'react';
import { normalizeDossierCodeInput, parseDossierCode } from '../../../src/domain/dossier/dossier-code.ts';
import { type DossierStatus, STATUS_NAMES } from '../../../src/domain/dossier/status.ts';
import { ApiError } from '../../api/client.ts';
import { lookupApi, type PublicLookup } from '../../api/lookup.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime } from '../../ui/form-kit.tsx';

export type LookupState =
  | { kind: 'idle' }
  | { kind: 'loading'; code: string }
  | { kind: 'found'; result: PublicLookup }
  | { kind: 'notFound'; code: string }
  | { kind: 'failed'; code: string };

/** Looks `code` up whenever it changes (null: nothing to look up). */
export function useLookup(code: string | null): LookupState {
  const [state, setState] = useState<LookupState>({ kind: 'idle' });
  useEffect(() => {
    if (!code) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    setState({ kind: 'loading', code });
    lookupApi.byCode(code).then(
      (result) => live && setState({ kind: 'found', result }),
      (error: unknown) =>
        live &&
        setState(
          error instanceof ApiError && error.status === 404
            ? { kind: 'notFound', code }
            : { kind: 'failed', code },
        ),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return state;
}

interface CodeFormProps {
  initial?: string;
  onSubmit: (code: string) => void;
  /** Kiosk: big keys under the field for touch screens. */
  keypad?: boolean;
  autoFocus?: boolean;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'H', 'G', 'X', '.', '-'];

export function CodeForm({ initial = '', onSubmit, keypad = false, autoFocus = false }: CodeFormProps) {
  const { m } = useI18n();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [code, setCode] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setCode(initial), [initial]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeDossierCodeInput(code);
    if (!parseDossierCode(normalized)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSubmit(normalized);
  };

  return (
    <form className="lookup-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{m.lookup.codeLabel}</label>
        <span id={hintId} className="hint">
          {m.lookup.codeHint}
        </span>
        {invalid ? (
          <p id={errorId} className="field-error" role="alert">
            {m.lookup.invalid}
          </p>
        ) : null}
        <input
          id={id}
          type="text"
          name="ma"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          // biome-ignore lint/a11y/noAutofocus: the kiosk's only task is this field
          autoFocus={autoFocus}
          value={code}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => setCode(event.target.value)}
        />
      </div>
      {keypad ? (
        <fieldset className="kiosk-keys">
          <legend className="visually-hidden">{m.lookup.codeLabel}</legend>
          {KEYS.map((key) => (
            <button key={key} type="button" className="kiosk-key" onClick={() => setCode((c) => c + key)}>
              {key}
            </button>
          ))}
          <button
            type="button"
            className="kiosk-key kiosk-key--word"
            onClick={() => setCode((c) => c.slice(0, -1))}
          >
            {m.lookup.kioskBack}
          </button>
          <button type="button" className="kiosk-key kiosk-key--word" onClick={() => setCode('')}>
            {m.lookup.kioskClear}
          </button>
        </fieldset>
      ) : null}
      <button type="submit" className="button button--primary">
        {m.lookup.submit}
      </button>
    </form>
  );
}

export function LookupResult({ state, compact = false }: { state: LookupState; compact?: boolean }) {
  const { m, pick } = useI18n();
  if (state.kind === 'idle') {
    return null;
  }
  if (state.kind === 'loading') {
    return (
      <p className="lookup-status" aria-live="polite">
        {m.lookup.searching}
      </p>
    );
  }
  if (state.kind === 'notFound' || state.kind === 'failed') {
    return (
      <p className="lookup-status lookup-status--error" role="alert">
        {state.kind === 'notFound' ? m.lookup.notFound : m.lookup.failed}
      </p>
    );
  }
  const r = state.result;
  const when = (iso: string | null) => (iso ? formatVietnamTime(iso) : m.lookup.none);
  return (
    <section className="lookup-result" aria-labelledby="lookup-result-title" aria-live="polite">
      <h2 id="lookup-result-title" data-testid="lookup-code">
        {m.lookup.resultTitle(r.code)}
      </h2>
      <p className={`lookup-badge lookup-badge--s${r.status}`} data-testid="lookup-status">
        {m.lookup.status}: <strong>{pick(r.statusName)}</strong>
      </p>
      <dl className="lookup-facts">
        <dt>{m.lookup.procedure}</dt>
        <dd>{r.procedureName}</dd>
        <dt>{m.lookup.agency}</dt>
        <dd>{r.agencyName}</dd>
        <dt>{m.lookup.applicant}</dt>
        <dd>{r.applicantName}</dd>
        <dt>{m.lookup.receivedAt}</dt>
        <dd>{when(r.receivedAt)}</dd>
        <dt>{m.lookup.dueAt}</dt>
        <dd data-testid="lookup-due">{when(r.dueAt)}</dd>
        {r.resultAt ? (
          <>
            <dt>{m.lookup.resultAt}</dt>
            <dd>{when(r.resultAt)}</dd>
          </>
        ) : null}
        {r.returnedAt ? (
          <>
            <dt>{m.lookup.returnedAt}</dt>
            <dd>{when(r.returnedAt)}</dd>
          </>
        ) : null}
      </dl>
      <div className="lookup-next">
        <h3>{m.lookup.nextTitle}</h3>
        <p>{m.lookup.next[r.status] ?? ''}</p>
      </div>
      {compact ? null : (
        <>
          <h3>{m.lookup.stepsTitle}</h3>
          <table className="lookup-steps">
            <thead>
              <tr>
                <th scope="col">{m.lookup.stepAt}</th>
                <th scope="col">{m.lookup.stepAction}</th>
                <th scope="col">{m.lookup.status}</th>
              </tr>
            </thead>
            <tbody>
              {r.steps.map((step) => (
                <tr key={`${step.at}-${step.action}`}>
                  <td>{formatVietnamTime(step.at)}</td>
                  <td>{pick(step.actionName)}</td>
                  <td>
                    {STATUS_NAMES[step.status as DossierStatus]
                      ? pick(STATUS_NAMES[step.status as DossierStatus])
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{m.lookup.privacy}</p>
        </>
      )}
    </section>
  );
}
