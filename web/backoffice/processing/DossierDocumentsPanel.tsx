// The official documents a dossier has (issue 8): the server lists them from the history
// (GET /api/v1/dossiers/{id}/documents), so only the slips that exist are linked — receipt, completion
// request, refusal, apology, stop notice, control slip, result hand-over receipt, paper copy.
import { useEffect, useId, useState } from 'react';
import { request } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface DocumentItem {
  kind: string;
  formNumber: string | null;
  label: { vi: string; en: string };
}

export function DossierDocumentsPanel({ dossierId, version }: { dossierId: string; version: number }) {
  const { m, lang } = useI18n();
  const t = m.dossierDocuments;
  const titleId = useId();
  const [items, setItems] = useState<DocumentItem[] | null>(null);
  const base = `/api/v1/dossiers/${encodeURIComponent(dossierId)}/documents`;

  useEffect(() => {
    let live = true;
    // The version changes with every action, so a new slip shows as soon as its event happened.
    void version;
    request<{ items: DocumentItem[] }>('GET', base).then(
      (value) => live && setItems(value.items),
      () => live && setItems(null),
    );
    return () => {
      live = false;
    };
  }, [base, version]);

  if (items === null) {
    return null;
  }
  return (
    <section className="page-section" aria-labelledby={titleId} data-testid="dossier-documents">
      <h2 id={titleId}>{t.title}</h2>
      <p className="hint">{t.lead}</p>
      {items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.kind}>
              <a href={`${base}/${item.kind}`} target="_blank" rel="noopener" data-kind={item.kind}>
                {item.label[lang]}
                {item.formNumber ? ` (${item.formNumber})` : ''} — {t.pdf}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
