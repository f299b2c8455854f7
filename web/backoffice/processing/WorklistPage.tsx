// The officers' worklists (issue 7, R36): one tab per queue with its count, colour warnings with a
// text label and a legend, and batch forwarding of selected dossiers (R23).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { processingApi, type WorkItem } from '../../api/processing.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import '../../ui/processing.css';

/** The server counts each list up to 10,000 and answers 10,001 for "more". */
const COUNT_CAP = 10_000;
const countLabel = (n: number) => (n > COUNT_CAP ? `${COUNT_CAP.toLocaleString('vi-VN')}+` : String(n));

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
  const q = query.get('q')?.slice(0, 100) ?? '';
  const page = Math.max(1, Math.min(500, Number(query.get('trang')) || 1));
  const [search, setSearch] = useState(q);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [items, setItems] = useState<WorkItem[] | null>(null);
  const [paging, setPaging] = useState({ total: 0, pageSize: 20, capped: false });
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, l] = await Promise.all([processingApi.counts(), processingApi.list(list, page, q)]);
      setCounts(c);
      setItems(l.items);
      setPaging({ total: l.total, pageSize: l.pageSize, capped: l.totalCapped });
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [list, page, q]);
  // Links keep the list, the search and the page in the address: back and forward work, and a link
  // can be shared with a colleague.
  const href = (next: { page?: number; q?: string }) => {
    const params = new URLSearchParams({ ds: list });
    const text = next.q ?? q;
    if (text) {
      params.set('q', text);
    }
    if ((next.page ?? 1) > 1) {
      params.set('trang', String(next.page));
    }
    return `/admin/xu-ly?${params}`;
  };
  const pages = Math.max(1, Math.ceil(Math.min(paging.total, COUNT_CAP) / paging.pageSize));
  // The selection survives searches and pages (pick a few, search another, add it); a new list clears it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when the list changes, on purpose.
  useEffect(() => {
    setSelected(new Set());
    setMessage(null);
  }, [list]);
  useEffect(() => {
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
                  {countLabel(counts[l] ?? 0)}
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
      <search>
        <form
          className="wl-search"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(href({ q: search.trim(), page: 1 }));
          }}
        >
          <label htmlFor="wl-q">{t.searchLabel}</label>
          <input
            id="wl-q"
            type="search"
            value={search}
            maxLength={100}
            onChange={(e) => setSearch(e.target.value)}
          />
          <button type="submit" className="button">
            {t.searchButton}
          </button>
        </form>
      </search>
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
                    {d.subStatusName[lang] !== d.statusName[lang] ? (
                      <>
                        <br />
                        <small>{d.subStatusName[lang]}</small>
                      </>
                    ) : null}
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
              {t.batchForward} ({selected.size})
            </button>
          </div>
          <nav className="wl-pages" aria-label={t.pagesLabel}>
            <span>
              {t.pageOf(
                page,
                pages,
                paging.capped ? `${COUNT_CAP.toLocaleString('vi-VN')}+` : String(paging.total),
              )}
            </span>
            {page > 1 ? <Link href={href({ page: page - 1 })}>{t.previousPage}</Link> : null}
            {page < pages ? <Link href={href({ page: page + 1 })}>{t.nextPage}</Link> : null}
          </nav>
        </>
      )}
    </div>
  );
}
