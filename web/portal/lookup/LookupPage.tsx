// R38: portal page "Tra cứu hồ sơ" — by code, or opened from the receipt's QR code (/tra-cuu?ma=<code>).
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate } from '../../ui/router.tsx';
import { CodeForm, LookupResult, useLookup } from './LookupPanel.tsx';
import './lookup.css';

export function LookupPage({ query }: { query: URLSearchParams }) {
  const { m } = useI18n();
  const code = query.get('ma')?.trim() || null;
  const state = useLookup(code);
  return (
    <div className="page lookup-page">
      <h1>{m.lookup.title}</h1>
      <p>{m.lookup.lead}</p>
      <search>
        <CodeForm initial={code ?? ''} onSubmit={(c) => navigate(`/tra-cuu?ma=${encodeURIComponent(c)}`)} />
      </search>
      <LookupResult state={state} />
    </div>
  );
}
