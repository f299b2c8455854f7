// Editing an e-form: its definition as JSON (schema + layout) beside a live preview rendered by the
// same component the portal uses; the server checks the definition (and the preview data) with the
// same code that validates citizens' submissions.
import { useEffect, useId, useState } from 'react';
import { catalogueApi, type EformCheckResult, type EformDefinition } from '../../api/catalogue.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EformRenderer } from '../../ui/eform/EformRenderer.tsx';
import { Alert } from '../../ui/layout.tsx';

export const EMPTY_EFORM: EformDefinition = {
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: { hoTen: { type: 'string', minLength: 1, maxLength: 200 } },
    required: ['hoTen'],
  },
  layout: {
    title: { vi: 'Tờ khai', en: 'Declaration' },
    fields: [{ name: 'hoTen', label: { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, prefill: 'fullName' }],
  },
};

export function EformEditor(props: {
  value: EformDefinition;
  onDone(value: EformDefinition): void;
  onCancel(): void;
}) {
  const { m, lang } = useI18n();
  const a = m.catalogue.admin;
  const textId = useId();
  const [text, setText] = useState(() => JSON.stringify(props.value, null, 2));
  const [parsed, setParsed] = useState<EformDefinition | null>(props.value);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [check, setCheck] = useState<EformCheckResult | null>(null);
  const [checkError, setCheckError] = useState(false);

  useEffect(() => {
    if (!parsed) {
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      catalogueApi.checkEform(parsed, data).then(
        (result) => {
          if (alive) {
            setCheck(result);
            setCheckError(false);
          }
        },
        () => alive && setCheckError(true),
      );
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [parsed, data]);

  const onText = (next: string) => {
    setText(next);
    try {
      setParsed(JSON.parse(next) as EformDefinition);
    } catch {
      setParsed(null);
    }
  };
  const errors = Object.fromEntries((check?.validation?.errors ?? []).map((e) => [e.field, e.message[lang]]));
  const usable = parsed !== null && check !== null && check.problems.length === 0 && !checkError;

  return (
    <section className="card proc-section" aria-label={a.eformEditorTitle}>
      <h3>{a.eformEditorTitle}</h3>
      <div className="split">
        <div className="field">
          <label htmlFor={textId}>{a.eformJson}</label>
          <textarea
            id={textId}
            className="code-area"
            spellCheck={false}
            value={text}
            aria-invalid={parsed === null || (check?.problems.length ?? 0) > 0 || undefined}
            onChange={(e) => onText(e.target.value)}
          />
          <div aria-live="polite">
            {parsed === null ? <p className="field-error">{a.eformJsonInvalid}</p> : null}
            {checkError ? <p className="field-error">{a.eformJsonInvalid}</p> : null}
            {check && check.problems.length > 0 ? (
              <Alert kind="error">
                <ul>
                  {check.problems.map((p) => (
                    <li key={`${p.path}-${p.message.en}`}>
                      <code>{p.path}</code>: {p.message[lang]}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            {usable ? <p className="hint">{a.eformOk}</p> : null}
          </div>
        </div>
        <div>
          <h4>{a.eformPreview}</h4>
          {parsed && usable ? (
            <EformRenderer
              schema={parsed.schema as never}
              layout={parsed.layout as never}
              data={data}
              onChange={setData}
              errors={errors}
            />
          ) : null}
        </div>
      </div>
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={!usable}
          onClick={() => parsed && props.onDone(parsed)}
        >
          {a.eformDone}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {a.cancel}
        </button>
      </div>
    </section>
  );
}
