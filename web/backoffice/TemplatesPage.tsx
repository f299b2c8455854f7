// Issue 8: the official forms under each rule set, with PDF previews on sample data (and a signed
// copy, to try signature verification).
import { useEffect, useState } from 'react';
import type { TemplateList } from '../../src/modules/documents/documents.schemas.ts';
import { errorMessage } from '../api/client.ts';
import { documentsApi } from '../api/documents.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Alert } from '../ui/layout.tsx';
import '../ui/documents.css';

export function TemplatesPage() {
  const { m, lang, pick } = useI18n();
  const t = m.documents;
  const [data, setData] = useState<TemplateList | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    documentsApi.templates().then(setData, setError);
  }, []);

  const cell = (name: string, ruleSet: 'tt01_2018' | 'nd118_2025', number: string | null, label: string) =>
    number === null && name === 'stop_notice' ? (
      <td>{t.notInRuleSet}</td>
    ) : (
      <td>
        <span className="form-number">{number ?? '—'}</span>{' '}
        <a href={documentsApi.previewUrl(name, ruleSet)} target="_blank" rel="noopener">
          {t.preview}
          <span className="visually-hidden">
            {' '}
            {label} {ruleSet} {t.opensNewTab}
          </span>
        </a>
        {name === 'result_handover' ? (
          <>
            {' · '}
            <a href={documentsApi.previewUrl(name, ruleSet, true)} target="_blank" rel="noopener">
              {t.previewSigned}
              <span className="visually-hidden"> {t.opensNewTab}</span>
            </a>
          </>
        ) : null}
      </td>
    );

  return (
    <div className="page">
      <h1>{t.templatesTitle}</h1>
      <p className="hint">{t.templatesLead}</p>
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {data ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.colForm}</th>
                <th scope="col">{t.colTt01}</th>
                <th scope="col">{t.colNd118}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.name}>
                  <th scope="row">{pick(item.label)}</th>
                  {cell(item.name, 'tt01_2018', item.formNumber.tt01_2018, pick(item.label))}
                  {cell(item.name, 'nd118_2025', item.formNumber.nd118_2025, pick(item.label))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
