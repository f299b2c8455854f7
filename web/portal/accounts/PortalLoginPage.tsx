// Citizen and business sign-in (R8): phone number or e-mail and password, the same endpoint as the
// back office; a TOTP step when the account has enrolled one.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { accountsApi } from '../../api/accounts.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary, type FieldErrors, TextField } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link, navigate, useLocation } from '../../ui/router.tsx';
import { useSite } from '../../ui/use-site.ts';
import { usePortalSession } from './portal-session.ts';

export function PortalLoginPage() {
  const { m } = useI18n();
  const t = m.accounts;
  const site = useSite();
  const { query } = useLocation();
  const { setSession } = usePortalSession();
  const ids = { username: useId(), password: useId(), code: useId() };
  const [username, setUsername] = useState(query.get('u') ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [secondStep, setSecondStep] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [sso, setSso] = useState<{ enabled: boolean; simulated: boolean } | null>(null);
  useEffect(() => {
    accountsApi.sso().then(setSso, () => setSso(null));
  }, []);
  const fail = (error: unknown) => {
    setServerError(error);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const errors: FieldErrors = secondStep
      ? { code: /^\d{6}$/.test(code.trim()) ? undefined : t.common.codeInvalidFormat }
      : {
          username: username.trim() ? undefined : t.common.required(t.portal.contact),
          password: password ? undefined : t.common.required(t.common.password),
        };
    setFieldErrors(errors);
    if (Object.values(errors).some(Boolean)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const response = secondStep
        ? await accountsApi.loginTotp(code.trim())
        : await api.login(username.trim(), password);
      if (response.secondFactorRequired) {
        setSecondStep(true);
        setPassword('');
      } else {
        setSession(response);
        navigate('/tai-khoan');
      }
    } catch (error) {
      setPassword('');
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-layout">
      <div className="card">
        <h1>{secondStep ? t.signIn.totpTitle : t.portal.loginTitle}</h1>
        {query.get('verified') ? <Alert kind="success">{t.portal.verified}</Alert> : null}
        {query.get('reset') ? <Alert kind="success">{t.portal.resetDone}</Alert> : null}
        {query.get('sso') ? <Alert kind="error">{t.portal.ssoError}</Alert> : null}
        <p className="hint">{secondStep ? t.signIn.totpLead : t.portal.loginLead}</p>
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary
            summaryRef={summaryRef}
            fieldErrors={fieldErrors}
            fieldIds={ids}
            serverError={serverError}
          />
          {secondStep ? (
            <TextField
              id={ids.code}
              label={t.common.code}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={setCode}
              error={fieldErrors.code}
            />
          ) : (
            <>
              <TextField
                id={ids.username}
                label={t.portal.contact}
                autoComplete="username"
                value={username}
                onChange={setUsername}
                error={fieldErrors.username}
              />
              <TextField
                id={ids.password}
                label={t.common.password}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={setPassword}
                error={fieldErrors.password}
              />
            </>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {secondStep ? t.signIn.totpButton : t.portal.loginButton}
          </button>
        </form>
        {sso?.enabled && !secondStep ? (
          <div className="sso-box">
            <p>{t.portal.ssoOr}</p>
            {/* A full page load: the browser goes to the identity provider and comes back. */}
            <a className="button sso-button" href="/api/v1/auth/oidc/start?returnTo=/tai-khoan">
              {t.portal.sso}
            </a>
            {sso.simulated ? <p className="hint">{t.portal.ssoSimulated}</p> : null}
          </div>
        ) : null}
        <div className="auth-links">
          <p>
            <Link href="/quen-mat-khau">{t.portal.forgot}</Link>
          </p>
          <p>
            {t.portal.noAccount} <Link href="/dang-ky">{t.portal.register}</Link>
          </p>
        </div>
        {site?.demo && site.demoPassword ? (
          <p className="hint">
            {site.demoAccounts
              .filter((a) => a.kind !== 'officer')
              .map((a) => t.portal.demoCitizen(a.username, site.demoPassword ?? ''))
              .join(' · ')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
