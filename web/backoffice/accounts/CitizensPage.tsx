// Citizen account look-up for desk officers (R8, R49): every search and every profile view is
// recorded in the audit log by the server, and the page says so.
import { type FormEvent, useId, useState } from 'react';
import { accountsApi, type CitizenSummary, type Profile } from '../../api/accounts.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnameseDate, Section } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { useGuardedCall } from '../session.ts';

export function CitizensPage() {
  const { m, lang } = useI18n();
  const t = m.accounts;
  const guarded = useGuardedCall();
  const searchId = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<CitizenSummary[] | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const onSearch = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setProfile(null);
    if (q.trim().length < 2) {
      return;
    }
    try {
      setResults((await guarded(() => accountsApi.searchCitizens(q.trim()))).items);
    } catch (failure) {
      setError(failure);
    }
  };
  const view = async (id: string) => {
    try {
      setProfile(await guarded(() => accountsApi.citizen(id)));
    } catch (failure) {
      setError(failure);
    }
  };
  const none = t.common.none;
  return (
    <div className="page">
      <h1>{t.citizens.title}</h1>
      <Alert kind="info">
        <p>{t.citizens.lead}</p>
      </Alert>
      <search>
        <form className="filter-bar" onSubmit={(e) => void onSearch(e)}>
          <div className="field">
            <label htmlFor={searchId}>{t.citizens.searchLabel}</label>
            <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <button type="submit" className="button">
            {t.common.search}
          </button>
        </form>
      </search>
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {results && results.length === 0 ? <p>{t.citizens.empty}</p> : null}
      {results && results.length > 0 ? (
        <ul className="plain-list">
          {results.map((r) => (
            <li key={r.id} className="role-row">
              <span>
                {r.fullName} — <code>{r.username}</code>
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => void view(r.id)}
                aria-label={`${t.citizens.view}: ${r.fullName}`}
              >
                {t.citizens.view}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {profile ? (
        <Section title={profile.fullName}>
          <dl className="facts">
            <dt>{t.common.phone}</dt>
            <dd>{profile.phone ?? none}</dd>
            <dt>{t.common.email}</dt>
            <dd>{profile.email ?? none}</dd>
            <dt>{t.profile.dateOfBirth}</dt>
            <dd>{profile.dateOfBirth ? formatVietnameseDate(profile.dateOfBirth) : none}</dd>
            <dt>{t.profile.idNumber}</dt>
            <dd>{profile.idNumber ?? none}</dd>
            <dt>{t.profile.address}</dt>
            <dd>{profile.address ?? none}</dd>
            {profile.taxCode ? (
              <>
                <dt>{t.profile.taxCode}</dt>
                <dd>{profile.taxCode}</dd>
              </>
            ) : null}
          </dl>
        </Section>
      ) : null}
    </div>
  );
}
