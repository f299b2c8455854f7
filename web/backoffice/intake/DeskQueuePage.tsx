// The one-stop desk's reception queue (R17): new online dossiers with the 8-working-hour reception
// clock and its colour, dossiers waiting for the citizen's completion, and those received and
// waiting for processing. Opens the check screen; received dossiers link to their receipt.
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { intakeApi } from '../../api/intake.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusBadge, vnTime, WarningBadge } from '../../ui/intake-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { useGuardedCall } from '../session.ts';

const QUEUES = ['online_new', 'completion_pending', 'to_process'] as const;
type Queue = (typeof QUEUES)[number];

export function DeskQueuePage({ query }: { query: URLSearchParams }) {
  const { m, lang } = useI18n();
  const t = m.intake;
  const guarded = useGuardedCall();
  const requested = query.get('hang');
  const queue: Queue = QUEUES.includes(requested as Queue) ? (requested as Queue) : 'online_new';
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const data = useAsync(
    () => guarded(() => intakeApi.list({ queue, q, pageSize: 100 })),
    `desk-${queue}-${q}`,
  );
  const href = (next: Queue, search = q) =>
    `/admin/tiep-nhan?hang=${next}${search ? `&q=${encodeURIComponent(search)}` : ''}`;
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate(href(queue, text.trim()));
  };
  return (
    <div className="page">
      <h1>{t.desk.queueTitle}</h1>
      <p>{t.desk.queueLead}</p>
      <p>
        <Link className="button button--primary" href="/admin/tiep-nhan/moi">
          {t.desk.newWalkIn}
        </Link>{' '}
        <Link className="button" href="/admin/tiep-nhan/su-co">
          {t.desk.outagesLink}
        </Link>
      </p>
      <nav className="intake-tabs" aria-label={t.desk.queueTitle}>
        {QUEUES.map((name) => (
          <Link key={name} href={href(name)} aria-current={name === queue ? 'page' : undefined}>
            {t.desk.queues[name]}
          </Link>
        ))}
      </nav>
      <search>
        <form className="filter-bar" onSubmit={onSearch}>
          <div className="field">
            <label htmlFor="desk-search">{t.desk.search}</label>
            <input id="desk-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" className="button">
            {t.desk.searchButton}
          </button>
        </form>
      </search>
      {data.status === 'error' ? <Alert kind="error">{errorMessage(data.error, lang)}</Alert> : null}
      {data.status === 'loading' ? <p>{t.common.loading}</p> : null}
      {data.status === 'ready' && data.data.items.length === 0 ? <p>{t.desk.empty}</p> : null}
      {data.status === 'ready' && data.data.items.length ? (
        <table className="intake-table">
          <caption className="visually-hidden">{t.desk.queues[queue]}</caption>
          <thead>
            <tr>
              <th scope="col">{t.common.code}</th>
              <th scope="col">{t.common.applicant}</th>
              <th scope="col">{t.common.procedure}</th>
              <th scope="col">{t.common.submittedAt}</th>
              <th scope="col">{queue === 'to_process' ? t.common.appointment : t.desk.clock}</th>
              <th scope="col">{t.common.status}</th>
            </tr>
          </thead>
          <tbody>
            {data.data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/admin/ho-so/${d.id}/tiep-nhan`}>{d.code}</Link>
                  {d.status === 2 ? (
                    <>
                      {' · '}
                      <Link href={`/admin/ho-so/${d.id}/bien-nhan`}>
                        {t.desk.receipt}
                        <span className="visually-hidden"> {d.code}</span>
                      </Link>
                    </>
                  ) : null}
                </td>
                <td>{d.applicantName}</td>
                <td>{d.procedureName}</td>
                <td>{vnTime(d.submittedAt)}</td>
                <td>
                  {vnTime(queue === 'to_process' ? d.dueAt : d.receptionDueAt)}{' '}
                  <WarningBadge warning={d.warning} />
                </td>
                <td>
                  <StatusBadge status={d.status} name={d.statusName} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
