// The page frame shared by both apps: skip link, demo banner, header with the deployment's name
// and the language switch, one <main> landmark, footer with contacts.
import type { ReactNode } from 'react';
import type { SiteInfo } from '../../src/modules/site/site.schemas.ts';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from './router.tsx';

export function LanguageSwitch() {
  const { lang, setLang, m } = useI18n();
  const next = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="lang-switch"
      lang={next}
      aria-label={m.common.switchToLabel}
      onClick={() => setLang(next)}
    >
      {m.common.switchTo}
    </button>
  );
}

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export function PageFrame(props: {
  site: SiteInfo | null;
  appTitle: string;
  /** The back office names itself; the portal shows the deployment's name. */
  brandTitle?: string;
  homeHref: string;
  nav: NavItem[];
  headerExtra?: ReactNode;
  children: ReactNode;
}) {
  const { m, pick } = useI18n();
  const { site } = props;
  return (
    <>
      <a className="skip-link" href="#main">
        {m.common.skipToContent}
      </a>
      {site?.demo ? (
        <div className="demo-banner" role="note">
          {m.common.demoBanner}
        </div>
      ) : null}
      <header className="site-header">
        <div className="site-header__inner">
          <Link href={props.homeHref} className="brand">
            <span className="brand__emblem" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__province">{site ? pick(site.provinceName) : '\u00a0'}</span>
              <span className="brand__title">
                {props.brandTitle ?? (site ? pick(site.name) : props.appTitle)}
              </span>
            </span>
          </Link>
          <div className="site-header__tools">
            {props.headerExtra}
            <LanguageSwitch />
          </div>
        </div>
        {props.nav.length > 0 ? (
          <nav className="main-nav" aria-label={m.common.mainNav}>
            <ul>
              {props.nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{site ? pick(site.name) : props.appTitle}</p>
          {site?.hotline ? (
            <p>
              {m.common.hotline}: <a href={`tel:${site.hotline.replace(/[^0-9+]/g, '')}`}>{site.hotline}</a>
            </p>
          ) : null}
          {site?.email ? (
            <p>
              {m.common.email}: <a href={`mailto:${site.email}`}>{site.email}</a>
            </p>
          ) : null}
          <p className="site-footer__note">
            {m.common.footerNote} {site ? `v${site.version}` : ''}
          </p>
        </div>
      </footer>
    </>
  );
}

export function Alert(props: { kind: 'error' | 'info' | 'success'; title?: string; children: ReactNode }) {
  return (
    <div className={`alert alert--${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.title ? <p className="alert__title">{props.title}</p> : null}
      <div>{props.children}</div>
    </div>
  );
}

export function NotFound({ homeHref }: { homeHref: string }) {
  const { m } = useI18n();
  return (
    <section className="page-section">
      <h1>{m.common.notFoundTitle}</h1>
      <p>{m.common.notFoundBody}</p>
      <Link href={homeHref}>{m.common.backHome}</Link>
    </section>
  );
}

/** What a screen shows until its data is ready: the loading line, or the error in the user's language. */
export function NotReady(props: { state: { status: 'loading' } | { status: 'error'; error: unknown } }) {
  const { m, lang } = useI18n();
  return (
    <div className="page">
      {props.state.status === 'error' ? (
        <Alert kind="error">{errorMessage(props.state.error, lang)}</Alert>
      ) : (
        <p>{m.common.loading}</p>
      )}
    </div>
  );
}
