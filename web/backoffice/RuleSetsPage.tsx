// Legal rule sets by period (brief: rules are data, with dates). Everyone signed in sees which rules
// govern dossiers received on which days; the system administrator adds a provincial rule set from
// today on (e.g. QĐ 766: the supplement waiting time does not count), prefilled from the one in force.
import { type FormEvent, useRef, useState } from 'react';
import { type NewRuleSet, rulesApi, type StoredRuleSetView } from '../api/rules.ts';
import { formatDate } from '../catalogue/format.ts';
import { useAsync } from '../catalogue/use-async.ts';
import { useI18n } from '../i18n/i18n.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  parseVietnameseDate,
  Section,
  SelectField,
  TextField,
  withServerError,
} from '../ui/form-kit.tsx';
import { Alert, NotReady } from '../ui/layout.tsx';
import { nowInVietnam } from './calendar/calendar-dates.ts';
import { useGuardedCall } from './session.ts';

type Settings = NewRuleSet['settings'];

const FIELD_IDS = {
  code: 'rs-code',
  nameVi: 'rs-name-vi',
  nameEn: 'rs-name-en',
  legalBasis: 'rs-basis',
  effectiveFrom: 'rs-from',
  settings: 'rs-clock',
  apologyMaxPerDossier: 'rs-apology-max',
};

export function RuleSetsPage(props: { canManage: boolean }) {
  const { m } = useI18n();
  const t = m.rules;
  const guarded = useGuardedCall();
  const list = useAsync(() => guarded(() => rulesApi.list()), 'rule-sets');
  const items = list.status === 'ready' ? list.data.items : [];
  const current = items.find((r) => r.effectiveTo === null);
  // Kept here: after an addition the form starts again from the new rule set in force.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <div aria-live="polite">{notice ? <Alert kind="success">{notice}</Alert> : null}</div>
      {list.status !== 'ready' ? <NotReady state={list} /> : <RuleSetTable items={items} />}
      {props.canManage && current ? (
        <AddRuleSetForm
          key={current.id}
          base={current.settings}
          onAdded={(code) => {
            setNotice(t.added(code));
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function RuleSetTable(props: { items: StoredRuleSetView[] }) {
  const { m, lang } = useI18n();
  const t = m.rules;
  return (
    <table className="intake-table">
      <caption className="visually-hidden">{t.title}</caption>
      <thead>
        <tr>
          <th scope="col">{t.code}</th>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.period}</th>
          <th scope="col">{t.formSet}</th>
          <th scope="col">{t.supplementClock}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((r) => (
          <tr key={r.id}>
            <td>
              {r.code}
              <br />
              <small>{r.national ? t.national : t.provincial}</small>
            </td>
            <td>
              {lang === 'en' ? r.name.en : r.name.vi}
              <br />
              <small>{r.legalBasis.join('; ')}</small>
            </td>
            <td>
              {r.effectiveTo
                ? t.fromTo(formatDate(r.effectiveFrom), formatDate(r.effectiveTo))
                : t.from(formatDate(r.effectiveFrom))}
              {r.effectiveTo === null ? (
                <>
                  <br />
                  <strong>{t.inForce}</strong>
                </>
              ) : null}
            </td>
            <td>{t.formSets[r.settings.formSet]}</td>
            <td>{t.clocks[r.settings.supplementClock]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddRuleSetForm(props: { base: Settings; onAdded: (code: string) => void }) {
  const { m, lang } = useI18n();
  const t = m.rules;
  const guarded = useGuardedCall();
  const [form, setForm] = useState({
    code: '',
    nameVi: '',
    nameEn: '',
    legalBasis: '',
    effectiveFrom: formatDate(nowInVietnam().date),
    apologyMaxPerDossier: String(props.base.apologyMaxPerDossier),
  });
  const [settings, setSettings] = useState<Settings>(props.base);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const effectiveFrom = parseVietnameseDate(form.effectiveFrom);
    const basis = form.legalBasis
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const apologies = Number(form.apologyMaxPerDossier);
    const errors: FieldErrors = {
      code: /^[a-z0-9][a-z0-9-]{1,39}$/.test(form.code.trim()) ? undefined : t.codeInvalid,
      nameVi: form.nameVi.trim().length >= 3 ? undefined : t.nameMissing,
      nameEn: form.nameEn.trim().length >= 3 ? undefined : t.nameMissing,
      legalBasis: basis.length > 0 ? undefined : t.basisMissing,
      effectiveFrom: effectiveFrom ? undefined : t.dateInvalid,
      apologyMaxPerDossier:
        /^\d{1,2}$/.test(form.apologyMaxPerDossier.trim()) && apologies <= 10 ? undefined : t.numberInvalid,
    };
    setFieldErrors(errors);
    setServerError(null);
    if (Object.values(errors).some(Boolean) || !effectiveFrom) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const added = await guarded(() =>
        rulesApi.add({
          code: form.code.trim(),
          name: { vi: form.nameVi.trim(), en: form.nameEn.trim() },
          legalBasis: basis,
          effectiveFrom,
          settings: { ...settings, apologyMaxPerDossier: apologies },
        }),
      );
      props.onAdded(added.code);
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError(errors, error, FIELD_IDS, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t.addTitle}>
      <p>{t.addLead}</p>
      <ErrorSummary
        summaryRef={summaryRef}
        fieldErrors={fieldErrors}
        fieldIds={FIELD_IDS}
        serverError={serverError}
      />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id={FIELD_IDS.code}
          label={t.code}
          value={form.code}
          onChange={set('code')}
          error={fieldErrors.code}
        />
        <TextField
          id={FIELD_IDS.nameVi}
          label={t.name}
          value={form.nameVi}
          onChange={set('nameVi')}
          error={fieldErrors.nameVi}
        />
        <TextField
          id={FIELD_IDS.nameEn}
          label={t.nameEn}
          value={form.nameEn}
          onChange={set('nameEn')}
          error={fieldErrors.nameEn}
        />
        <div className="field">
          <label htmlFor={FIELD_IDS.legalBasis}>{t.legalBasis}</label>
          {fieldErrors.legalBasis ? <p className="field-error">{fieldErrors.legalBasis}</p> : null}
          <textarea
            id={FIELD_IDS.legalBasis}
            rows={3}
            value={form.legalBasis}
            aria-invalid={Boolean(fieldErrors.legalBasis)}
            onChange={(e) => set('legalBasis')(e.target.value)}
          />
        </div>
        <TextField
          id={FIELD_IDS.effectiveFrom}
          label={t.effectiveFrom}
          value={form.effectiveFrom}
          onChange={set('effectiveFrom')}
          error={fieldErrors.effectiveFrom}
          inputMode="numeric"
        />
        <SelectField
          id={FIELD_IDS.settings}
          label={t.supplementClock}
          value={settings.supplementClock}
          onChange={(value) =>
            setSettings((s) => ({ ...s, supplementClock: value as Settings['supplementClock'] }))
          }
          options={(['restart', 'pause'] as const).map((c) => ({ value: c, label: t.clocks[c] }))}
          error={fieldErrors.settings}
        />
        <SelectField
          id="rs-form-set"
          label={t.formSet}
          value={settings.formSet}
          onChange={(value) => setSettings((s) => ({ ...s, formSet: value as Settings['formSet'] }))}
          options={(['tt03_2025', 'tt01_2018'] as const).map((f) => ({ value: f, label: t.formSets[f] }))}
        />
        <TextField
          id={FIELD_IDS.apologyMaxPerDossier}
          label={t.apologyMax}
          value={form.apologyMaxPerDossier}
          onChange={set('apologyMaxPerDossier')}
          error={fieldErrors.apologyMaxPerDossier}
          inputMode="numeric"
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t.add}
        </button>
      </form>
    </Section>
  );
}
