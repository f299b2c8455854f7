// One officer account: details, lock/unlock, password and second-factor resets, roles with scope.
// Every action is checked and audited by the server; buttons follow the caller's permissions.
import { useEffect, useId, useMemo, useState } from 'react';
import { type AdminUser, type Agency, accountsApi, type Grant } from '../../api/accounts.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime, Section } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { can, useGuardedCall, useSessionActions } from '../session.ts';
import { indentedLabel, manageableAgencies, treeRows } from './agency-tree.ts';
import { StatusBadge } from './UsersPage.tsx';

const ALL_ROLES = [
  'desk_officer',
  'specialist',
  'unit_head',
  'agency_leader',
  'procedure_control',
  'statistics_viewer',
  'unit_admin',
  'provincial_monitor',
  'system_admin',
];

export function UserDetailPage({ id }: { id: string }) {
  const { m, lang } = useI18n();
  const t = m.accounts.users;
  const roleNames = m.roles as Record<string, string | undefined>;
  const { session } = useSessionActions();
  const guarded = useGuardedCall();
  const reasonId = useId();
  const roleId = useId();
  const scopeId = useId();
  const [user, setUser] = useState<AdminUser | null>(null);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ text: string; secret?: string } | null>(null);
  const [reason, setReason] = useState('');
  const [grants, setGrants] = useState<Grant[]>([]);
  const [newRole, setNewRole] = useState('specialist');
  const [newScope, setNewScope] = useState('');

  useEffect(() => {
    guarded(() => accountsApi.user(id)).then((loaded) => {
      setUser(loaded);
      setGrants(loaded.roles.map(({ role, scopeId: scope }) => ({ role, scopeId: scope })));
    }, setError);
    accountsApi.agencies().then(
      (list) => setAgencies(list.items),
      () => {},
    );
  }, [id, guarded]);
  const scopes = useMemo(() => {
    const allowed = new Set(manageableAgencies(session, agencies).map((a) => a.id));
    return treeRows(agencies).filter((row) => allowed.has(row.agency.id));
  }, [agencies, session]);
  const names = useMemo(() => new Map(agencies.map((a) => [a.id, a.name])), [agencies]);
  const systemAdmin = session.user.roles.includes('system_admin');

  const run = async (action: () => Promise<AdminUser | { temporaryPassword: string }>, text: string) => {
    setError(null);
    setNotice(null);
    try {
      const result = await guarded(action);
      if ('temporaryPassword' in result) {
        setNotice({ text, secret: result.temporaryPassword });
        setUser(await accountsApi.user(id));
      } else {
        setUser(result);
        setGrants(result.roles.map(({ role, scopeId: scope }) => ({ role, scopeId: scope })));
        setNotice({ text });
      }
    } catch (failure) {
      setError(failure);
    }
  };

  if (!user) {
    return (
      <div className="page">
        {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : <p>{m.accounts.common.loading}</p>}
      </div>
    );
  }
  const manage = can(session, 'user.manage');
  return (
    <div className="page">
      <p>
        <Link href="/admin/can-bo">← {t.back}</Link>
      </p>
      <h1>{t.detailTitle(user.fullName)}</h1>
      <div aria-live="polite">
        {notice ? (
          <Alert kind="success">
            {notice.text} {notice.secret ? <code className="secret">{notice.secret}</code> : null}
          </Alert>
        ) : null}
        {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      </div>
      <div className="grid grid--two">
        <Section title={m.accounts.myAccount.profile}>
          <dl className="facts">
            <dt>{t.username}</dt>
            <dd>
              <code>{user.username}</code>
            </dd>
            <dt>{t.unit}</dt>
            <dd>{user.unitName ?? m.accounts.common.none}</dd>
            <dt>{m.accounts.common.email}</dt>
            <dd>{user.email ?? m.accounts.common.none}</dd>
            <dt>{m.accounts.common.phone}</dt>
            <dd>{user.phone ?? m.accounts.common.none}</dd>
            <dt>{t.status}</dt>
            <dd>
              <StatusBadge user={user} />
            </dd>
            <dt>{t.lastLogin}</dt>
            <dd>{user.lastLoginAt ? formatVietnamTime(user.lastLoginAt) : t.never}</dd>
            <dt>{m.accounts.myAccount.secondFactor}</dt>
            <dd>{user.totpEnabled ? t.totpOn : t.totpOff}</dd>
            {user.mustChangePassword ? (
              <>
                <dt>{t.mustChange}</dt>
                <dd>{m.accounts.common.yes}</dd>
              </>
            ) : null}
          </dl>
        </Section>
        {manage ? (
          <Section title={t.status}>
            {user.status === 'active' && !user.lockedOutUntil ? (
              <div className="field">
                <label htmlFor={reasonId}>{t.lockReason}</label>
                <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => {
                    if (window.confirm(t.confirmLock)) {
                      void run(() => accountsApi.lockUser(id, reason.trim()), t.statuses.locked);
                    }
                  }}
                >
                  {t.lock}
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => void run(() => accountsApi.unlockUser(id), t.statuses.active)}
              >
                {t.unlock}
              </button>
            )}
            <div className="button-row">
              <button
                type="button"
                className="button"
                onClick={() => void run(() => accountsApi.resetPassword(id), t.resetDone)}
              >
                {t.resetPassword}
              </button>
              {user.totpEnabled ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => void run(() => accountsApi.resetTotp(id), t.totpResetDone)}
                >
                  {t.resetTotp}
                </button>
              ) : null}
            </div>
          </Section>
        ) : null}
      </div>
      <Section title={t.rolesTitle}>
        <ul className="plain-list">
          {grants.map((grant, index) => (
            <li key={`${grant.role}-${grant.scopeId}`} className="role-row">
              <span>
                {roleNames[grant.role] ?? grant.role} —{' '}
                {grant.scopeId
                  ? (names.get(grant.scopeId) ?? grant.scopeId)
                  : m.accounts.myAccount.wholeProvince}
              </span>
              {can(session, 'role.grant') ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setGrants(grants.filter((_, i) => i !== index))}
                >
                  {t.remove}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {can(session, 'role.grant') ? (
          <div className="filter-bar">
            <div className="field">
              <label htmlFor={roleId}>{t.roles}</label>
              <select id={roleId} value={newRole} onChange={(e) => setNewRole(e.target.value)}>
                {ALL_ROLES.filter(
                  (r) => systemAdmin || !['unit_admin', 'provincial_monitor', 'system_admin'].includes(r),
                ).map((r) => (
                  <option key={r} value={r}>
                    {roleNames[r] ?? r}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={scopeId}>{t.scope}</label>
              <select id={scopeId} value={newScope} onChange={(e) => setNewScope(e.target.value)}>
                {systemAdmin ? (
                  <option value="">{m.accounts.myAccount.wholeProvince}</option>
                ) : (
                  <option value="">—</option>
                )}
                {scopes.map((row) => (
                  <option key={row.agency.id} value={row.agency.id}>
                    {indentedLabel(row)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button"
              onClick={() => {
                const grant = { role: newRole, scopeId: newScope || null };
                if (!grants.some((g) => g.role === grant.role && g.scopeId === grant.scopeId)) {
                  setGrants([...grants, grant]);
                }
              }}
            >
              {t.addRole}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void run(() => accountsApi.setRoles(id, grants), m.accounts.common.saved)}
            >
              {t.saveRoles}
            </button>
          </div>
        ) : null}
      </Section>
    </div>
  );
}
