import type { LoginResponse } from '../../src/modules/auth/auth.schemas.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function DashboardPage({ session }: { session: LoginResponse }) {
  const { m } = useI18n();
  const roleNames = m.roles as Record<string, string | undefined>;
  return (
    <div className="page">
      <h1>{m.backoffice.dashboardTitle}</h1>
      <p>{m.backoffice.dashboardWelcome(session.user.fullName)}</p>
      <p className="hint">{m.backoffice.dashboardLead}</p>
      <section className="card" aria-labelledby="roles-title">
        <h2 id="roles-title">{m.backoffice.yourRoles}</h2>
        {session.user.roles.length === 0 ? (
          <p>{m.backoffice.noRoles}</p>
        ) : (
          <ul>
            {session.user.roles.map((role) => (
              <li key={role}>{roleNames[role] ?? role}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
