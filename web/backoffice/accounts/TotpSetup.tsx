// Enrolling the TOTP second factor (goal 3): the server makes the secret, the app scans it as a
// QR code (drawn here as an image, no script or style injected), the first code confirms it.
import { type FormEvent, useId, useRef, useState } from 'react';
import { renderSVG } from 'uqr';
import { accountsApi, type LoginResponse } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary, type FieldErrors, TextField } from '../../ui/form-kit.tsx';

export function TotpSetup({ onDone }: { onDone(session: LoginResponse): void }) {
  const { m } = useI18n();
  const t = m.accounts;
  const codeId = useId();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const start = async () => {
    setServerError(null);
    setBusy(true);
    try {
      setEnrolment(await accountsApi.totpEnrol());
      requestAnimationFrame(() => document.getElementById(codeId)?.focus());
    } catch (error) {
      setServerError(error);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    if (!/^\d{6}$/.test(code.trim())) {
      setFieldErrors({ code: t.common.codeInvalidFormat });
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      onDone(await accountsApi.totpConfirm(code.trim()));
    } catch (error) {
      setServerError(error);
      setCode('');
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  if (!enrolment) {
    return (
      <>
        <ErrorSummary summaryRef={summaryRef} fieldErrors={{}} fieldIds={{}} serverError={serverError} />
        <button type="button" className="button button--primary" onClick={() => void start()} disabled={busy}>
          {t.totp.start}
        </button>
      </>
    );
  }
  const qr = `data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(enrolment.uri, { border: 2 }))}`;
  return (
    <form onSubmit={confirm} noValidate className="totp-setup">
      <ErrorSummary
        summaryRef={summaryRef}
        fieldErrors={fieldErrors}
        fieldIds={{ code: codeId }}
        serverError={serverError}
      />
      <img className="totp-setup__qr" src={qr} alt={t.totp.qrAlt} width={200} height={200} />
      <p>
        {t.totp.manual} <code className="totp-setup__secret">{enrolment.secret}</code>
      </p>
      <TextField
        id={codeId}
        label={t.common.code}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={fieldErrors.code}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t.totp.confirm}
      </button>
    </form>
  );
}
