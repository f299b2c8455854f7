// The publication (or abolition) decision: number, date, effective date (and a reason to abolish).
// Errors are listed at the top, linked to their fields, and shown beside each field.
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { FieldLink } from '../../ui/eform/EformRenderer.tsx';
import { Alert } from '../../ui/layout.tsx';

export interface DecisionInput {
  decisionNumber: string;
  decisionDate: string;
  effectiveFrom: string;
  reason?: string;
}

export function DecisionForm(props: {
  title: string;
  lead: string;
  submitLabel: string;
  withReason?: boolean;
  danger?: boolean;
  onSubmit(input: DecisionInput): Promise<void>;
}) {
  const { m } = useI18n();
  const a = m.catalogue.admin;
  const base = useId();
  const [values, setValues] = useState<DecisionInput>({
    decisionNumber: '',
    decisionDate: '',
    effectiveFrom: '',
    reason: '',
  });
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const fields: Array<[keyof DecisionInput, string, string]> = [
    ['decisionNumber', a.decisionNumber, 'text'],
    ['decisionDate', a.decisionDate, 'date'],
    ['effectiveFrom', a.effectiveFrom, 'date'],
    ...(props.withReason
      ? ([['reason', a.reason, 'text']] as Array<[keyof DecisionInput, string, string]>)
      : []),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = fields.filter(([key]) => !String(values[key] ?? '').trim()).map(([key]) => key);
    setMissing(empty);
    if (empty.length > 0) {
      return;
    }
    setBusy(true);
    try {
      const { reason, ...decision } = values;
      await props.onSubmit({
        ...decision,
        decisionNumber: decision.decisionNumber.trim(),
        ...(props.withReason ? { reason: (reason ?? '').trim() } : {}),
      });
    } finally {
      setBusy(false);
    }
  };
  const titleId = `${base}-title`;
  return (
    <form className="proc-section" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId}>{props.title}</h3>
      <p className="hint">{props.lead}</p>
      {missing.length > 0 ? (
        <Alert kind="error" title={a.errorSummary}>
          <ul>
            {fields
              .filter(([key]) => missing.includes(key))
              .map(([key, label]) => (
                <li key={key}>
                  <FieldLink target={`${base}-${key}`}>
                    {label}: {a.required}
                  </FieldLink>
                </li>
              ))}
          </ul>
        </Alert>
      ) : null}
      <div className="inline-form">
        {fields.map(([key, label, type]) => (
          <div className="field" key={key}>
            <label htmlFor={`${base}-${key}`}>{label}</label>
            {missing.includes(key) ? <p className="field-error">{a.required}</p> : null}
            <input
              id={`${base}-${key}`}
              type={type}
              value={values[key] ?? ''}
              aria-invalid={missing.includes(key) || undefined}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })}
            />
          </div>
        ))}
      </div>
      <button
        type="submit"
        className={`button ${props.danger ? 'button--danger' : 'button--primary'}`}
        disabled={busy}
      >
        {props.submitLabel}
      </button>
    </form>
  );
}
