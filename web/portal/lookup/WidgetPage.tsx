// R38: the embeddable widget (/widget/tra-cuu?agency=<agency code>) agencies put on their websites in an
// iframe (docs/WIDGET.md): a lookup box and the agency's procedures, links opening the portal.
import { useEffect, useState } from 'react';
import { catalogueApi } from '../../api/catalogue.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CodeForm, LookupResult, useLookup } from './LookupPanel.tsx';
import './lookup.css';

const AGENCY = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;

export function WidgetPage({ query }: { query: URLSearchParams }) {
  const { m } = useI18n();
  const [code, setCode] = useState<string | null>(query.get('ma'));
  const state = useLookup(code);
  const agency = (query.get('agency') ?? '').trim().toUpperCase();
  const [procedures, setProcedures] = useState<Array<{ id: string; code: string; name: string }>>([]);
  const portal = window.location.origin;

  useEffect(() => {
    if (!AGENCY.test(agency)) {
      return;
    }
    catalogueApi.search({ agency, pageSize: 10 }).then(
      (page) => setProcedures(page.items.map((p) => ({ id: p.id, code: p.code, name: p.name }))),
      () => setProcedures([]),
    );
  }, [agency]);

  return (
    <main className="widget" id="main">
      <h1>{m.lookup.title}</h1>
      <CodeForm onSubmit={setCode} />
      <LookupResult state={state} compact />
      {state.kind === 'found' ? (
        <p>
          <a
            href={`${portal}/tra-cuu?ma=${encodeURIComponent(state.result.code)}`}
            target="_blank"
            rel="noopener"
          >
            {m.lookup.widgetOpen}
          </a>
        </p>
      ) : null}
      {procedures.length > 0 ? (
        <section aria-labelledby="widget-procedures">
          <h2 id="widget-procedures">{m.lookup.widgetProcedures}</h2>
          <ul className="widget-procedures">
            {procedures.map((p) => (
              <li key={p.id}>
                <a href={`${portal}/thu-tuc/${encodeURIComponent(p.code)}`} target="_blank" rel="noopener">
                  {p.name}
                </a>
              </li>
            ))}
          </ul>
          <a href={`${portal}/thu-tuc?agency=${encodeURIComponent(agency)}`} target="_blank" rel="noopener">
            {m.lookup.widgetMore}
          </a>
        </section>
      ) : null}
    </main>
  );
}
