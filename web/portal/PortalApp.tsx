// The public portal: pages by path. Screens arrive with their issues (catalogue, lookup, accounts).
import { useEffect } from 'react';
import '../ui/accounts.css';
import { useI18n } from '../i18n/i18n.tsx';
import { NotFound, PageFrame } from '../ui/layout.tsx';
import { useLocation } from '../ui/router.tsx';
import { useSite } from '../ui/use-site.ts';
import { PortalLoginPage } from './accounts/PortalLoginPage.tsx';
import { ProfilePage } from './accounts/ProfilePage.tsx';
import { PortalSessionContext, usePortalSessionState } from './accounts/portal-session.ts';
import { RegisterPage } from './accounts/RegisterPage.tsx';
import { ResetPage } from './accounts/ResetPage.tsx';
import { VerifyPage } from './accounts/VerifyPage.tsx';
import { AgenciesPage } from './catalogue/AgenciesPage.tsx';
import { ProcedurePage } from './catalogue/ProcedurePage.tsx';
import { ProcedureSearchPage } from './catalogue/ProcedureSearchPage.tsx';
import { HomePage } from './HomePage.tsx';
import { MyDossierPage, MyDossiersPage } from './intake/MyDossiersPage.tsx';
import { SubmitWizardPage } from './intake/SubmitWizardPage.tsx';
import { KioskPage } from './lookup/KioskPage.tsx';
import { LookupPage } from './lookup/LookupPage.tsx';
import { WidgetPage } from './lookup/WidgetPage.tsx';

export function PortalApp() {
  const { m, pick } = useI18n();
  const site = useSite();
  const { path, query } = useLocation();
  const portalSession = usePortalSessionState();
  const signedIn = Boolean(portalSession.session);

  useEffect(() => {
    document.title = site ? pick(site.name) : m.portal.title;
  }, [site, pick, m]);

  const nav = [
    { href: '/', label: m.portal.navHome, current: path === '/' },
    { href: '/thu-tuc', label: m.portal.navProcedures, current: path.startsWith('/thu-tuc') },
    { href: '/co-quan', label: m.catalogue.nav.agencies, current: path.startsWith('/co-quan') },
    { href: '/tra-cuu', label: m.portal.navLookup, current: path.startsWith('/tra-cuu') },
    signedIn
      ? { href: '/tai-khoan', label: m.accounts.portal.navAccount, current: path.startsWith('/tai-khoan') }
      : { href: '/dang-nhap', label: m.accounts.portal.navLogin, current: path.startsWith('/dang-nhap') },
    ...(signedIn
      ? [
          {
            href: '/ho-so-cua-toi',
            label: m.intake.nav.myDossiers,
            current: path.startsWith('/ho-so-cua-toi'),
          },
        ]
      : []),
    { href: '/admin/', label: m.portal.navBackoffice },
  ];

  let page: React.ReactNode;
  if (path === '/') {
    page = <HomePage />;
  } else if (path === '/thu-tuc') {
    page = <ProcedureSearchPage query={query} />;
  } else if (path.startsWith('/thu-tuc/') && path.split('/').length === 3) {
    page = <ProcedurePage id={decodeURIComponent(path.split('/')[2] ?? '')} />;
  } else if (path.startsWith('/nop-truc-tuyen/') && path.split('/').length === 3) {
    const procedureId = decodeURIComponent(path.split('/')[2] ?? '');
    page = <SubmitWizardPage key={procedureId} id={procedureId} draftId={query.get('nhap')} />;
  } else if (path === '/co-quan') {
    page = <AgenciesPage />;
  } else if (path === '/tra-cuu') {
    page = <LookupPage query={query} />;
  } else if (path === '/dang-nhap') {
    page = <PortalLoginPage />;
  } else if (path === '/dang-ky') {
    page = <RegisterPage />;
  } else if (path === '/xac-thuc') {
    page = <VerifyPage />;
  } else if (path === '/quen-mat-khau') {
    page = <ResetPage />;
  } else if (path === '/tai-khoan') {
    page = <ProfilePage />;
  } else if (path === '/ho-so-cua-toi') {
    page = <MyDossiersPage />;
  } else if (/^\/ho-so-cua-toi\/[0-9a-f-]{36}$/.test(path)) {
    page = <MyDossierPage key={path} id={path.split('/')[2] ?? ''} />;
  } else {
    page = <NotFound homeHref="/" />;
  }

  // R38: the kiosk and the embeddable widget stand alone, without the portal's header and menu.
  if (path === '/kiosk') {
    return <KioskPage />;
  }
  if (path === '/widget/tra-cuu') {
    return <WidgetPage query={query} />;
  }

  return (
    <PortalSessionContext.Provider value={portalSession}>
      <PageFrame site={site} appTitle={m.portal.title} homeHref="/" nav={nav}>
        {page}
      </PageFrame>
    </PortalSessionContext.Provider>
  );
}
