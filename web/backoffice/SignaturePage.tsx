// R24: an officer checks the digital signatures of a PDF; the result is shown in Vietnamese (TT
// 15/2025/TT-BKHCN: signer, signing time, integrity) with every problem named.
import { type FormEvent, useId, useRef, useState } from 'react';
import type { VerificationView } from '../../src/modules/signatures/signatures.schemas.ts';
import { errorMessage } from '../api/client.ts';
import { documentsApi } from '../api/documents.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatVietnamTime } from '../ui/form-kit.tsx';
import { Alert } from '../ui/layout.tsx';
import { DocumentTimestamps, SignatureFacts } from '../ui/SignatureFacts.tsx';
import '../ui/documents.css';

export function SignaturePage() {
  const { m, lang } = useI18n();
  const t = m.documents;
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<VerificationView | null>(null);
  // With the seconds: signing times are compared to the second.
  const when = (iso: string | null) => formatVietnamTime(iso, { seconds: true }) || '—';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setResult(null);
    setError(null);
    setMissing(!file);
    if (!file) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      setResult(await documentsApi.verifySignature(file));
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <h1>{t.signaturesTitle}</h1>
      <p className="hint">{t.signaturesLead}</p>
      <div ref={summaryRef} tabIndex={-1}>
        {missing ? (
          <Alert kind="error">
            <a href={`#${fileId}`}>{t.chooseFile}</a>
          </Alert>
        ) : null}
        {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      </div>
      <form className="card" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={fileId}>{t.fileLabel}</label>
          <input id={fileId} ref={fileRef} type="file" accept="application/pdf,.pdf" aria-invalid={missing} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.checking : t.check}
        </button>
      </form>
      {result ? (
        <section className="page-section" aria-live="polite" aria-labelledby="verdict">
          <Alert kind={result.valid ? 'success' : 'error'}>
            <p id="verdict" className="verdict">
              {result.signatures.length === 0 ? t.noSignature : result.valid ? t.valid : t.invalid}
            </p>
            {result.signatures.length > 0 ? (
              <p data-testid="signature-count">
                {t.signatureCount(result.signatures.filter((s) => s.valid).length, result.signatures.length)}
              </p>
            ) : null}
          </Alert>
          {result.demoTrust ? <p className="hint">{t.demoTrust}</p> : null}
          {result.signatures.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: signatures keep their file order; two may share signer and second.
            <section key={`${s.signedAt}-${i}`} className="card signature-card">
              <h2>
                {t.signatureN(i + 1)}: {s.valid ? t.valid : t.invalid}
              </h2>
              <SignatureFacts signature={s} when={when} last={i === result.signatures.length - 1} detailed />
            </section>
          ))}
          <DocumentTimestamps timestamps={result.documentTimestamps} when={when} />
          <p className="hint">
            {t.limitations}: {result.limitations.map((code) => t.limitation[code]).join('; ')}
          </p>
        </section>
      ) : null}
    </div>
  );
}
