// Back office: every procedure, with drafts, scheduled amendments and abolished ones (R4).
import { type FormEvent, useId, useState } from 'react';
import { catalogueApi } from '../../api/catalogue.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDate } from '../../catalogue/format.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import '../../ui/catalogue.css';

const PAGE_SIZE = 25;

export function ProcedureListPage({ query }: { query: URLSearchParams }) {
  const { m, lang } = useI18n();
  const a = m.catalogue.admin;
  const qId = useId();
  const statusId = useId();
  const q = query.get('q') ?? '';
  const status = query.get('status') ?? '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [form, setForm] = useState({ q, status });
  const list = useAsync(
    () =>
      catalogueApi.adminList({
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        page,
        pageSize: PAGE_SIZE,
      }),
    query.toString(),
  );
  const go = (next: { q: string; status: string }, nextPage = 1) => {
    const params = new URLSearchParams();
    if (next.q.trim()) {
      params.set('q', next.q.trim());
    }
    if (next.status) {
      params.set('status', next.status);
    }
    if (nextPage > 1) {
      params.set('page', String(nextPage));
    }
    navigate(`/admin/thu-tuc${params.size ? `?${params}` : ''}`);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    go(form);
  };
  const total = list.status === 'ready' ? list.data.total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="page">
      <h1>{a.listTitle}</h1>
      <p className="hint">{a.listLead}</p>
      <p className="toolbar">
        <Link className="button button--primary" href="/admin/thu-tuc/moi">
          {a.create}
        </Link>
        <Link className="button" href="/admin/thu-tuc/nhap-goi">
          {a.importPack}
        </Link>
      </p>
      <search>
        <form className="toolbar" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={qId}>{a.search}</label>
            <input
              id={qId}
              type="search"
              value={form.q}
              onChange={(e) => setForm({ ...form, q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={statusId}>{a.status}</label>
            <select
              id={statusId}
              value={form.status}
              onChange={(e) => setForm({ ...form, status: e.target.value })}
            >
              <option value="">{a.statusAll}</option>
              <option value="in_force">{a.statusInForce}</option>
              <option value="draft">{a.statusDraft}</option>
              <option value="scheduled">{a.statusScheduled}</option>
              <option value="abolished">{a.statusAbolished}</option>
            </select>
          </div>
          <button type="submit" className="button button--primary">
            {a.find}
          </button>
        </form>
      </search>
      {list.status === 'error' ? <Alert kind="error">{errorMessage(list.error, lang)}</Alert> : null}
      {list.status === 'loading' ? <p>{m.common.loading}</p> : null}
      {list.status === 'ready' ? (
        <>
          <p role="status">{a.total(total)}</p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{a.colCode}</th>
                  <th scope="col">{a.colName}</th>
                  <th scope="col">{a.colVersion}</th>
                  <th scope="col">{a.colAgencies}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      {item.code}
                      {item.nationalCode ? <div className="hint">{item.localCode}</div> : null}
                    </td>
                    <td>
                      <Link href={`/admin/thu-tuc/${item.id}`}>{item.name}</Link>
                    </td>
                    <td>
                      <ul className="tags">
                        <li className="tag">
                          {item.inForceNumber ? a.inForce(item.inForceNumber) : a.notInForce}
                        </li>
                        {item.hasDraft ? <li className="tag tag--draft">{a.draftTag}</li> : null}
                        {item.scheduledFrom ? (
                          <li className="tag tag--partial">
                            {a.scheduledTag(formatDate(item.scheduledFrom))}
                          </li>
                        ) : null}
                        {item.abolishedFrom ? (
                          <li className="tag tag--immediate">
                            {a.abolishedTag(formatDate(item.abolishedFrom))}
                          </li>
                        ) : null}
                      </ul>
                    </td>
                    <td>
                      {item.agencies.length > 3
                        ? `${item.agencies
                            .slice(0, 2)
                            .map((x) => x.name)
                            .join('; ')}; … (${item.agencies.length})`
                        : item.agencies.map((x) => x.name).join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav className="pager" aria-label={m.catalogue.pagination}>
              {page > 1 ? (
                <button type="button" className="button" onClick={() => go({ q, status }, page - 1)}>
                  {m.catalogue.previous}
                </button>
              ) : null}
              <span>{m.catalogue.pageOf(page, pages)}</span>
              {page < pages ? (
                <button type="button" className="button" onClick={() => go({ q, status }, page + 1)}>
                  {m.catalogue.next}
                </button>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
