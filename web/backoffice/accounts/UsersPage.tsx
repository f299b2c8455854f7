// Officer accounts in the caller's scope (R9, R10): search, status filter, link to each account.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { type AdminUser, accountsApi } from '../../api/accounts.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { can, useGuardedCall, useSessionActions } from '../session.ts';

export function StatusBadge({ user }: { user: AdminUser }) {
  const { m } = useI18n();
  const t = m.accounts.users;
  return (
    <>
      <span className={`badge badge--${user.status}`}>{t.statuses[user.status]}</span>
      {user.lockedOutUntil ? <span className="badge badge--locked">{t.lockedOut}</span> : null}
      {user.isDemo ? <span className="badge">{t.demo}</span> : null}
    </>
  );
}

export function UsersPage() {
  const { m, lang } = useI18n();
  const t = m.accounts.users;
  const roleNames = m.roles as Record<string, string | undefined>;
  const { session } = useSessionActions();
  const guarded = useGuardedCall();
  const searchId = useId();
  const statusId = useId();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState({ q: '', status: '' });
  const [list, setList] = useState<{ items: AdminUser[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    guarded(() => accountsApi.users(query)).then(
      (result) => alive && setList(result),
      (failure: unknown) => alive && setError(failure),
    );
    return () => {
      alive = false;
    };
  }, [query, guarded]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ q: q.trim(), status });
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.title}</h1>
        {can(session, 'user.manage') ? (
          <Link className="button button--primary" href="/admin/can-bo/moi">
            {t.create}
          </Link>
        ) : null}
      </div>
      <p className="hint">{t.lead}</p>
      <search>
        <form className="filter-bar" onSubmit={onSearch}>
          <div className="field">
            <label htmlFor={searchId}>{t.searchLabel}</label>
            <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={statusId}>{t.statusFilter}</label>
            <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t.all}</option>
              {(['active', 'locked', 'disabled'] as const).map((s) => (
                <option key={s} value={s}>
                  {t.statuses[s]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {m.accounts.common.search}
          </button>
        </form>
      </search>
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {list ? (
        <>
          <p aria-live="polite">{t.total(list.total)}</p>
          {list.items.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.username}</th>
                    <th scope="col">{m.accounts.common.fullName}</th>
                    <th scope="col">{t.unit}</th>
                    <th scope="col">{t.roles}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col">{t.lastLogin}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((user) => (
                    <tr key={user.id}>
                      <th scope="row">
                        <Link href={`/admin/can-bo/${user.id}`}>{user.username}</Link>
                      </th>
                      <td>{user.fullName}</td>
                      <td>{user.unitName ?? m.accounts.common.none}</td>
                      <td>{[...new Set(user.roles.map((r) => roleNames[r.role] ?? r.role))].join(', ')}</td>
                      <td>
                        <StatusBadge user={user} />
                      </td>
                      <td>{user.lastLoginAt ? formatVietnamTime(user.lastLoginAt) : t.never}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : (
        <p aria-live="polite">{m.accounts.common.loading}</p>
      )}
    </div>
  );
}
