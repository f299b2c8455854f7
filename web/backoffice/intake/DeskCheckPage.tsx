// Checking a dossier at the one-stop desk against the procedure's component list, then: accept
// (status 2, appointment from the working-time engine, receipt), request completion (one request
// listing every missing or wrong item with its reason, Mẫu 02), or refuse with reasons (Mẫu 03).
import { useRef, useState } from 'react';
import { catalogueApi } from '../../api/catalogue.ts';
import { errorMessage } from '../../api/client.ts';
import { type DossierDetail, intakeApi } from '../../api/intake.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EformAnswers } from '../../ui/eform/EformAnswers.tsx';
import { ProblemSummary, StatusBadge, vnTime, WarningBadge } from '../../ui/intake-kit.tsx';
import { Alert, NotReady } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { useGuardedCall } from '../session.ts';
import { NotifyChosen } from './NotifyChoice.tsx';

export function DeskCheckPage({ id }: { id: string }) {
  const { m, lang, pick } = useI18n();
  const t = m.intake;
  const guarded = useGuardedCall();
  const data = useAsync(
    () =>
      guarded(async () => {
        const dossier = await intakeApi.dossier(id);
        const [procedure, actions] = await Promise.all([
          catalogueApi.procedure(dossier.procedureId, dossier.procedureVersionId),
          intakeApi.actions(id),
        ]);
        return { dossier, procedure, actions };
      }),
    `check-${id}`,
  );
  const [marks, setMarks] = useState<Record<string, { missing: boolean; reason: string }>>({});
  const [reasons, setReasons] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Array<{ target: string; message: string }>>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<DossierDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  if (data.status !== 'ready') {
    return <NotReady state={data} />;
  }
  const { dossier, procedure, actions } = data.data;
  const can = (action: string) => actions.some((a) => a.action === action);
  const components = procedure.version.components;
  const fail = (list: Array<{ target: string; message: string }>, general: string | null = null) => {
    setProblems(list);
    setFailure(general);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };
  const run = async (body: Parameters<typeof intakeApi.act>[1]) => {
    setBusy(true);
    try {
      const after = await guarded(() =>
        intakeApi.act(dossier.id, {
          ...body,
          expectedVersion: dossier.version,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
      setProblems([]);
      setFailure(null);
      setResult(after);
      data.reload();
    } catch (error) {
      fail([], errorMessage(error, lang));
    } finally {
      setBusy(false);
    }
  };
  const requestCompletion = () => {
    const marked = components.filter((c) => marks[c.key]?.missing);
    if (!marked.length) {
      fail([{ target: `missing-${components[0]?.key ?? ''}`, message: t.desk.completionNone }]);
      return;
    }
    const unexplained = marked.filter((c) => !marks[c.key]?.reason.trim());
    if (unexplained.length) {
      fail(
        unexplained.map((c) => ({
          target: `reason-${c.key}`,
          message: t.desk.completionReasonMissing(c.name),
        })),
      );
      return;
    }
    void run({
      action: 'request_completion',
      items: marked.map((c) => ({
        componentKey: c.key,
        name: c.name,
        reason: marks[c.key]?.reason.trim() ?? '',
      })),
    });
  };
  const refuse = () => {
    const list = reasons
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    if (!list.length) {
      fail([{ target: 'refuse-reasons', message: t.desk.refuseReasonsMissing }]);
      return;
    }
    void run({ action: 'refuse', reasons: list });
  };
  const filesOf = (key: string) => dossier.files.filter((f) => f.componentKey === key && !f.superseded);
  const receptionActions = ['accept', 'request_completion', 'refuse'].filter(can);

  return (
    <div className="page">
      <p>
        <Link href="/admin/tiep-nhan">← {t.desk.queueTitle}</Link>
      </p>
      <h1>
        {t.desk.checkTitle}: {dossier.code}
      </h1>
      <ProblemSummary summaryRef={summaryRef} items={problems} general={failure} />
      <div aria-live="polite">
        {result ? (
          <Alert kind="success">
            <p>{t.desk.done(result.code, pick(result.statusName))}</p>
            {result.status === 2 ? (
              <p>
                <Link href={`/admin/ho-so/${result.id}/bien-nhan`}>{t.desk.printReceipt}</Link>
              </p>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <p>{t.desk.checkLead}</p>
      <dl className="intake-dl">
        <dt>{t.common.status}</dt>
        <dd>
          <StatusBadge status={dossier.status} name={dossier.statusName} /> {pick(dossier.subStatusName)}
        </dd>
        <dt>{t.common.procedure}</dt>
        <dd>{dossier.procedureName}</dd>
        <dt>{t.common.applicant}</dt>
        <dd>
          {String(dossier.applicant.fullName ?? '')}
          {dossier.applicant.idNumber ? ` — ${String(dossier.applicant.idNumber)}` : ''}
          {dossier.applicant.phone ? ` — ${String(dossier.applicant.phone)}` : ''}
          {dossier.applicant.email ? ` — ${String(dossier.applicant.email)}` : ''}
        </dd>
        <dt>{m.deskNotify.chosen}</dt>
        <dd>
          <NotifyChosen chosen={dossier.notify} />
        </dd>
        <dt>{t.common.submittedAt}</dt>
        <dd>{vnTime(dossier.submittedAt)}</dd>
        <dt>{t.desk.clock}</dt>
        <dd>
          {vnTime(dossier.receptionDueAt)} <WarningBadge warning={dossier.warning} />
        </dd>
        <dt>{t.wizard.deliverySection}</dt>
        <dd>
          {t.delivery[(dossier.delivery.method as 'desk' | 'post' | 'online') ?? 'desk']}
          {dossier.delivery.address ? `: ${String(dossier.delivery.address)}` : ''}
        </dd>
        {dossier.dueAt ? (
          <>
            <dt>{t.common.appointment}</dt>
            <dd>{vnTime(dossier.dueAt)}</dd>
          </>
        ) : null}
      </dl>
      {dossier.openRequest ? (
        <Alert kind="info" title={t.desk.openRequest}>
          <ul>
            {dossier.openRequest.items.map((item) => (
              <li key={`${item.componentKey}-${item.name}`}>
                {item.name}
                {item.reason ? `: ${item.reason}` : ''}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <h2>{t.desk.components}</h2>
      <table className="intake-table">
        <thead>
          <tr>
            <th scope="col">{t.desk.component}</th>
            <th scope="col">{t.mine.files}</th>
            {can('request_completion') ? <th scope="col">{t.desk.componentMissing}</th> : null}
          </tr>
        </thead>
        <tbody>
          {components.map((c) => {
            const files = filesOf(c.key);
            const mark = marks[c.key] ?? { missing: false, reason: '' };
            const setMark = (next: Partial<typeof mark>) =>
              setMarks((s) => ({ ...s, [c.key]: { ...mark, ...next } }));
            return (
              <tr key={c.key}>
                <td>
                  {c.name} ({c.required ? t.wizard.required : t.wizard.optional})
                </td>
                <td>
                  {c.eform && dossier.formData[c.key] ? (
                    <span>{t.desk.eformFilled}</span>
                  ) : files.length ? (
                    <ul className="intake-file__list">
                      {files.map((f) => (
                        <li key={f.fileId}>{f.name}</li>
                      ))}
                    </ul>
                  ) : (
                    <span>{t.desk.noFile}</span>
                  )}
                </td>
                {can('request_completion') ? (
                  <td>
                    <div className="intake-radio">
                      <input
                        type="checkbox"
                        id={`missing-${c.key}`}
                        checked={mark.missing}
                        onChange={(e) => setMark({ missing: e.target.checked })}
                      />
                      <label htmlFor={`missing-${c.key}`}>
                        <span className="visually-hidden">{c.name}: </span>
                        {t.desk.componentMissing}
                      </label>
                    </div>
                    {mark.missing ? (
                      <div className="field">
                        <label htmlFor={`reason-${c.key}`}>
                          {t.mine.reason}
                          <span className="visually-hidden">: {c.name}</span>
                        </label>
                        <input
                          id={`reason-${c.key}`}
                          type="text"
                          value={mark.reason}
                          onChange={(e) => setMark({ reason: e.target.value })}
                        />
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>

      {Object.keys(dossier.formData).length ? (
        <details>
          <summary>{t.desk.formData}</summary>
          {Object.entries(dossier.formData).map(([key, values]) => {
            const component = components.find((c) => c.key === key);
            return (
              <div key={key}>
                <h3>{component?.name ?? key}</h3>
                <EformAnswers
                  schema={component?.eform?.schema as never}
                  layout={component?.eform?.layout as never}
                  values={(values ?? {}) as Record<string, unknown>}
                />
              </div>
            );
          })}
        </details>
      ) : null}

      {receptionActions.length ? (
        <section className="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t.desk.checkTitle}</h2>
          <div className="field">
            <label htmlFor="desk-note">{t.desk.note}</label>
            <input id="desk-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="intake-actions">
            {can('accept') ? (
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void run({ action: 'accept' })}
              >
                {t.desk.accept}
              </button>
            ) : null}
            {can('request_completion') ? (
              <button type="button" className="button" disabled={busy} onClick={requestCompletion}>
                {t.desk.requestCompletion}
              </button>
            ) : null}
          </div>
          {can('request_completion') ? <p className="hint">{t.desk.requestCompletionLead}</p> : null}
          {can('refuse') ? (
            <>
              <div className="field">
                <label htmlFor="refuse-reasons">{t.desk.refuseReasons}</label>
                <textarea
                  id="refuse-reasons"
                  rows={3}
                  value={reasons}
                  onChange={(e) => setReasons(e.target.value)}
                />
              </div>
              <button type="button" className="button" disabled={busy} onClick={refuse}>
                {t.desk.refuse}
              </button>
            </>
          ) : null}
        </section>
      ) : (
        <p>{t.desk.noActions}</p>
      )}
      {dossier.status === 2 ? (
        <p>
          <Link className="button" href={`/admin/ho-so/${dossier.id}/bien-nhan`}>
            {t.desk.printReceipt}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
