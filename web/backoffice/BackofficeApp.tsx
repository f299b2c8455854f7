// The back office (Hệ thống thông tin một cửa điện tử) under /admin/: sign-in (with the second
// factor), the forced first steps, then the screens the officer's permissions allow. The menu is
// built from the permissions the server reports; the server enforces them again on every call.
import { type ReactNode, useEffect, useMemo } from 'react';
import '../ui/accounts.css';
import { useI18n } from '../i18n/i18n.tsx';
import { NotFound, PageFrame } from '../ui/layout.tsx';
import { useLocation } from '../ui/router.tsx';
import { useSite } from '../ui/use-site.ts';
import { ForcedStepPage } from './accounts/ForcedStepPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { menuFor, screenFor } from './screens.tsx';
import { SessionContext, useSession } from './session.ts';

interface MenuItem {
  href: string;
  label: string;
}

export function BackofficeApp() {
  const { m } = useI18n();
  const site = useSite();
  const { path, query } = useLocation();
  const { state, signedIn, signOut, expired } = useSession();

  useEffect(() => {
    document.title = m.backoffice.title;
  }, [m]);

  const frame = (children: ReactNode, nav: MenuItem[] = [], headerExtra?: ReactNode) => (
    <PageFrame
      site={site}
      appTitle={m.backoffice.title}
      brandTitle={m.backoffice.title}
      homeHref="/admin/"
      nav={nav.map((item) => ({
        href: item.href,
        label: item.label,
        current:
          item.href === '/admin/' ? path === '/admin/' || path === '/admin' : path.startsWith(item.href),
      }))}
      headerExtra={headerExtra}
    >
      {children}
    </PageFrame>
  );

  const session = state.status === 'signed-in' ? state.session : null;
  const actions = useMemo(
    () => (session ? { session, signedIn, expired } : null),
    [session, signedIn, expired],
  );

  if (state.status === 'loading') {
    return frame(
      <p className="page" aria-live="polite">
        {m.common.loading}
      </p>,
    );
  }
  if (state.status === 'signed-out' || !session || !actions) {
    return frame(<LoginPage site={site} onSignedIn={signedIn} />);
  }

  const { user } = session;
  const headerExtra = (
    <>
      <span className="user-chip">
        {m.backoffice.signedInAs} <strong>{user.fullName}</strong>
      </span>
      <button type="button" className="button" onClick={() => void signOut()}>
        {m.backoffice.logout}
      </button>
    </>
  );
  if (session.restriction) {
    return frame(<ForcedStepPage session={session} onUpdated={signedIn} />, [], headerExtra);
  }

  const nav = menuFor(session).map((screen) => ({
    href: String(screen.path),
    label: screen.label?.(m) ?? '',
  }));
  const found = screenFor(path, session);
  const page = found ? found.screen.render(session, found.params, query) : <NotFound homeHref="/admin/" />;
  return <SessionContext.Provider value={actions}>{frame(page, nav, headerExtra)}</SessionContext.Provider>;
}
