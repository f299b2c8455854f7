// Declared system outages (R16, goal 33): a desk officer records an incident with its window so the
// dossiers received by hand during it can be back-entered with their real times.
import { type FormEvent, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { intakeApi } from '../../api/intake.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemSummary, parseVnTime, vnTime } from '../../ui/intake-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { Link } from '../../ui/router.tsx';
import { useGuardedCall } from '../session.ts';

export function OutagesPage() {
  const { m, lang } = useI18n();
  const t = m.intake.desk;
  const guarded = useGuardedCall();
  const list = useAsync(() => guarded(() => intakeApi.outages()), 'outages');
  const [form, setForm] = useState({ reference: '', startsAt: '', endsAt: '', reason: '' });
  const [problems, setProblems] = useState<Array<{ target: string; message: string }>>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorFor = (name: string) => problems.find((p) => p.target === `outage-${name}`)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const found: Array<{ target: string; message: string }> = [];
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{1,99}$/.test(form.reference.trim())) {
      found.push({ target: 'outage-reference', message: t.outageReferenceInvalid });
    }
    const startsAt = parseVnTime(form.startsAt);
    const endsAt = parseVnTime(form.endsAt);
    if (!startsAt) {
      found.push({ target: 'outage-startsAt', message: t.outageTimeInvalid });
    }
    if (!endsAt) {
      found.push({ target: 'outage-endsAt', message: t.outageTimeInvalid });
    }
    if (form.reason.trim().length < 3) {
      found.push({ target: 'outage-reason', message: t.outageReasonMissing });
    }
    setFailure(null);
    setProblems(found);
    if (found.length || !startsAt || !endsAt) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    try {
      const outage = await guarded(() =>
        intakeApi.declareOutage({
          reference: form.reference.trim(),
          startsAt,
          endsAt,
          reason: form.reason.trim(),
        }),
      );
      setNotice(t.outageDeclared(outage.reference));
      setForm({ reference: '', startsAt: '', endsAt: '', reason: '' });
      list.reload();
    } catch (error) {
      const field = (error as { body?: { field?: string } }).body?.field;
      const message = errorMessage(error, lang);
      setProblems(field ? [{ target: `outage-${field}`, message }] : []);
      setFailure(field ? null : message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  const input = (name: keyof typeof form, label: string) => (
    <div className="field">
      <label htmlFor={`outage-${name}`}>{label}</label>
      {errorFor(name) ? <p className="field-error">{errorFor(name)}</p> : null}
      <input
        id={`outage-${name}`}
        type="text"
        value={form[name]}
        aria-invalid={Boolean(errorFor(name))}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
      />
    </div>
  );

  return (
    <div className="page">
      <p>
        <Link href="/admin/tiep-nhan">← {t.queueTitle}</Link>
      </p>
      <h1>{t.outagesTitle}</h1>
      <p>{t.outagesLead}</p>
      <ProblemSummary summaryRef={summaryRef} items={problems} general={failure} />
      <div aria-live="polite">{notice ? <Alert kind="success">{notice}</Alert> : null}</div>
      <form noValidate onSubmit={(e) => void submit(e)} className="card">
        {input('reference', t.outageReference)}
        {input('startsAt', t.outageStart)}
        {input('endsAt', t.outageEnd)}
        {input('reason', t.outageReason)}
        <button type="submit" className="button button--primary">
          {t.outageDeclare}
        </button>
      </form>
      {list.status === 'error' ? <Alert kind="error">{errorMessage(list.error, lang)}</Alert> : null}
      {list.status === 'ready' && list.data.items.length === 0 ? <p>{t.outagesEmpty}</p> : null}
      {list.status === 'ready' && list.data.items.length ? (
        <table className="intake-table">
          <caption className="visually-hidden">{t.outagesTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.outageReference}</th>
              <th scope="col">{t.outageStart}</th>
              <th scope="col">{t.outageEnd}</th>
              <th scope="col">{t.outageReason}</th>
              <th scope="col">{t.outageBy}</th>
              <th scope="col">{t.outageDossiers}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((o) => (
              <tr key={o.id}>
                <td>{o.reference}</td>
                <td>{vnTime(o.startsAt)}</td>
                <td>{vnTime(o.endsAt)}</td>
                <td>{o.reason}</td>
                <td>{o.declaredBy}</td>
                <td>{o.dossierCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
