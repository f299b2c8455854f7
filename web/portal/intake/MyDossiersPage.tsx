// "Hồ sơ của tôi": the citizen's dossiers and unsent drafts; one dossier with its status history
// and appointment, answering a completion request by uploading the missing items (same dossier and
// code: submit_completion) and asking to withdraw (request_withdrawal).
import { useRef, useState } from 'react';
import { STATUS_NAMES } from '../../../src/domain/dossier/status.ts';
import { errorMessage } from '../../api/client.ts';
import { intakeApi } from '../../api/intake.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type FileRef, FileUpload, ProblemSummary, StatusBadge, vnTime } from '../../ui/intake-kit.tsx';
import { Alert, NotReady } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { SignedResultPanel } from '../../ui/SignedResultPanel.tsx';
import { usePortalSession } from '../accounts/portal-session.ts';

function SignInFirst() {
  const { m } = useI18n();
  return (
    <div className="page">
      <h1>{m.intake.mine.title}</h1>
      <Alert kind="info">{m.intake.common.signInNeeded}</Alert>
      <p>
        <Link className="button button--primary" href="/dang-nhap">
          {m.intake.common.signIn}
        </Link>
      </p>
    </div>
  );
}

export function MyDossiersPage() {
  const { session } = usePortalSession();
  return session === undefined ? null : session ? <MyDossierList /> : <SignInFirst />;
}

function MyDossierList() {
  const { m, lang } = useI18n();
  const t = m.intake;
  const dossiers = useAsync(() => intakeApi.list({ pageSize: 100 }), 'mine');
  const drafts = useAsync(() => intakeApi.drafts(), 'drafts');
  return (
    <div className="page">
      <h1>{t.mine.title}</h1>
      <p>{t.mine.lead}</p>
      <p>
        <Link className="button button--primary" href="/thu-tuc">
          {t.mine.submitNew}
        </Link>
      </p>
      {drafts.status === 'ready' && drafts.data.items.length ? (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{t.mine.drafts}</h2>
          <table className="intake-table">
            <thead>
              <tr>
                <th scope="col">{t.common.procedure}</th>
                <th scope="col">{t.mine.savedAt}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.common.open}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {drafts.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{d.procedureName}</td>
                  <td>{vnTime(d.updatedAt)}</td>
                  <td>
                    <Link href={`/nop-truc-tuyen/${d.procedureId}?nhap=${d.id}`}>{t.mine.resume}</Link>{' '}
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => void intakeApi.deleteDraft(d.id).then(drafts.reload)}
                    >
                      {t.mine.deleteDraft}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <h2>{t.nav.myDossiers}</h2>
      {dossiers.status === 'error' ? <Alert kind="error">{errorMessage(dossiers.error, lang)}</Alert> : null}
      {dossiers.status === 'loading' ? <p>{t.common.loading}</p> : null}
      {dossiers.status === 'ready' ? (
        dossiers.data.items.length === 0 ? (
          <p>{t.mine.empty}</p>
        ) : (
          <table className="intake-table">
            <thead>
              <tr>
                <th scope="col">{t.common.code}</th>
                <th scope="col">{t.common.procedure}</th>
                <th scope="col">{t.common.submittedAt}</th>
                <th scope="col">{t.common.status}</th>
                <th scope="col">{t.common.appointment}</th>
              </tr>
            </thead>
            <tbody>
              {dossiers.data.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/ho-so-cua-toi/${d.id}`}>{d.code}</Link>
                  </td>
                  <td>{d.procedureName}</td>
                  <td>{vnTime(d.submittedAt)}</td>
                  <td>
                    <StatusBadge status={d.status} name={d.statusName} />
                  </td>
                  <td>{vnTime(d.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </div>
  );
}

export function MyDossierPage({ id }: { id: string }) {
  const { session } = usePortalSession();
  return session === undefined ? null : session ? <MyDossier id={id} /> : <SignInFirst />;
}

function MyDossier({ id }: { id: string }) {
  const { m, lang, pick } = useI18n();
  const t = m.intake;
  const data = useAsync(
    async () => ({
      dossier: await intakeApi.dossier(id),
      history: await intakeApi.history(id),
      actions: await intakeApi.actions(id),
    }),
    `my-${id}`,
  );
  const [supplied, setSupplied] = useState<Record<string, FileRef[]>>({});
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Array<{ target: string; message: string }>>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  if (data.status !== 'ready') {
    return <NotReady state={data} />;
  }
  const { dossier, history, actions } = data.data;
  const can = (action: string) => actions.some((a) => a.action === action);
  const fail = (list: Array<{ target: string; message: string }>, general: string | null = null) => {
    setProblems(list);
    setFailure(general);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };
  const run = async (body: Parameters<typeof intakeApi.act>[1], done: string) => {
    setBusy(true);
    try {
      await intakeApi.act(dossier.id, { ...body, expectedVersion: dossier.version });
      setProblems([]);
      setFailure(null);
      setNotice(done);
      setSupplied({});
      setReason('');
      data.reload();
    } catch (error) {
      fail([], errorMessage(error, lang));
    } finally {
      setBusy(false);
    }
  };
  const requestItems = dossier.openRequest?.items ?? [];
  // Supplement requests made during processing (status 5) list items by name only: each gets its
  // own upload slot, stored under the key bo-sung-<n> of the dossier's files.
  const keyFor = (item: { componentKey?: string | undefined }, i: number) =>
    item.componentKey ?? `bo-sung-${i + 1}`;
  const answerAction = can('submit_completion')
    ? ('submit_completion' as const)
    : can('submit_supplement')
      ? ('submit_supplement' as const)
      : null;

  return (
    <div className="page">
      <p>
        <Link href="/ho-so-cua-toi">← {t.mine.title}</Link>
      </p>
      <h1>
        {t.common.code}: {dossier.code}
      </h1>
      <ProblemSummary summaryRef={summaryRef} items={problems} general={failure} />
      <div aria-live="polite">{notice ? <Alert kind="success">{notice}</Alert> : null}</div>
      <dl className="intake-dl">
        <dt>{t.common.procedure}</dt>
        <dd>{dossier.procedureName}</dd>
        <dt>{t.common.status}</dt>
        <dd>
          <StatusBadge status={dossier.status} name={dossier.statusName} /> {pick(dossier.subStatusName)}
        </dd>
        <dt>{t.common.submittedAt}</dt>
        <dd>{vnTime(dossier.submittedAt)}</dd>
        <dt>{t.common.receivedAt}</dt>
        <dd>{vnTime(dossier.receivedAt)}</dd>
        <dt>{t.common.appointment}</dt>
        <dd>{vnTime(dossier.dueAt)}</dd>
      </dl>

      {dossier.openRequest && answerAction ? (
        <section className="card" aria-labelledby="completion-heading">
          <h2 id="completion-heading">
            {answerAction === 'submit_supplement' ? t.mine.supplementTitle : t.mine.completionTitle}
          </h2>
          <p>{answerAction === 'submit_supplement' ? t.mine.supplementLead : t.mine.completionLead}</p>
          {answerAction === 'submit_supplement' && dossier.openRequest.clockPolicy ? (
            <p>{t.mine.supplementClock[dossier.openRequest.clockPolicy]}</p>
          ) : null}
          {dossier.openRequest.note ? <p>{dossier.openRequest.note}</p> : null}
          {requestItems.map((item, i) => (
            <div key={keyFor(item, i)}>
              <p>
                <strong>{item.name}</strong>
                {item.reason ? ` — ${t.mine.reason}: ${item.reason}` : ''}
              </p>
              {item.componentKey || answerAction === 'submit_supplement' ? (
                <FileUpload
                  id={`supply-${keyFor(item, i)}`}
                  label={t.mine.supplyFile(item.name)}
                  files={supplied[keyFor(item, i)] ?? []}
                  onChange={(files) => setSupplied((s) => ({ ...s, [keyFor(item, i)]: files }))}
                />
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => {
              const components = Object.entries(supplied)
                .filter(([, files]) => files.length)
                .map(([componentKey, files]) => ({ componentKey, fileIds: files.map((f) => f.id) }));
              if (!components.length) {
                const first = requestItems.findIndex(
                  (item) => item.componentKey || answerAction === 'submit_supplement',
                );
                const target = first >= 0 ? keyFor(requestItems[first] ?? {}, first) : '';
                fail([{ target: `supply-${target}`, message: t.mine.completionMissing }]);
                return;
              }
              void run({ action: answerAction, components }, t.mine.completionSent);
            }}
          >
            {t.mine.sendCompletion}
          </button>
        </section>
      ) : null}

      {dossier.receivedAt ? (
        <p>
          <a href={`/api/v1/dossiers/${encodeURIComponent(dossier.id)}/documents/receipt`} download>
            {t.mine.receiptPdf}
          </a>
        </p>
      ) : null}
      <SignedResultPanel dossierId={dossier.id} />

      <h2>{t.mine.files}</h2>
      <ul>
        {dossier.files.map((f) => (
          <li key={f.fileId}>
            {f.name} {f.superseded ? t.mine.superseded : ''}
          </li>
        ))}
      </ul>

      <h2>{t.mine.history}</h2>
      <table className="intake-table">
        <thead>
          <tr>
            <th scope="col">{t.mine.historyAt}</th>
            <th scope="col">{t.mine.historyAction}</th>
            <th scope="col">{t.common.status}</th>
            <th scope="col">{t.mine.historyNote}</th>
          </tr>
        </thead>
        <tbody>
          {history.items.map((h) => (
            <tr key={h.seq}>
              <td>{vnTime(h.at)}</td>
              <td>{pick(h.actionName)}</td>
              <td>
                {pick(
                  STATUS_NAMES[h.statusAfter as keyof typeof STATUS_NAMES] ?? {
                    vi: String(h.statusAfter),
                    en: String(h.statusAfter),
                  },
                )}
              </td>
              <td>{[h.note, ...h.reasons].filter(Boolean).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {can('request_withdrawal') ? (
        <section className="card" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t.mine.withdrawTitle}</h2>
          <div className="field">
            <label htmlFor="withdraw-reason">{t.mine.withdrawReason}</label>
            <textarea
              id="withdraw-reason"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              if (!reason.trim()) {
                fail([{ target: 'withdraw-reason', message: t.mine.withdrawReasonMissing }]);
                return;
              }
              void run({ action: 'request_withdrawal', note: reason.trim() }, t.mine.withdrawSent);
            }}
          >
            {t.mine.withdraw}
          </button>
        </section>
      ) : null}
    </div>
  );
}
