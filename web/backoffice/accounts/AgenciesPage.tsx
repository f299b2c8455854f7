// The agency tree for system administrators (R1, R10): add, edit, close or merge into a successor
// (officers move with history kept), export and import as JSON.
import { type ChangeEvent, useCallback, useEffect, useId, useState } from 'react';
import { type Agency, accountsApi } from '../../api/accounts.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnameseDate } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { useGuardedCall } from '../session.ts';
import { AgencyForm, CloseForm, type Panel } from './AgencyForms.tsx';
import { treeRows } from './agency-tree.ts';

export function AgenciesPage() {
  const { m, lang } = useI18n();
  const t = m.accounts.agencies;
  const guarded = useGuardedCall();
  const formerId = useId();
  const importId = useId();
  const [showFormer, setShowFormer] = useState(false);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    accountsApi.agencies(showFormer).then((list) => setAgencies(list.items), setError);
  }, [showFormer]);
  useEffect(load, [load]);
  const open = agencies.filter((a) => a.validTo === null);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const done = (text: string) => {
    setPanel(null);
    setNotice(text);
    load();
  };

  const onExport = async () => {
    const file = await guarded(() => accountsApi.exportAgencies());
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'co-quan.json';
    link.click();
    URL.revokeObjectURL(url);
  };
  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) {
      return;
    }
    setError(null);
    try {
      const parsed = JSON.parse(await file.text());
      const result = await guarded(() => accountsApi.importAgencies(parsed));
      done(t.importDone(result.created, result.updated));
    } catch (failure) {
      setError(failure instanceof SyntaxError ? new Error(t.importBad) : failure);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setPanel({ kind: 'create', parentId: null })}
          >
            {t.add}
          </button>
          <button type="button" className="button" onClick={() => void onExport()}>
            {t.export}
          </button>
          <label className="button" htmlFor={importId}>
            {t.import}
          </label>
          <input
            id={importId}
            className="visually-hidden"
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onImport(e)}
          />
        </div>
      </div>
      <p className="hint">{t.lead}</p>
      <div aria-live="polite">
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        {error ? (
          <Alert kind="error">
            {error instanceof Error && !('body' in error) ? error.message : errorMessage(error, lang)}
          </Alert>
        ) : null}
      </div>
      {panel?.kind === 'create' || panel?.kind === 'edit' ? (
        <AgencyForm
          key={JSON.stringify(panel)}
          panel={panel}
          agencies={open}
          onDone={done}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel?.kind === 'close' ? (
        <CloseForm agency={panel.agency} agencies={open} onDone={done} onCancel={() => setPanel(null)} />
      ) : null}
      <div className="checkbox">
        <input
          id={formerId}
          type="checkbox"
          checked={showFormer}
          onChange={(e) => setShowFormer(e.target.checked)}
        />
        <label htmlFor={formerId}>{t.showFormer}</label>
      </div>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.code}</th>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">
                <span className="visually-hidden">{m.accounts.common.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {treeRows(agencies).map((row) => (
              <tr key={row.agency.id} className={row.agency.validTo ? 'row--closed' : undefined}>
                <td>
                  <code>{row.agency.code}</code>
                </td>
                <th scope="row" className={`tree-depth-${Math.min(row.depth, 4)}`}>
                  {row.agency.name}
                  {row.agency.validTo ? (
                    <span className="hint">
                      {' '}
                      ({t.closed(formatVietnameseDate(row.agency.validTo))}
                      {row.agency.successorId
                        ? `, ${t.mergedInto(names.get(row.agency.successorId) ?? '')}`
                        : ''}
                      )
                    </span>
                  ) : null}
                </th>
                <td>{t.kinds[row.agency.kind]}</td>
                <td className="actions">
                  {row.agency.validTo ? null : (
                    <>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`${m.accounts.common.edit}: ${row.agency.name}`}
                        onClick={() => setPanel({ kind: 'edit', agency: row.agency })}
                      >
                        {m.accounts.common.edit}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`${t.addUnder}: ${row.agency.name}`}
                        onClick={() => setPanel({ kind: 'create', parentId: row.agency.id })}
                      >
                        {t.addUnder}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`${t.closeTitle}: ${row.agency.name}`}
                        onClick={() => setPanel({ kind: 'close', agency: row.agency })}
                      >
                        {t.closeTitle}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
