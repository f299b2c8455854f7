// The code step of sign-up (R8). In this deployment messages are simulated: the page says where
// the code can be read instead of pretending an SMS was sent.
import { type FormEvent, useId, useRef, useState } from 'react';
import { accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary, type FieldErrors, TextField } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { navigate, useLocation } from '../../ui/router.tsx';

export function VerifyPage() {
  const { m } = useI18n();
  const t = m.accounts;
  const { query } = useLocation();
  const username = query.get('u') ?? '';
  const ids = { code: useId() };
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    setNotice(null);
    const errors = { code: /^\d{6}$/.test(code.trim()) ? undefined : t.common.codeInvalidFormat };
    setFieldErrors(errors);
    if (errors.code) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    try {
      await accountsApi.verify(username, code.trim());
      navigate(`/dang-nhap?verified=1&u=${encodeURIComponent(username)}`);
    } catch (error) {
      setServerError(error);
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };
  const resend = async () => {
    setServerError(null);
    try {
      await accountsApi.resendCode(username);
      setNotice(t.portal.resent);
    } catch (error) {
      setServerError(error);
    }
  };

  return (
    <div className="login-layout">
      <form className="card" onSubmit={onSubmit} noValidate>
        <h1>{t.portal.verifyTitle}</h1>
        <p>{t.portal.verifyLead(query.get('d') ?? username)}</p>
        {query.get('sim') ? (
          <Alert kind="info">
            <p>{t.portal.simulatedNotice}</p>
          </Alert>
        ) : null}
        <div aria-live="polite">{notice ? <Alert kind="success">{notice}</Alert> : null}</div>
        <ErrorSummary
          summaryRef={summaryRef}
          fieldErrors={fieldErrors}
          fieldIds={ids}
          serverError={serverError}
        />
        <TextField
          id={ids.code}
          label={t.common.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
          error={fieldErrors.code}
        />
        <button type="submit" className="button button--primary">
          {t.portal.verifyButton}
        </button>{' '}
        <button type="button" className="button" onClick={() => void resend()}>
          {t.portal.resend}
        </button>
      </form>
    </div>
  );
}
