// The form mapping one notification event to its approved ZNS template (R37): the numeric id Zalo
// assigned and, for each named parameter of that template, the dossier field that fills it. The
// server's checks decide; its error names the field and is linked from the summary at the top.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { ZnsTemplateView } from '../../../src/modules/notifications/notifications.schemas.ts';
import { documentsApi } from '../../api/documents.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextField,
  withServerError,
} from '../../ui/form-kit.tsx';
import { useGuardedCall } from '../session.ts';

interface Row {
  key: number;
  name: string;
  value: string;
}

// The server's rule for a parameter name: its error then points at the name, otherwise at the field.
const PARAM_NAME = /^[a-z_]{1,30}$/;

export function ZnsMappingForm(props: {
  item: ZnsTemplateView;
  /** Placeholders the server accepts, e.g. code, statusName. */
  fields: string[];
  eventLabel: string;
  onSaved(view: ZnsTemplateView): void;
  onCancel(): void;
}) {
  const { m, lang } = useI18n();
  const t = m.zns;
  const guarded = useGuardedCall();
  const headingId = useId();
  const start = Object.entries(props.item.params).map(([name, value]) => ({ name, value }));
  const [templateId, setTemplateId] = useState(props.item.templateId ?? '');
  const [rows, setRows] = useState<Row[]>(
    (start.length > 0 ? start : [{ name: '', value: '' }]).map((p, key) => ({ key, ...p })),
  );
  const [nextKey, setNextKey] = useState(rows.length);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // The form opens below the table: take the reader (and the focus) there.
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: 'start' });
    sectionRef.current?.focus();
  }, []);

  const nameId = (row: Row) => `zns-param-${row.key}-name`;
  const sourceId = (row: Row) => `zns-param-${row.key}-source`;
  const fieldIds: Record<string, string> = {
    templateId: 'zns-template-id',
    params: rows[0] ? nameId(rows[0]) : 'zns-add-param',
  };
  for (const row of rows) {
    fieldIds[`name-${row.key}`] = nameId(row);
    fieldIds[`params.${row.name.trim()}`] = PARAM_NAME.test(row.name.trim()) ? sourceId(row) : nameId(row);
  }

  // One field per parameter; a value set through the API from several fields is kept as it is.
  const fieldOptions = props.fields.map((f) => ({ value: `{${f}}`, label: `${t.fields[f] ?? f} — {${f}}` }));
  const sourceOptions = (value: string) => [
    { value: '', label: t.chooseField },
    ...(value !== '' && !fieldOptions.some((o) => o.value === value)
      ? [{ value, label: t.keepValue(value) }]
      : []),
    ...fieldOptions,
  ];

  const update = (key: number, change: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only what the server cannot see: a row without a name, or two rows with one name (a JSON object
    // keeps one of them). Everything else is the server's check.
    const errors: FieldErrors = {};
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const name = row.name.trim();
      if (name === '') {
        errors[`name-${row.key}`] = t.paramNameMissing(i + 1);
      } else if (seen.has(name)) {
        errors[`name-${row.key}`] = t.paramNameRepeated(i + 1);
      }
      seen.add(name);
    });
    setFieldErrors(errors);
    setServerError(null);
    if (Object.values(errors).some(Boolean)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const params = Object.fromEntries(rows.map((r) => [r.name.trim(), r.value]));
      const saved = await guarded(() =>
        documentsApi.saveZnsTemplate(props.item.event, { templateId: templateId.trim(), params }),
      );
      props.onSaved(saved);
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError(errors, error, fieldIds, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (row: Row) =>
    fieldErrors[`name-${row.key}`] ??
    (fieldIds[`params.${row.name.trim()}`] === nameId(row)
      ? fieldErrors[`params.${row.name.trim()}`]
      : undefined);
  const sourceErrorOf = (row: Row) =>
    fieldIds[`params.${row.name.trim()}`] === sourceId(row)
      ? fieldErrors[`params.${row.name.trim()}`]
      : undefined;

  return (
    <section className="zns-form" aria-labelledby={headingId} ref={sectionRef} tabIndex={-1}>
      <h3 id={headingId}>{t.formTitle(props.eventLabel)}</h3>
      <ErrorSummary
        summaryRef={summaryRef}
        fieldErrors={fieldErrors}
        fieldIds={fieldIds}
        serverError={serverError}
      />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id={fieldIds.templateId as string}
          label={t.templateId}
          hint={t.templateIdHint}
          value={templateId}
          onChange={setTemplateId}
          error={fieldErrors.templateId}
          inputMode="numeric"
        />
        <fieldset className="zns-params">
          <legend>{t.paramsLegend}</legend>
          <p className="hint">{t.paramsHint}</p>
          {fieldErrors.params ? <p className="field-error">{fieldErrors.params}</p> : null}
          {rows.map((row, i) => (
            <div className="zns-param" key={row.key}>
              <TextField
                id={nameId(row)}
                label={t.paramName(i + 1)}
                value={row.name}
                onChange={(name) => update(row.key, { name })}
                error={errorOf(row)}
              />
              <SelectField
                id={sourceId(row)}
                label={t.paramSource(i + 1)}
                value={row.value}
                options={sourceOptions(row.value)}
                error={sourceErrorOf(row)}
                onChange={(value) => update(row.key, { value })}
              />
              <button
                type="button"
                className="button zns-param__remove"
                onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
              >
                {t.removeParam(i + 1)}
              </button>
            </div>
          ))}
          <button
            type="button"
            id="zns-add-param"
            className="button"
            onClick={() => {
              setRows((list) => [...list, { key: nextKey, name: '', value: '' }]);
              setNextKey((k) => k + 1);
            }}
          >
            {t.addParam}
          </button>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t.save}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
