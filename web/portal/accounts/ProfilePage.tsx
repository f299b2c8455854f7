// A citizen's or organisation's profile (R8): name, date of birth (dd/mm/yyyy), CCCD checked
// in the browser with the server's own rule (src/domain/identity), address; contacts shown with
// their verification.
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { parseCccd } from '../../../src/domain/identity/identifiers.ts';
import { accountsApi, type Profile } from '../../api/accounts.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  formatVietnameseDate,
  parseVietnameseDate,
  Section,
  TextField,
  withServerError,
} from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { usePortalSession } from './portal-session.ts';

export function ProfilePage() {
  const { m, lang } = useI18n();
  const t = m.accounts;
  const { session, signOut } = usePortalSession();
  const ids = {
    fullName: useId(),
    dateOfBirth: useId(),
    idNumber: useId(),
    address: useId(),
    taxCode: useId(),
    representativeName: useId(),
  };
  const [profile, setProfile] = useState<Profile | null>(null);
  const [form, setForm] = useState({
    fullName: '',
    dateOfBirth: '',
    idNumber: '',
    address: '',
    taxCode: '',
    representativeName: '',
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const fill = useCallback((p: Profile) => {
    setProfile(p);
    setForm({
      fullName: p.fullName,
      dateOfBirth: formatVietnameseDate(p.dateOfBirth),
      idNumber: p.idNumber ?? '',
      address: p.address ?? '',
      taxCode: p.taxCode ?? '',
      representativeName: p.representativeName ?? '',
    });
  }, []);
  useEffect(() => {
    if (session) {
      accountsApi.profile().then(fill, setServerError);
    }
  }, [session, fill]);

  if (session === undefined) {
    return <p className="page">{t.common.loading}</p>;
  }
  if (session === null) {
    return (
      <div className="login-layout">
        <p>
          <Link href="/dang-nhap">{t.portal.loginTitle}</Link>
        </p>
      </div>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setServerError(null);
    const dateOfBirth = form.dateOfBirth.trim() ? parseVietnameseDate(form.dateOfBirth) : null;
    const idNumber = form.idNumber.replace(/\s/g, '');
    const cccd = idNumber ? parseCccd(idNumber, dateOfBirth) : null;
    const errors: FieldErrors = {
      fullName: form.fullName.trim() ? undefined : t.common.required(t.common.fullName),
      dateOfBirth: form.dateOfBirth.trim() && !dateOfBirth ? t.profile.dateInvalid : undefined,
      idNumber: cccd && !cccd.ok ? t.profile.idNumberProblems[cccd.problem] : undefined,
    };
    setFieldErrors(errors);
    if (Object.values(errors).some(Boolean)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    try {
      fill(
        await accountsApi.updateProfile({
          fullName: form.fullName.trim(),
          dateOfBirth,
          idNumber: idNumber || null,
          address: form.address.trim() || null,
          ...(profile?.kind === 'organisation'
            ? {
                taxCode: form.taxCode.trim() || null,
                representativeName: form.representativeName.trim() || null,
              }
            : {}),
        }),
      );
      setSaved(true);
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError({}, error, ids, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  return (
    <div className="page narrow-page">
      <div className="page-head">
        <h1>{t.portal.accountTitle}</h1>
        <button type="button" className="button" onClick={() => void signOut()}>
          {t.portal.logout}
        </button>
      </div>
      {profile === null && serverError ? <Alert kind="error">{errorMessage(serverError, lang)}</Alert> : null}
      {profile ? (
        <>
          <Section title={t.myAccount.profile}>
            <dl className="facts">
              <dt>{t.common.phone}</dt>
              <dd>
                {profile.phone ?? t.common.none}
                {profile.phone && profile.phoneVerified ? ` (${t.profile.verified})` : ''}
              </dd>
              <dt>{t.common.email}</dt>
              <dd>
                {profile.email ?? t.common.none}
                {profile.email && profile.emailVerified ? ` (${t.profile.verified})` : ''}
              </dd>
              {session.assurance === 'oidc' ? (
                <>
                  <dt>{t.portal.ssoSession}</dt>
                  <dd>{session.identityLevel ?? t.common.none}</dd>
                </>
              ) : null}
            </dl>
          </Section>
          <form className="card" onSubmit={onSubmit} noValidate>
            <div aria-live="polite">{saved ? <Alert kind="success">{t.common.saved}</Alert> : null}</div>
            <ErrorSummary
              summaryRef={summaryRef}
              fieldErrors={fieldErrors}
              fieldIds={ids}
              serverError={serverError}
            />
            <TextField
              id={ids.fullName}
              label={profile.kind === 'organisation' ? t.portal.organisationName : t.common.fullName}
              value={form.fullName}
              onChange={set('fullName')}
              error={fieldErrors.fullName}
              autoComplete="name"
            />
            {profile.kind === 'organisation' ? (
              <>
                <TextField
                  id={ids.taxCode}
                  label={t.profile.taxCode}
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
              id={ids.dateOfBirth}
              label={t.profile.dateOfBirth}
              hint={t.common.dateFormat}
              value={form.dateOfBirth}
              onChange={set('dateOfBirth')}
              error={fieldErrors.dateOfBirth}
              autoComplete="bday"
            />
            <TextField
              id={ids.idNumber}
              label={t.profile.idNumber}
              inputMode="numeric"
              value={form.idNumber}
              onChange={set('idNumber')}
              error={fieldErrors.idNumber}
            />
            <TextField
              id={ids.address}
              label={t.profile.address}
              value={form.address}
              onChange={set('address')}
              error={fieldErrors.address}
              autoComplete="street-address"
            />
            <button type="submit" className="button button--primary">
              {t.common.save}
            </button>
          </form>
        </>
      ) : null}
    </div>
  );
}
