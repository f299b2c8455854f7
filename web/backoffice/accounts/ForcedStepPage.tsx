// R9, goal 3: before anything else, the officer changes the initial password, then enrols the
// second factor. The server refuses every other call meanwhile; this page is all the UI offers.
import type { LoginResponse } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TotpSetup } from './TotpSetup.tsx';

export function ForcedStepPage(props: { session: LoginResponse; onUpdated(session: LoginResponse): void }) {
  const { m } = useI18n();
  const t = m.accounts.forced;
  const passwordStep = props.session.restriction === 'password_change';
  return (
    <div className="page narrow-page">
      <h1>{passwordStep ? t.passwordTitle : t.totpTitle}</h1>
      <p>{passwordStep ? t.passwordLead : t.totpLead}</p>
      <div className="card">
        {passwordStep ? (
          <ChangePasswordForm onChanged={props.onUpdated} />
        ) : (
          <TotpSetup onDone={props.onUpdated} />
        )}
      </div>
    </div>
  );
}
