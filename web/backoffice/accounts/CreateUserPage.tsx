// Adding an officer (R9): unit within the administrator's scope, username suggested as
// hovaten.tendonvi, one working role on the unit; the temporary password is shown once.
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type Agency, accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextField,
  withServerError,
} from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { useGuardedCall, useSessionActions } from '../session.ts';
import { indentedLabel, manageableAgencies, treeRows } from './agency-tree.ts';

const WORKING_ROLES = [
  'desk_officer',
  'specialist',
  'unit_head',
  'agency_leader',
  'procedure_control',
  'statistics_viewer',
];

export function CreateUserPage() {
  const { m, lang } = useI18n();
  const t = m.accounts;
  const roleNames = m.roles as Record<string, string | undefined>;
  const { session } = useSessionActions();
  const guarded = useGuardedCall();
  const ids = {
    fullName: useId(),
    unitId: useId(),
    email: useId(),
    phone: useId(),
    role: useId(),
    username: useId(),
  };
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [form, setForm] = useState({
    fullName: '',
    unitId: '',
    email: '',
    phone: '',
    role: 'specialist',
    username: '',
  });
  const [suggestion, setSuggestion] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ id: string; username: string; temporaryPassword: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    accountsApi.agencies().then(
      (list) => setAgencies(list.items),
      () => {},
    );
  }, []);
  const options = useMemo(() => {
    const allowed = new Set(manageableAgencies(session, agencies).map((a) => a.id));
    return treeRows(agencies).filter((row) => allowed.has(row.agency.id));
  }, [agencies, session]);
  useEffect(() => {
    if (!form.unitId && options[0]) {
      setForm((f) => ({ ...f, unitId: options[0]?.agency.id ?? '' }));
    }
  }, [options, form.unitId]);
  useEffect(() => {
    if (!form.fullName.trim() || !form.unitId) {
      setSuggestion('');
      return;
    }
    const timer = setTimeout(() => {
      accountsApi.suggestUsername(form.fullName.trim(), form.unitId).then(
        (s) => setSuggestion(s.username),
        () => setSuggestion(''),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [form.fullName, form.unitId]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      fullName: form.fullName.trim() ? undefined : t.common.required(t.common.fullName),
    };
    setFieldErrors(errors);
    setServerError(null);
    if (errors.fullName) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const result = await guarded(() =>
        accountsApi.createUser({
          fullName: form.fullName.trim(),
          unitId: form.unitId,
          email: form.email.trim() || null,
          phone: form.phone.trim() || null,
          roles: form.role ? [{ role: form.role, scopeId: form.unitId }] : [],
          ...(form.username.trim() ? { username: form.username.trim().toLowerCase() } : {}),
        }),
      );
      setCreated({
        id: result.user.id,
        username: result.user.username,
        temporaryPassword: result.temporaryPassword,
      });
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError({}, error, ids, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <div className="page narrow-page">
        <h1>{t.users.createdTitle}</h1>
        <Alert kind="success">
          <p>
            {t.myAccount.username}: <code>{created.username}</code>
          </p>
          <p>
            {t.users.temporaryPassword} <code className="secret">{created.temporaryPassword}</code>
          </p>
        </Alert>
        <p>
          <Link href={`/admin/can-bo/${created.id}`}>{t.users.open}</Link> ·{' '}
          <Link href="/admin/can-bo">{t.users.back}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow-page">
      <h1>{t.users.createTitle}</h1>
      <form className="card" onSubmit={onSubmit} noValidate>
        <ErrorSummary
          summaryRef={summaryRef}
          fieldErrors={fieldErrors}
          fieldIds={ids}
          serverError={serverError}
        />
        <TextField
          id={ids.fullName}
          label={t.common.fullName}
          value={form.fullName}
          onChange={set('fullName')}
          error={fieldErrors.fullName}
          autoComplete="off"
        />
        <SelectField
          id={ids.unitId}
          label={t.users.unit}
          value={form.unitId}
          onChange={set('unitId')}
          error={fieldErrors.unitId}
          options={options.map((row) => ({ value: row.agency.id, label: indentedLabel(row) }))}
        />
        <SelectField
          id={ids.role}
          label={t.users.roleOnUnit}
          value={form.role}
          onChange={set('role')}
          options={[
            { value: '', label: t.common.none },
            ...WORKING_ROLES.map((r) => ({ value: r, label: roleNames[r] ?? r })),
          ]}
        />
        <TextField
          id={ids.email}
          label={t.common.email}
          type="email"
          value={form.email}
          onChange={set('email')}
          error={fieldErrors.email}
        />
        <TextField
          id={ids.phone}
          label={t.common.phone}
          type="tel"
          value={form.phone}
          onChange={set('phone')}
          error={fieldErrors.phone}
        />
        {suggestion ? (
          <p aria-live="polite">
            {t.users.suggested} <code>{suggestion}</code>
          </p>
        ) : null}
        <TextField
          id={ids.username}
          label={t.users.usernameOptional}
          value={form.username}
          onChange={set('username')}
          error={fieldErrors.username}
          autoComplete="off"
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.common.saving : t.users.create}
        </button>{' '}
        <Link className="button" href="/admin/can-bo">
          {t.common.cancel}
        </Link>
      </form>
    </div>
  );
}
