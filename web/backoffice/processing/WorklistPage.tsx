// The officers' worklists (issue 7, R36): one tab per queue with its count, colour warnings with a
// text label and a legend, and batch forwarding of selected dossiers (R23).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { processingApi, type WorkItem } from '../../api/processing.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import '../../ui/processing.css';

const LISTS = ['mine', 'unit', 'signature', 'due_soon', 'overdue', 'waiting_applicant', 'to_return'] as const;
type List = (typeof LISTS)[number];

export function WarningBadge({ level }: { level: 'overdue' | 'dueSoon' | 'normal' | null }) {
  const { m } = useI18n();
  if (!level) {
    return <span>—</span>;
  }
  return <span className={`warn warn--${level}`}>{m.processing.warningNames[level]}</span>;
}

export function Legend() {
  const { m } = useI18n();
  const t = m.processing;
  return (
    <section className="legend-section" aria-labelledby="legend-title">
      <h2 id="legend-title">{t.legendTitle}</h2>
      <ul className="legend">
        {(['overdue', 'dueSoon', 'normal'] as const).map((level) => (
          <li key={level}>
            <span className={`warn warn--${level}`}>{t.warningNames[level]}</span> {t.legend[level]}
          </li>
        ))}
      </ul>
    </section>
  );
}

const worst = (a: WorkItem['warning'], b: WorkItem['warning']) =>
  a === 'overdue' || b === 'overdue' ? 'overdue' : a === 'dueSoon' || b === 'dueSoon' ? 'dueSoon' : (a ?? b);

export function WorklistPage({ query }: { query: URLSearchParams }) {
  const { m, lang } = useI18n();
  const t = m.processing;
  const list = (LISTS as readonly string[]).includes(query.get('ds') ?? '')
    ? (query.get('ds') as List)
    : 'mine';
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [items, setItems] = useState<WorkItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, l] = await Promise.all([processingApi.counts(), processingApi.list(list)]);
      setCounts(c);
      setItems(l.items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [list]);
  useEffect(() => {
    setSelected(new Set());
    setMessage(null);
    void load();
  }, [load]);

  const forwardSelected = async () => {
    try {
      const answer = await processingApi.batch([...selected], { action: 'forward' });
      setMessage(t.batchDone(answer.succeeded, answer.failed));
      setSelected(new Set());
      await load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p className="hint">{t.lead}</p>
      <p>
        <Link href="/admin/so-theo-doi">{m.dossierDocuments.worklistLink}</Link>
      </p>
      <nav aria-label={t.title}>
        <ul className="wl-tabs">
          {LISTS.map((l) => (
            <li key={l}>
              <Link href={`/admin/xu-ly?ds=${l}`} aria-current={l === list ? 'page' : undefined}>
                {t.lists[l]}
                <span className="wl-count" data-testid={`count-${l}`}>
                  {counts[l] ?? 0}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Legend />
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {message ? <Alert kind="info">{message}</Alert> : null}
      <h2>{t.lists[list]}</h2>
      {items === null ? (
        <p>{t.loading}</p>
      ) : items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <table className="proc-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t.columns.code}</span>
                </th>
                <th scope="col">{t.columns.code}</th>
                <th scope="col">{t.columns.procedure}</th>
                <th scope="col">{t.columns.applicant}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.holder}</th>
                <th scope="col">{t.columns.stepDue}</th>
                <th scope="col">{t.columns.due}</th>
                <th scope="col">{t.columns.warning}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.select(d.code)}
                      checked={selected.has(d.id)}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) {
                          next.add(d.id);
                        } else {
                          next.delete(d.id);
                        }
                        setSelected(next);
                      }}
                    />
                  </td>
                  <td>
                    <Link href={`/admin/ho-so/${d.id}`}>{d.code}</Link>
                  </td>
                  <td>{d.procedureName}</td>
                  <td>{d.applicantName}</td>
                  <td>
                    {d.statusName[lang]}
                    <br />
                    <small>{d.subStatusName[lang]}</small>
                  </td>
                  <td>{d.assigneeName ?? '—'}</td>
                  <td>{formatVietnamTime(d.stepDueAt)}</td>
                  <td>{formatVietnamTime(d.dueAt)}</td>
                  <td>
                    <WarningBadge level={worst(d.warning, d.stepWarning)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={selected.size === 0}
              onClick={() => void forwardSelected()}
            >
              {t.batchForward}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
