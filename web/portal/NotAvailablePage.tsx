import { useI18n } from '../i18n/i18n.tsx';
import { Alert } from '../ui/layout.tsx';
import { Link } from '../ui/router.tsx';

/** Said plainly when a screen's capability is not built yet, instead of a fake result. */
export function NotAvailablePage({ text }: { text: string }) {
  const { m } = useI18n();
  return (
    <section className="page-section">
      <h1>{m.portal.notAvailableTitle}</h1>
      <Alert kind="info">{text}</Alert>
      <Link href="/">{m.common.backHome}</Link>
    </section>
  );
}
