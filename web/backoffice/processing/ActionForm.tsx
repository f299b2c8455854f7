// One action on the processing screen (issue 7): the fields that action needs (from GET /:id/actions),
// an error summary linking to each missing field, the paper check on forward, and — for desk
// officers — the back-entry of an action done by hand during an outage (R16).
import { type FormEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type AvailableAction, processingApi } from '../../api/processing.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { parseVietnameseDate } from '../../ui/form-kit.tsx';
import { parseVnTime } from '../../ui/intake-kit.tsx';
import { Alert } from '../../ui/layout.tsx';
import { useSessionActions } from '../session.ts';
import { BackEntryFields, type BackEntryValue, NO_BACK_ENTRY } from './BackEntryFields.tsx';

export type People = Array<{ id: string; fullName: string; username: string }>;

export function ActionForm(props: {
  dossierId: string;
  action: AvailableAction;
  assignees: People;
  colleagues: People;
  onDone(): Promise<void>;
}) {
  const { m, lang } = useI18n();
  const t = m.processing;
  const base = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [paper, setPaper] = useState(false);
  const [backEntry, setBackEntry] = useState<BackEntryValue>(NO_BACK_ENTRY);
  const [backEntryInvalid, setBackEntryInvalid] = useState<string[]>([]);
  // Only desk officers back-enter (R16, goal 33); the server refuses anyone else.
  const mayBackEnter = (useSessionActions().session.user.permissions as string[]).includes('dossier.receive');
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { action, needs } = props.action;
  const fields = [...needs];
  if (action === 'forward' && props.assignees.length > 1) {
    fields.push('assignTo');
  }
  const label = (f: string) => (t.fields as Record<string, string>)[f] ?? f;
  const id = (f: string) => `${base}-${f}`;
  const set = (f: string, v: string) => setValues((old) => ({ ...old, [f]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const absent = fields.filter((f) =>
      f === 'resultFile' ? !fileRef.current?.files?.[0] : !(values[f] ?? '').trim(),
    );
    const badDate = values.newDueAt && !parseVietnameseDate(values.newDueAt) ? ['newDueAt'] : [];
    const realTime = backEntry.on ? parseVnTime(backEntry.at) : null;
    const backEntryWrong = backEntry.on
      ? [
          ...(backEntry.reference ? [] : ['outage']),
          ...(realTime ? [] : ['at']),
          ...(backEntry.reason.trim().length >= 5 ? [] : ['reason']),
        ]
      : [];
    setBackEntryInvalid(backEntryWrong);
    setMissing([...absent, ...badDate, ...(backEntryWrong.length ? ['backEntry'] : [])]);
    setError(null);
    if (absent.length + badDate.length + backEntryWrong.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const body: Record<string, unknown> = { action };
      const lines = (f: string) =>
        (values[f] ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
      if (needs.includes('reasons')) {
        body.reasons = lines('reasons');
      }
      if (needs.includes('items')) {
        body.items = lines('items').map((name) => ({ name }));
      }
      if (needs.includes('note') || values.note) {
        body.note = values.note;
      }
      if (needs.includes('newDueAt')) {
        // The new appointment: the end of that working day (17:00 Vietnam time).
        body.newDueAt = new Date(
          `${parseVietnameseDate(values.newDueAt ?? '')}T17:00:00+07:00`,
        ).toISOString();
      }
      if (needs.includes('handoverTo')) {
        body.handoverTo = values.handoverTo;
      }
      if (needs.includes('deliveredHow')) {
        body.deliveredHow = values.deliveredHow;
      }
      if (values.assignTo) {
        body.assignTo = values.assignTo;
      }
      if (paper) {
        body.paperReceived = true;
      }
      if (backEntry.on && realTime) {
        body.at = realTime;
        body.outageReference = backEntry.reference;
        body.note = [backEntry.reason.trim(), values.note?.trim()].filter(Boolean).join(' — ');
      }
      const file = fileRef.current?.files?.[0];
      if (needs.includes('resultFile') && file) {
        body.resultFileId = await processingApi.uploadFile(file);
      }
      await processingApi.act(props.dossierId, body);
      await props.onDone();
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const people = (f: string) => (f === 'handoverTo' ? props.colleagues : props.assignees);
  return (
    <form className="action-form" onSubmit={submit} noValidate aria-label={props.action.label[lang]}>
      <h3>{props.action.label[lang]}</h3>
      <div ref={summaryRef} tabIndex={-1}>
        {missing.length > 0 ? (
          <Alert kind="error">
            <ul>
              {missing.map((f) => (
                <li key={f}>
                  {f === 'backEntry' ? (
                    <a href={`#${base}-backentry-on`}>{t.backEntry.missing}</a>
                  ) : (
                    <a href={`#${id(f)}`}>{t.required(label(f))}</a>
                  )}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {error ? <Alert kind="error">{errorMessage(error, lang)}</Alert> : null}
      </div>
      {fields.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={id(f)}>{label(f)}</label>
          {f === 'reasons' || f === 'items' || f === 'note' ? (
            <textarea
              id={id(f)}
              rows={3}
              value={values[f] ?? ''}
              aria-invalid={missing.includes(f)}
              onChange={(e) => set(f, e.target.value)}
            />
          ) : f === 'resultFile' ? (
            <input
              id={id(f)}
              ref={fileRef}
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={missing.includes(f)}
            />
          ) : f === 'handoverTo' || f === 'assignTo' ? (
            <select
              id={id(f)}
              value={values[f] ?? ''}
              onChange={(e) => set(f, e.target.value)}
              aria-invalid={missing.includes(f)}
            >
              <option value="">{t.chooseOne}</option>
              {people(f).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.fullName} ({p.username})
                </option>
              ))}
            </select>
          ) : f === 'deliveredHow' ? (
            <select
              id={id(f)}
              value={values[f] ?? ''}
              onChange={(e) => set(f, e.target.value)}
              aria-invalid={missing.includes(f)}
            >
              <option value="">{t.chooseOne}</option>
              {(['desk', 'post', 'online'] as const).map((k) => (
                <option key={k} value={k}>
                  {t.delivered[k]}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id(f)}
              type="text"
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              value={values[f] ?? ''}
              aria-invalid={missing.includes(f)}
              onChange={(e) => set(f, e.target.value)}
            />
          )}
        </div>
      ))}
      {action === 'forward' ? (
        <div className="checkbox">
          <input
            id={id('paper')}
            type="checkbox"
            checked={paper}
            onChange={(e) => setPaper(e.target.checked)}
          />
          <label htmlFor={id('paper')}>{t.fields.paperReceived}</label>
        </div>
      ) : null}
      {mayBackEnter ? (
        <BackEntryFields
          idPrefix={base}
          value={backEntry}
          onChange={setBackEntry}
          invalid={backEntryInvalid}
        />
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy} data-action={action}>
        {props.action.label[lang]}
      </button>
    </form>
  );
}
