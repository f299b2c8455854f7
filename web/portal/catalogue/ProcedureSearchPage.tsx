// Search results with filters (R3): the query and every filter live in the URL (/thu-tuc?q=…), so
// results can be linked, bookmarked and embedded by agency websites (R7).
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { catalogueApi, type ProcedureListItem } from '../../api/catalogue.ts';
import { errorMessage } from '../../api/client.ts';
import { timeLimitText } from '../../catalogue/format.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import '../../ui/catalogue.css';

const FILTERS = ['q', 'sector', 'level', 'agency', 'online', 'sort'] as const;
const PAGE_SIZE = 20;

export function ProcedureSearchPage({ query }: { query: URLSearchParams }) {
  const { m, lang, pick } = useI18n();
  const c = m.catalogue;
  const ids = {
    q: useId(),
    sector: useId(),
    level: useId(),
    agency: useId(),
    online: useId(),
    sort: useId(),
  };
  const current = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const page = Math.max(1, Math.min(10000, Number(query.get('page')) || 1));
  const [form, setForm] = useState(current);
  const key = query.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL is the source of truth.
  useEffect(() => setForm(current), [key]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const options = useAsync(
    () => Promise.all([catalogueApi.sectors(), catalogueApi.agencies()]),
    'search-options',
  );
  const results = useAsync(() => catalogueApi.search({ ...current, page, pageSize: PAGE_SIZE }), key);

  const go = (next: Record<string, string>, nextPage = 1) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) {
      if (v.trim()) {
        params.set(k, v.trim());
      }
    }
    if (nextPage > 1) {
      params.set('page', String(nextPage));
    }
    navigate(`/thu-tuc${params.size ? `?${params}` : ''}`);
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    go(form);
  };
  const select = (
    name: keyof typeof form,
    label: string,
    values: Array<[string, string]>,
    emptyLabel = c.all,
  ) => (
    <div className="field">
      <label htmlFor={ids[name]}>{label}</label>
      <select
        id={ids[name]}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      >
        <option value="">{emptyLabel}</option>
        {values.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  const sectors = options.status === 'ready' ? options.data[0].items : [];
  const agencies = options.status === 'ready' ? options.data[1].items.filter((a) => a.kind !== 'unit') : [];
  const total = results.status === 'ready' ? results.data.total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        {c.searchTitle}
      </h1>
      <div className="search-layout">
        <search className="filters card" aria-label={c.filtersTitle}>
          <form onSubmit={onSubmit}>
            <div className="field">
              <label htmlFor={ids.q}>{m.portal.searchLabel}</label>
              <input
                id={ids.q}
                type="search"
                value={form.q}
                placeholder={m.portal.searchPlaceholder}
                onChange={(e) => setForm({ ...form, q: e.target.value })}
              />
            </div>
            {select(
              'sector',
              c.sector,
              sectors.map((s) => [
                s.code,
                `${s.parentId ? '— ' : ''}${pick({ vi: s.name, en: s.nameEn ?? s.name })}`,
              ]),
            )}
            {select('level', c.level, [
              ['province', c.levels.province],
              ['commune', c.levels.commune],
            ])}
            {select(
              'agency',
              c.agency,
              agencies.map((a) => [a.code, pick({ vi: a.name, en: a.nameEn ?? a.name })]),
            )}
            {select('online', c.onlineLevel, [
              ['full', c.online.full],
              ['partial', c.online.partial],
              ['any', c.online.any],
              ['none', c.online.none],
            ])}
            {select(
              'sort',
              c.sort,
              [
                ['name', c.sortName],
                ['views', c.sortViews],
              ],
              c.sortRelevance,
            )}
            <div className="filters__actions">
              <button type="submit" className="button button--primary">
                {c.apply}
              </button>
              <button type="button" className="button" onClick={() => go({})}>
                {c.clear}
              </button>
            </div>
          </form>
        </search>
        <section aria-labelledby="results-summary">
          {results.status === 'error' ? (
            <Alert kind="error">{errorMessage(results.error, lang)}</Alert>
          ) : results.status === 'loading' ? (
            <p aria-live="polite">{m.common.loading}</p>
          ) : (
            <>
              <p id="results-summary" role="status">
                {c.results(total, current.q)}
              </p>
              {total === 0 ? <Alert kind="info">{c.noResults}</Alert> : null}
              <ul className="result-list" aria-busy={results.refreshing}>
                {results.data.items.map((item) => (
                  <ResultItem key={item.id} item={item} />
                ))}
              </ul>
              {pages > 1 ? (
                <nav className="pager" aria-label={c.pagination}>
                  {page > 1 ? (
                    <button type="button" className="button" onClick={() => go(current, page - 1)}>
                      {c.previous}
                    </button>
                  ) : null}
                  <span>{c.pageOf(page, pages)}</span>
                  {page < pages ? (
                    <button type="button" className="button" onClick={() => go(current, page + 1)}>
                      {c.next}
                    </button>
                  ) : null}
                </nav>
              ) : null}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function ResultItem({ item }: { item: ProcedureListItem }) {
  const { m, pick } = useI18n();
  const c = m.catalogue;
  return (
    <li className="result-item">
      <h2>
        <Link href={`/thu-tuc/${item.id}`}>{pick({ vi: item.name, en: item.nameEn ?? item.name })}</Link>
      </h2>
      <ul className="tags">
        {item.onlineLevel !== 'none' ? (
          <li className={`tag tag--${item.onlineLevel}`}>{c.online[item.onlineLevel]}</li>
        ) : null}
        {item.immediateResult ? <li className="tag tag--immediate">{c.immediate}</li> : null}
        {item.levels.map((level) => (
          <li key={level} className="tag">
            {c.levels[level]}
          </li>
        ))}
      </ul>
      <p className="result-meta">
        {c.code}: {item.code}
        {item.field ? ` · ${pick({ vi: item.field.name, en: item.field.nameEn ?? item.field.name })}` : ''} ·{' '}
        {c.timeLimit}: {timeLimitText(c, item.processingTime)}
      </p>
    </li>
  );
}
