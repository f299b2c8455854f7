// Change one's password (R9 first sign-in, after a reset, or from "my account"). The server's
// policy decides (goal 2); its field errors are shown beside the field and in the summary.
import { type FormEvent, useId, useRef, useState } from 'react';
import { accountsApi, type LoginResponse } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary, type FieldErrors, TextField, withServerError } from '../../ui/form-kit.tsx';

export function ChangePasswordForm({ onChanged }: { onChanged(session: LoginResponse): void }) {
  const { m, lang } = useI18n();
  const t = m.accounts.common;
  const ids = { currentPassword: useId(), newPassword: useId(), confirm: useId() };
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      currentPassword: values.currentPassword ? undefined : t.required(t.currentPassword),
      newPassword: values.newPassword ? undefined : t.required(t.newPassword),
      confirm: values.confirm === values.newPassword ? undefined : t.passwordMismatch,
    };
    setServerError(null);
    setFieldErrors(errors);
    if (Object.values(errors).some(Boolean)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const session = await accountsApi.changePassword(values.currentPassword, values.newPassword);
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      onChanged(session);
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError({}, error, ids, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary
        summaryRef={summaryRef}
        fieldErrors={fieldErrors}
        fieldIds={ids}
        serverError={serverError}
      />
      <TextField
        id={ids.currentPassword}
        label={t.currentPassword}
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={fieldErrors.currentPassword}
      />
      <TextField
        id={ids.newPassword}
        label={t.newPassword}
        type="password"
        autoComplete="new-password"
        hint={t.passwordHint}
        value={values.newPassword}
        onChange={set('newPassword')}
        error={fieldErrors.newPassword}
      />
      <TextField
        id={ids.confirm}
        label={t.confirmPassword}
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={set('confirm')}
        error={fieldErrors.confirm}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t.saving : m.accounts.myAccount.changePassword}
      </button>
    </form>
  );
}
