// An e-form's answers, read-only, as the person who filled it would read them: the layout's labels
// in the current language, dates as dd/mm/yyyy, choices by their label, yes/no for check boxes.
// Used by the wizard's review step and by the desk's check of a received dossier. Answers the
// layout does not name (an older form version) are still shown, by key, so nothing is hidden.
import type { EformLayout, EformSchema } from '../../../src/domain/catalogue/eform.ts';
import { formatDate } from '../../catalogue/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function EformAnswers(props: {
  schema?: EformSchema | null;
  layout?: EformLayout | null;
  values: Record<string, unknown>;
}) {
  const { m, lang } = useI18n();
  // An English label may be missing in older forms: fall back to the Vietnamese one.
  const pick = (text: { vi: string; en: string }) => (lang === 'en' && text.en ? text.en : text.vi);
  const fields = props.layout?.fields ?? [];
  const named = new Set(fields.map((f) => f.name));
  const rows = [
    ...fields
      .filter((f) => props.values[f.name] !== undefined)
      .map((f) => {
        const schema = props.schema?.properties[f.name];
        const value = props.values[f.name];
        const index = schema?.enum?.indexOf(value as string | number) ?? -1;
        const option = index >= 0 ? f.optionLabels?.[index] : undefined;
        const text =
          typeof value === 'boolean'
            ? value
              ? m.catalogue.answerYes
              : m.catalogue.answerNo
            : schema?.format === 'date' && typeof value === 'string'
              ? formatDate(value)
              : option
                ? pick(option)
                : String(value);
        return { key: f.name, label: pick(f.label), text };
      }),
    ...Object.entries(props.values)
      .filter(([key, value]) => !named.has(key) && value !== undefined)
      .map(([key, value]) => ({ key, label: key, text: String(value) })),
  ];
  return (
    <dl className="intake-dl">
      {rows.map((r) => (
        <div key={r.key} style={{ display: 'contents' }}>
          <dt>{r.label}</dt>
          <dd>{r.text}</dd>
        </div>
      ))}
    </dl>
  );
}
