// Sign-up for citizens and organisations (R8): phone or e-mail, verified next with a code.
// The tax code's check digit is checked in the browser with the server's own rule (src/domain).
import { type FormEvent, useId, useRef, useState } from 'react';
import { isValidTaxCode, normalizeEmail, normalizePhone } from '../../../src/domain/identity/identifiers.ts';
import { accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary, type FieldErrors, TextField, withServerError } from '../../ui/form-kit.tsx';
import { navigate } from '../../ui/router.tsx';

export function RegisterPage() {
  const { m, lang } = useI18n();
  const t = m.accounts;
  const ids = {
    fullName: useId(),
    contact: useId(),
    password: useId(),
    confirm: useId(),
    taxCode: useId(),
    representativeName: useId(),
  };
  const kindName = useId();
  const [kind, setKind] = useState<'citizen' | 'organisation'>('citizen');
  const [form, setForm] = useState({
    fullName: '',
    contact: '',
    password: '',
    confirm: '',
    taxCode: '',
    representativeName: '',
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const org = kind === 'organisation';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const contactOk = normalizePhone(form.contact) !== null || normalizeEmail(form.contact) !== null;
    const errors: FieldErrors = {
      fullName: form.fullName.trim()
        ? undefined
        : t.common.required(org ? t.portal.organisationName : t.common.fullName),
      contact: contactOk ? undefined : t.common.required(t.portal.contact),
      password: form.password.length >= 8 ? undefined : t.common.passwordHint,
      confirm: form.confirm === form.password ? undefined : t.common.passwordMismatch,
      taxCode: !org || isValidTaxCode(form.taxCode.trim()) ? undefined : t.profile.taxCodeInvalid,
      representativeName:
        !org || form.representativeName.trim() ? undefined : t.common.required(t.profile.representative),
    };
    setFieldErrors(errors);
    setServerError(null);
    if (Object.values(errors).some(Boolean)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const sent = await accountsApi.register({
        kind,
        fullName: form.fullName.trim(),
        contact: form.contact.trim(),
        password: form.password,
        ...(org
          ? {
              organisation: {
                taxCode: form.taxCode.trim(),
                representativeName: form.representativeName.trim(),
              },
            }
          : {}),
      });
      navigate(
        `/xac-thuc?u=${encodeURIComponent(sent.username)}&d=${encodeURIComponent(sent.destination)}${sent.simulated ? '&sim=1' : ''}`,
      );
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError({}, error, ids, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-layout">
      <form className="card" onSubmit={onSubmit} noValidate>
        <h1>{t.portal.registerTitle}</h1>
        <p className="hint">{t.portal.registerLead}</p>
        <ErrorSummary
          summaryRef={summaryRef}
          fieldErrors={fieldErrors}
          fieldIds={ids}
          serverError={serverError}
        />
        <fieldset className="field">
          <legend>{t.portal.kind}</legend>
          {(['citizen', 'organisation'] as const).map((value) => (
            <div className="checkbox" key={value}>
              <input
                id={`${kindName}-${value}`}
                type="radio"
                name={kindName}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              <label htmlFor={`${kindName}-${value}`}>
                {value === 'citizen' ? t.portal.kindCitizen : t.portal.kindOrganisation}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          id={ids.fullName}
          label={org ? t.portal.organisationName : t.common.fullName}
          autoComplete={org ? 'organization' : 'name'}
          value={form.fullName}
          onChange={set('fullName')}
          error={fieldErrors.fullName}
        />
        {org ? (
          <>
            <TextField
              id={ids.taxCode}
              label={t.profile.taxCode}
              inputMode="numeric"
              value={form.taxCode}
              onChange={set('taxCode')}
              error={fieldErrors.taxCode}
            />
            <TextField
              id={ids.representativeName}
              label={t.profile.representative}
              value={form.representativeName}
              onChange={set('representativeName')}
              error={fieldErrors.representativeName}
            />
          </>
        ) : null}
        <TextField
          id={ids.contact}
          label={t.portal.contact}
          autoComplete="username"
          value={form.contact}
          onChange={set('contact')}
          error={fieldErrors.contact}
        />
        <TextField
          id={ids.password}
          label={t.common.password}
          type="password"
          autoComplete="new-password"
          hint={t.common.passwordHint}
          value={form.password}
          onChange={set('password')}
          error={fieldErrors.password}
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
        <button type="submit" className="button button--primary" disabled={busy}>
          {t.portal.registerButton}
        </button>
      </form>
    </div>
  );
}
