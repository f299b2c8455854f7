// Officer sign-in. Errors are listed at the top (linked to their fields) and beside each field,
// in the current language; the server's own message is shown for refused credentials.
import { type FormEvent, useId, useRef, useState } from 'react';
import type { LoginResponse } from '../../src/modules/auth/auth.schemas.ts';
import type { SiteInfo } from '../../src/modules/site/site.schemas.ts';
import { accountsApi } from '../api/accounts.ts';
import { api, errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Alert } from '../ui/layout.tsx';

export function LoginPage({
  site,
  onSignedIn,
}: {
  site: SiteInfo | null;
  onSignedIn(session: LoginResponse): void;
}) {
  const { m, lang } = useI18n();
  const roleNames = m.roles as Record<string, string | undefined>;
  const officers = site?.demoAccounts.filter((account) => account.kind === 'officer') ?? [];
  const usernameId = useId();
  const passwordId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [secondStep, setSecondStep] = useState(false);
  const [code, setCode] = useState('');
  const codeId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: { username?: string; password?: string } = {};
    if (!username.trim()) {
      errors.username = m.backoffice.requiredField(m.backoffice.username);
    }
    if (!password) {
      errors.password = m.backoffice.requiredField(m.backoffice.password);
    }
    setFieldErrors(errors);
    setServerError(null);
    if (errors.username || errors.password) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const response = await api.login(username.trim(), password);
      if (response.secondFactorRequired) {
        setSecondStep(true);
        setPassword('');
        requestAnimationFrame(() => document.getElementById(codeId)?.focus());
      } else {
        onSignedIn(response);
      }
    } catch (error) {
      setServerError(error);
      setPassword('');
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const onSubmitCode = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    if (!/^\d{6}$/.test(code.trim())) {
      setFieldErrors({ password: m.accounts.common.codeInvalidFormat });
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      onSignedIn(await accountsApi.loginTotp(code.trim()));
    } catch (error) {
      setServerError(error);
      setCode('');
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const hasErrors = Boolean(fieldErrors.username || fieldErrors.password || serverError);
  if (secondStep) {
    return (
      <div className="login-layout">
        <div className="card">
          <h1>{m.accounts.signIn.totpTitle}</h1>
          <p className="hint">{m.accounts.signIn.totpLead}</p>
          <div ref={summaryRef} tabIndex={-1}>
            {hasErrors ? (
              <Alert kind="error" title={m.backoffice.errorSummary}>
                <ul>
                  {serverError ? <li>{errorMessage(serverError, lang)}</li> : null}
                  {fieldErrors.password ? (
                    <li>
                      <a href={`#${codeId}`}>{fieldErrors.password}</a>
                    </li>
                  ) : null}
                </ul>
              </Alert>
            ) : null}
          </div>
          <form onSubmit={onSubmitCode} noValidate>
            <div className="field">
              <label htmlFor={codeId}>{m.accounts.common.code}</label>
              <input
                id={codeId}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                aria-invalid={Boolean(fieldErrors.password)}
                onChange={(event) => setCode(event.target.value)}
              />
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {m.accounts.signIn.totpButton}
            </button>{' '}
            <button
              type="button"
              className="button"
              onClick={() => {
                setSecondStep(false);
                setServerError(null);
                setFieldErrors({});
              }}
            >
              {m.accounts.signIn.backToLogin}
            </button>
          </form>
        </div>
      </div>
    );
  }
  return (
    <div className="login-layout">
      <div className="card">
        <h1>{m.backoffice.loginTitle}</h1>
        <p className="hint">{m.backoffice.loginLead}</p>
        <div ref={summaryRef} tabIndex={-1}>
          {hasErrors ? (
            <Alert kind="error" title={m.backoffice.errorSummary}>
              <ul>
                {serverError ? <li>{errorMessage(serverError, lang)}</li> : null}
                {fieldErrors.username ? (
                  <li>
                    <a href={`#${usernameId}`}>{fieldErrors.username}</a>
                  </li>
                ) : null}
                {fieldErrors.password ? (
                  <li>
                    <a href={`#${passwordId}`}>{fieldErrors.password}</a>
                  </li>
                ) : null}
              </ul>
            </Alert>
          ) : null}
        </div>
        <form onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor={usernameId}>{m.backoffice.username}</label>
            {fieldErrors.username ? <p className="field-error">{fieldErrors.username}</p> : null}
            <input
              id={usernameId}
              type="text"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              aria-invalid={Boolean(fieldErrors.username)}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>{m.backoffice.password}</label>
            {fieldErrors.password ? <p className="field-error">{fieldErrors.password}</p> : null}
            <input
              id={passwordId}
              type={showPassword ? 'text' : 'password'}
              name="password"
              autoComplete="current-password"
              value={password}
              aria-invalid={Boolean(fieldErrors.password)}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <div className="checkbox">
            <input
              id={`${passwordId}-show`}
              type="checkbox"
              checked={showPassword}
              onChange={(event) => setShowPassword(event.target.checked)}
            />
            <label htmlFor={`${passwordId}-show`}>{m.backoffice.showPassword}</label>
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? m.backoffice.loggingIn : m.backoffice.loginButton}
          </button>
        </form>
      </div>
      {site?.demo && officers.length > 0 ? (
        <section className="card demo-accounts" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title">{m.backoffice.demoAccountsTitle}</h2>
          <p>{m.backoffice.demoAccountsLead(site.demoPassword ?? '')}</p>
          <table>
            <tbody>
              {officers.map((account) => (
                <tr key={account.username}>
                  <th scope="row">
                    <code>{account.username}</code>
                  </th>
                  <td>
                    {account.roles.map((role) => roleNames[role] ?? role).join(', ')}
                    <br />
                    <span className="hint">{account.fullName}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
