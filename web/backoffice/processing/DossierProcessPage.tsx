// The processing screen of one dossier (issue 7): facts with the colour warning, the step ledger
// with due times and colours (R35, R36), the history, and one form per available action with the
// fields that action needs (GET /:id/actions is the only source of the buttons).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import {
  type AvailableAction,
  type DossierView,
  type HistoryItem,
  type LedgerRow,
  processingApi,
} from '../../api/processing.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { SignedResultPanel } from '../../ui/SignedResultPanel.tsx';
import { NotificationsPanel } from '../dossier/NotificationsPanel.tsx';
import { NotifyChosen } from '../intake/NotifyChoice.tsx';
import { ActionForm, type People } from './ActionForm.tsx';
import { DossierDocumentsPanel } from './DossierDocumentsPanel.tsx';
import { Legend, WarningBadge } from './WorklistPage.tsx';
import '../../ui/processing.css';

export function DossierProcessPage({ id }: { id: string }) {
  const { m, lang } = useI18n();
  const t = m.processing;
  const [dossier, setDossier] = useState<DossierView | null>(null);
  const [ledger, setLedger] = useState<LedgerRow[]>([]);
  const [apologised, setApologised] = useState(false);
  const [history, setHistory] = useState<HistoryItem[]>([]);
  const [actions, setActions] = useState<AvailableAction[]>([]);
  const [assignees, setAssignees] = useState<People>([]);
  const [colleagues, setColleagues] = useState<People>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const load = useCallback(async () => {
    try {
      const [d, s, h, a] = await Promise.all([
        processingApi.dossier(id),
        processingApi.steps(id),
        processingApi.history(id),
        processingApi.actions(id),
      ]);
      const names = a.map((x) => x.action);
      // Officers first, so a form never shows before the choice it needs.
      const [people, team] = await Promise.all([
        names.includes('forward') ? processingApi.assignees(id) : Promise.resolve([]),
        names.includes('handover') ? processingApi.colleagues(id) : Promise.resolve([]),
      ]);
      setAssignees(people);
      setColleagues(team);
      setDossier(d);
      setLedger(s.ledger);
      setApologised(s.apologised);
      setHistory(h.items);
      setActions(a);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!dossier) {
    return (
      <div className="page">
        {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : <p>{t.loading}</p>}
      </div>
    );
  }
  const open = ledger.find((r) => r.completedAt === null);
  return (
    <div className="page">
      <h1>{t.detailTitle(dossier.code)}</h1>
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {done ? <Alert kind="success">{t.done}</Alert> : null}
      <div className="proc-grid">
        <div>
          <section className="card" aria-labelledby="facts-title">
            <h2 id="facts-title">{t.summary}</h2>
            <dl className="proc-facts">
              <dt>{t.columns.procedure}</dt>
              <dd>{dossier.procedureName}</dd>
              <dt>{t.columns.applicant}</dt>
              <dd>{dossier.applicantName}</dd>
              <dt>{m.deskNotify.chosen}</dt>
              <dd>
                <NotifyChosen chosen={dossier.notify} />
              </dd>
              <dt>{t.columns.status}</dt>
              <dd data-testid="status">
                {dossier.status} – {dossier.statusName[lang]} ({dossier.subStatusName[lang]})
              </dd>
              <dt>{t.receivedAt}</dt>
              <dd>{formatVietnamTime(dossier.receivedAt)}</dd>
              <dt>{t.dueAt}</dt>
              <dd>
                {formatVietnamTime(dossier.dueAt)} <WarningBadge level={dossier.warning} />
              </dd>
              <dt>{t.currentStep}</dt>
              <dd>{open ? open.stepName[lang] : '—'}</dd>
              <dt>{t.stepDueAt}</dt>
              <dd>
                {open ? (
                  <>
                    {formatVietnamTime(open.dueAt)} <WarningBadge level={open.warning} />
                  </>
                ) : (
                  '—'
                )}
              </dd>
            </dl>
            {apologised ? <p className="hint">{t.apologised}</p> : null}
          </section>
          <section className="page-section" aria-labelledby="steps-title">
            <h2 id="steps-title">{t.stepsTitle}</h2>
            <table className="proc-table">
              <thead>
                <tr>
                  <th scope="col">{t.ledger.step}</th>
                  <th scope="col">{t.ledger.holder}</th>
                  <th scope="col">{t.ledger.arrived}</th>
                  <th scope="col">{t.ledger.due}</th>
                  <th scope="col">{t.ledger.completed}</th>
                  <th scope="col">{t.ledger.paper}</th>
                  <th scope="col">{t.columns.warning}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.map((r) => (
                  <tr key={r.seq}>
                    <td>{r.stepName[lang]}</td>
                    <td>{r.holderName ?? '—'}</td>
                    <td>{formatVietnamTime(r.arrivedAt)}</td>
                    <td>{formatVietnamTime(r.dueAt)}</td>
                    <td>
                      {formatVietnamTime(r.completedAt)} {r.completedAction ? `(${r.completedAction})` : ''}
                    </td>
                    <td>{r.paperReceivedAt ? t.paperReceived : '—'}</td>
                    <td>
                      <WarningBadge level={r.warning} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {open && dossier.currentAssigneeId && !open.paperReceivedAt && actions.length > 0 ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => void processingApi.paperReceived(id).then(load, setError)}
              >
                {t.markPaper}
              </button>
            ) : null}
            <Legend />
          </section>
          <section className="page-section" aria-labelledby="history-title">
            <h2 id="history-title">{t.historyTitle}</h2>
            <ol>
              {history.map((h) => (
                <li key={h.seq}>
                  {formatVietnamTime(h.at)} — <strong>{h.actionName[lang]}</strong> (
                  {h.actorName ?? h.actorLabel}){h.reasons.length ? `: ${h.reasons.join('; ')}` : ''}
                </li>
              ))}
            </ol>
          </section>
          <DossierDocumentsPanel dossierId={id} version={dossier.version} />
          {dossier.receivedAt ? (
            <p>
              <a href={`/admin/ho-so/${encodeURIComponent(id)}/bien-nhan`}>{m.intake.desk.printReceipt}</a>
            </p>
          ) : null}
          {/* Re-read after each action: the approval is what signs the result. */}
          <SignedResultPanel key={`signed-${dossier.version}`} dossierId={id} />
          <NotificationsPanel dossierId={id} />
        </div>
        <aside className="card" aria-labelledby="actions-title">
          <h2 id="actions-title">{t.actionsTitle}</h2>
          {actions.length === 0 ? <p>{t.noActions}</p> : null}
          {actions.map((a) => (
            <ActionForm
              key={`${a.action}-${dossier.version}`}
              dossierId={id}
              action={a}
              assignees={assignees}
              colleagues={colleagues}
              onDone={async () => {
                setDone(true);
                await load();
              }}
            />
          ))}
        </aside>
      </div>
    </div>
  );
}
