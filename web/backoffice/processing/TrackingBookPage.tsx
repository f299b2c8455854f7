// Sổ theo dõi hồ sơ (issue 8): an officer picks a unit within their scope and a period (dd/mm/yyyy)
// and gets the tracking book as PDF from GET /api/v1/documents/tracking-book; the server checks the
// scope and the period and answers errors in Vietnamese and English.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { LoginResponse } from '../../../src/modules/auth/auth.schemas.ts';
import type { Agency } from '../../../src/modules/organisation/organisation.schemas.ts';
import { ApiError, type ApiErrorBody, errorMessage, NetworkError, request } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary, parseVietnameseDate, SelectField, TextField } from '../../ui/form-kit.tsx';

const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Agencies inside the officer's granted subtrees (the server checks again). */
function inScope(agencies: Agency[], session: LoginResponse): Agency[] {
  const roots = session.user.grants.map((g) => g.scopeId);
  if (roots.includes(null)) {
    return agencies;
  }
  const allowed = new Set(roots.filter((r): r is string => r !== null));
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of agencies) {
      if (!allowed.has(a.id) && a.parentId && allowed.has(a.parentId)) {
        allowed.add(a.id);
        grew = true;
      }
    }
  }
  return agencies.filter((a) => allowed.has(a.id));
}

export function TrackingBookPage({ session }: { session: LoginResponse }) {
  const { m, lang } = useI18n();
  const t = m.dossierDocuments;
  const base = useId();
  const ids = { unit: `${base}-unit`, from: `${base}-from`, to: `${base}-to` };
  const summaryRef = useRef<HTMLDivElement>(null);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [unit, setUnit] = useState(session.user.unitId ?? '');
  const [from, setFrom] = useState(`01/${today().slice(3)}`);
  const [to, setTo] = useState(today());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);

  useEffect(() => {
    request<{ items: Agency[] }>('GET', '/api/v1/agencies').then((answer) => {
      const mine = inScope(answer.items, session);
      setAgencies(mine);
      setUnit((current) => current || mine[0]?.id || '');
    }, setError);
  }, [session]);
  useEffect(() => () => (pdfUrl ? URL.revokeObjectURL(pdfUrl) : undefined), [pdfUrl]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fromIso = parseVietnameseDate(from);
    const toIso = parseVietnameseDate(to);
    const errors: Record<string, string> = {};
    if (!fromIso) {
      errors.from = t.badDate;
    }
    if (!toIso) {
      errors.to = t.badDate;
    } else if (fromIso && toIso < fromIso) {
      errors.to = t.badRange;
    }
    setFieldErrors(errors);
    setError(null);
    setPdfUrl(null);
    if (Object.keys(errors).length > 0 || !fromIso || !toIso) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const query = new URLSearchParams({ agencyId: unit, from: fromIso, to: toIso });
      const response = await fetch(`/api/v1/documents/tracking-book?${query.toString()}`, {
        credentials: 'same-origin',
      }).catch(() => {
        throw new NetworkError('network');
      });
      if (!response.ok) {
        throw new ApiError(response.status, (await response.json()) as ApiErrorBody);
      }
      setPdfUrl(URL.createObjectURL(await response.blob()));
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <h1>{t.bookTitle}</h1>
      <p className="hint">{t.bookLead}</p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary summaryRef={summaryRef} fieldErrors={fieldErrors} fieldIds={ids} serverError={error} />
        <SelectField
          id={ids.unit}
          label={t.unit}
          value={unit}
          onChange={setUnit}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextField id={ids.from} label={t.from} value={from} onChange={setFrom} error={fieldErrors.from} />
        <TextField id={ids.to} label={t.to} value={to} onChange={setTo} error={fieldErrors.to} />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || !unit}>
            {busy ? t.opening : t.open}
          </button>
        </div>
      </form>
      {pdfUrl ? (
        <p role="status">
          {t.ready}{' '}
          <a href={pdfUrl} target="_blank" rel="noopener" download={`so-theo-doi-${from}-${to}.pdf`}>
            {t.download}
          </a>
        </p>
      ) : null}
      {error && !(error instanceof ApiError) ? <p className="hint">{errorMessage(error, lang)}</p> : null}
    </div>
  );
}
