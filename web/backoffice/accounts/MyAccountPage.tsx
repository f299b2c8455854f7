// "My account" (issue 4): who I am, my roles and scopes, change my password, my second factor.
import { useEffect, useState } from 'react';
import type { Agency } from '../../api/accounts.ts';
import { accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { useSessionActions } from '../session.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TotpSetup } from './TotpSetup.tsx';

export function useAgencyNames(includeFormer = false): Map<string, Agency> {
  const [agencies, setAgencies] = useState(new Map<string, Agency>());
  useEffect(() => {
    accountsApi.agencies(includeFormer).then(
      (list) => setAgencies(new Map(list.items.map((a) => [a.id, a]))),
      () => {},
    );
  }, [includeFormer]);
  return agencies;
}

export function MyAccountPage() {
  const { m, pick } = useI18n();
  const t = m.accounts;
  const { session, signedIn } = useSessionActions();
  const agencies = useAgencyNames();
  const [notice, setNotice] = useState<string | null>(null);
  const roleNames = m.roles as Record<string, string | undefined>;
  const agencyName = (id: string | null) => {
    const agency = id ? agencies.get(id) : undefined;
    return agency ? pick({ vi: agency.name, en: agency.nameEn ?? agency.name }) : t.myAccount.wholeProvince;
  };
  const { user } = session;
  return (
    <div className="page">
      <h1>{t.myAccount.title}</h1>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <div className="grid grid--two">
        <Section title={t.myAccount.profile}>
          <dl className="facts">
            <dt>{t.common.fullName}</dt>
            <dd>{user.fullName}</dd>
            <dt>{t.myAccount.username}</dt>
            <dd>
              <code>{user.username}</code>
            </dd>
            <dt>{t.myAccount.unit}</dt>
            <dd>{user.unitId ? agencyName(user.unitId) : t.common.none}</dd>
            <dt>{t.myAccount.roles}</dt>
            <dd>
              <ul className="plain-list">
                {user.grants.map((grant) => (
                  <li key={`${grant.role}-${grant.scopeId}`}>
                    {roleNames[grant.role] ?? grant.role} — {agencyName(grant.scopeId)}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          <p className="hint">{t.myAccount.sessionNote(Math.round(session.idleTimeoutSeconds / 60))}</p>
        </Section>
        <Section title={t.myAccount.changePassword}>
          <ChangePasswordForm
            onChanged={(next) => {
              signedIn(next);
              setNotice(t.myAccount.changed);
            }}
          />
        </Section>
        <Section title={t.myAccount.secondFactor}>
          {user.totpEnabled ? (
            <p>{t.totp.enabled}</p>
          ) : (
            <>
              <p>{user.isDemo ? t.totp.demoExempt : t.totp.disabled}</p>
              <TotpSetup
                onDone={(next) => {
                  signedIn(next);
                  setNotice(t.totp.enabled);
                }}
              />
            </>
          )}
        </Section>
      </div>
    </div>
  );
}
