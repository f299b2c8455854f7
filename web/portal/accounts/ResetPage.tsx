// Password reset by code (R8): ask for a code, then set a new password with it. The first answer
// is the same whether or not the account exists.
import { type FormEvent, useId, useRef, useState } from 'react';
import { accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary, type FieldErrors, TextField, withServerError } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { navigate } from '../../ui/router.tsx';

export function ResetPage() {
  const { m, lang } = useI18n();
  const t = m.accounts;
  const ids = { username: useId(), code: useId(), newPassword: useId(), confirm: useId() };
  const [form, setForm] = useState({ username: '', code: '', newPassword: '', confirm: '' });
  const [sentTo, setSentTo] = useState<{ destination: string; simulated: boolean } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const fail = (error: unknown) => {
    setServerError(error);
    setFieldErrors(withServerError({}, error, ids, lang));
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const errors: FieldErrors = sentTo
      ? {
          code: /^\d{6}$/.test(form.code.trim()) ? undefined : t.common.codeInvalidFormat,
          newPassword: form.newPassword ? undefined : t.common.required(t.common.newPassword),
          confirm: form.confirm === form.newPassword ? undefined : t.common.passwordMismatch,
        }
      : { username: form.username.trim() ? undefined : t.common.required(t.portal.contact) };
    setFieldErrors(errors);
    if (Object.values(errors).some(Boolean)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    try {
      if (sentTo) {
        await accountsApi.confirmReset(form.username.trim(), form.code.trim(), form.newPassword);
        navigate(`/dang-nhap?reset=1&u=${encodeURIComponent(form.username.trim())}`);
      } else {
        const sent = await accountsApi.requestReset(form.username.trim());
        setSentTo({ destination: sent.destination, simulated: sent.simulated });
      }
    } catch (error) {
      fail(error);
    }
  };

  return (
    <div className="login-layout">
      <form className="card" onSubmit={onSubmit} noValidate>
        <h1>{t.portal.resetTitle}</h1>
        {sentTo ? (
          <Alert kind="success">
            <p>{t.portal.resetSent(sentTo.destination)}</p>
            {sentTo.simulated ? <p>{t.portal.simulatedNotice}</p> : null}
          </Alert>
        ) : (
          <p className="hint">{t.portal.resetLead}</p>
        )}
        <ErrorSummary
          summaryRef={summaryRef}
          fieldErrors={fieldErrors}
          fieldIds={ids}
          serverError={serverError}
        />
        <TextField
          id={ids.username}
          label={t.portal.contact}
          autoComplete="username"
          value={form.username}
          onChange={set('username')}
          error={fieldErrors.username}
          disabled={Boolean(sentTo)}
        />
        {sentTo ? (
          <>
            <TextField
              id={ids.code}
              label={t.common.code}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={form.code}
              onChange={set('code')}
              error={fieldErrors.code}
            />
            <TextField
              id={ids.newPassword}
              label={t.common.newPassword}
              type="password"
              autoComplete="new-password"
              hint={t.common.passwordHint}
              value={form.newPassword}
              onChange={set('newPassword')}
              error={fieldErrors.newPassword}
            />
            <TextField
              id={ids.confirm}
              label={t.common.confirmPassword}
              type="password"
              autoComplete="new-password"
              value={form.confirm}
              onChange={set('confirm')}
              error={fieldErrors.confirm}
            />
          </>
        ) : null}
        <button type="submit" className="button button--primary">
          {sentTo ? t.portal.resetButton : t.portal.sendCode}
        </button>
      </form>
    </div>
  );
}
