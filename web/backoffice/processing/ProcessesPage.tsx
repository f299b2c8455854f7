// Process administration (issue 7, R21): the list of process versions and a step-list editor for
// procedure-control focal points, with the total against the time limit, and publication with the
// approving decision. A published version is never edited: a new draft is made from it.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import {
  type ProcessListItem,
  type ProcessStepView,
  type ProcessVersionView,
  processingApi,
} from '../../api/processing.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { parseVietnameseDate } from '../../ui/form-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import '../../ui/processing.css';

const ROLES = ['desk_officer', 'specialist', 'unit_head', 'agency_leader'] as const;

export function ProcessesPage() {
  const { m, lang } = useI18n();
  const t = m.processing;
  const [items, setItems] = useState<ProcessListItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    processingApi.processes().then(setItems, setError);
  }, []);
  return (
    <div className="page">
      <h1>{t.processesTitle}</h1>
      <p className="hint">{t.processesLead}</p>
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {items === null ? (
        <p>{t.loading}</p>
      ) : (
        <table className="proc-table">
          <thead>
            <tr>
              <th scope="col">{t.procedureCode}</th>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.statusLabel}</th>
              <th scope="col">{t.decisionRef}</th>
              <th scope="col">{t.stepsTitle}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/admin/quy-trinh/${p.id}`}>{p.procedureCode}</Link>
                </td>
                <td>{p.versionNo}</td>
                <td>{t.versionStatus[p.status]}</td>
                <td>{p.decisionRef ?? '—'}</td>
                <td>{p.stepCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export function ProcessEditorPage({ id }: { id: string }) {
  const { m, lang } = useI18n();
  const t = m.processing;
  const [version, setVersion] = useState<ProcessVersionView | null>(null);
  const [steps, setSteps] = useState<ProcessStepView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [decisionRef, setDecisionRef] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const load = useCallback(async () => {
    try {
      const v = await processingApi.processVersion(id);
      setVersion(v);
      setSteps(v.steps);
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!version) {
    return (
      <div className="page">
        {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : <p>{t.loading}</p>}
      </div>
    );
  }
  const draft = version.status === 'draft';
  const change = (i: number, patch: Partial<ProcessStepView>) =>
    setSteps((old) => old.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const total = steps.reduce((sum, s) => sum + s.allottedMinutes, 0);
  const limit = version.check.limit;
  const limitText = limit
    ? limit.unit === 'working_days'
      ? `${limit.value} ngày làm việc (${(limit.value * version.check.dailyWorkingMinutes) / 60} giờ)`
      : `${limit.value} ${limit.unit}`
    : '—';

  const save = async () => {
    setError(null);
    try {
      if (draft) {
        const v = await processingApi.saveDraft(id, steps);
        setVersion(v);
        setMessage(t.saved);
      } else {
        const v = await processingApi.createDraft(version.procedureId, version.agencyId, steps);
        navigate(`/admin/quy-trinh/${v.id}`);
      }
    } catch (e) {
      setError(e);
    }
  };
  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const v = await processingApi.publish(id, decisionRef, parseVietnameseDate(decisionDate) ?? '');
      setVersion(v);
      setMessage(t.published);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="page">
      <h1>
        {t.processesTitle} — {t.version} {version.versionNo} ({t.versionStatus[version.status]})
      </h1>
      {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      {message ? <Alert kind="success">{message}</Alert> : null}
      <table className="proc-table step-editor">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.stepName}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.unit}</th>
            <th scope="col">{t.hours}</th>
            <th scope="col">{t.hoursOnline}</th>
            <th scope="col">{t.signature}</th>
            <th scope="col">
              <span className="visually-hidden">{t.actionsTitle}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr key={s.key}>
              <td>{i + 1}</td>
              <td>
                <input
                  aria-label={`${t.stepName} ${i + 1}`}
                  value={s.name.vi}
                  onChange={(e) => change(i, { name: { vi: e.target.value, en: s.name.en } })}
                />
              </td>
              <td>
                <select
                  aria-label={`${t.role} ${i + 1}`}
                  value={s.role}
                  onChange={(e) => change(i, { role: e.target.value })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {(m.roles as Record<string, string>)[r] ?? r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={`${t.unit} ${i + 1}`}
                  value={s.unit.kind === 'agency' ? 'performing_agency' : s.unit.kind}
                  onChange={(e) =>
                    change(i, { unit: { kind: e.target.value as 'desk' | 'performing_agency' } })
                  }
                >
                  <option value="desk">{t.units.desk}</option>
                  <option value="performing_agency">{t.units.performing_agency}</option>
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  step={0.5}
                  aria-label={`${t.hours} ${i + 1}`}
                  value={hours(s.allottedMinutes)}
                  onChange={(e) => change(i, { allottedMinutes: Math.round(Number(e.target.value) * 60) })}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  step={0.5}
                  aria-label={`${t.hoursOnline} ${i + 1}`}
                  value={hours(s.allottedMinutesOnline ?? s.allottedMinutes)}
                  onChange={(e) =>
                    change(i, { allottedMinutesOnline: Math.round(Number(e.target.value) * 60) })
                  }
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t.signature} ${i + 1}`}
                  checked={s.signature}
                  onChange={(e) => change(i, { signature: e.target.checked })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small"
                  disabled={i === 0}
                  onClick={() =>
                    setSteps((old) => {
                      const next = [...old];
                      [next[i - 1], next[i]] = [next[i] as ProcessStepView, next[i - 1] as ProcessStepView];
                      return next;
                    })
                  }
                >
                  {t.moveUp(i + 1)}
                </button>{' '}
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => setSteps((old) => old.filter((_, j) => j !== i))}
                >
                  {t.removeStep(i + 1)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-live="polite">{t.preview(`${hours(total)} giờ`, limitText)}</p>
      {version.check.problems.length > 0 ? (
        <Alert kind="error">
          {t.problems} {version.check.problems.map((p) => p.code).join(', ')}
        </Alert>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            setSteps((old) => [
              ...old,
              {
                key: `buoc_${old.length + 1}_${Date.now() % 1000}`,
                name: { vi: `Bước ${old.length + 1}`, en: `Step ${old.length + 1}` },
                role: 'specialist',
                unit: { kind: 'performing_agency' },
                allottedMinutes: 240,
                signature: false,
              },
            ])
          }
        >
          {t.addStep}
        </button>
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {draft ? t.save : t.newDraft}
        </button>
      </div>
      {draft ? (
        <form className="card" onSubmit={publish} noValidate>
          <div className="field">
            <label htmlFor="decision-ref">{t.decisionRef}</label>
            <input id="decision-ref" value={decisionRef} onChange={(e) => setDecisionRef(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="decision-date">{t.decisionDate}</label>
            <input
              id="decision-date"
              value={decisionDate}
              onChange={(e) => setDecisionDate(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary">
            {t.publish}
          </button>
        </form>
      ) : null}
    </div>
  );
}
