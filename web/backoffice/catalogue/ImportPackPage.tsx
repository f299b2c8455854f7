// Importing a procedure pack: read the JSON file, dry run, show the plan, then apply (R4).
import { type FormEvent, useId, useState } from 'react';
import { catalogueApi, type ImportPlan } from '../../api/catalogue.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { DiffTable } from './DiffTable.tsx';

/** The heading names what really changes: an update that adds no version only adds process drafts. */
function headingOf(plan: ImportPlan): ImportPlan['action'] | 'processOnly' {
  return plan.action === 'update' && plan.addedVersions.length === 0 ? 'processOnly' : plan.action;
}

export function ImportPackPage() {
  const { m, lang } = useI18n();
  const a = m.catalogue.admin;
  const fileId = useId();
  const [pack, setPack] = useState<unknown>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File | undefined) => {
    setPlan(null);
    setFailure(null);
    if (!file) {
      return;
    }
    try {
      setPack(JSON.parse(await file.text()));
    } catch {
      setPack(null);
      setFailure(a.fileUnreadable);
    }
  };
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      setPlan(await catalogueApi.importPack(pack, dryRun));
    } catch (error) {
      setFailure(errorMessage(error, lang));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };
  return (
    <div className="page">
      <p>
        <Link href="/admin/thu-tuc">← {a.listTitle}</Link>
      </p>
      <h1>{a.importTitle}</h1>
      <p className="hint">{a.importLead}</p>
      <form className="toolbar" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={fileId}>{a.importFile}</label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={!pack || busy}>
          {a.dryRun}
        </button>
      </form>
      <div aria-live="polite">
        {failure ? <Alert kind="error">{failure}</Alert> : null}
        {plan ? (
          <section className="card proc-section" aria-label={a.planAction[headingOf(plan)]}>
            <h2>
              {plan.applied ? a.planApplied : a.planAction[headingOf(plan)]} —{' '}
              {plan.nationalCode ?? plan.localCode}
            </h2>
            <ul>
              <li>{a.planAdded(plan.addedVersions.join(', '))}</li>
              <li>{a.planUnchanged(plan.unchangedVersions.join(', '))}</li>
              <li>{a.planFiles(plan.newFiles)}</li>
              {plan.processes.map((p) => (
                <li key={p.agencyCode ?? 'all'}>{a.planProcess(p.agencyCode, p.action)}</li>
              ))}
              {plan.problems.map((p) => (
                <li key={`${p.path}-${p.message.en}`} className="field-error">
                  <code>{p.path}</code>: {p.message[lang]}
                </li>
              ))}
            </ul>
            {plan.conflicts.map((conflict) => (
              <DiffTable
                key={conflict.number}
                title={a.planConflict(conflict.number)}
                changes={conflict.changes as never}
              />
            ))}
            {!plan.applied && (plan.action === 'create' || plan.action === 'update') ? (
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void run(false)}
              >
                {a.apply}
              </button>
            ) : null}
            {plan.applied && plan.procedureId ? (
              <Link href={`/admin/thu-tuc/${plan.procedureId}`}>{a.openProcedure}</Link>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
