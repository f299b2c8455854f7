// Small form pieces of the procedure editor: labelled inputs whose ids follow the server's field
// paths (ed-components-0-condition), so the error summary can link to the field at fault.
import type { ReactNode } from 'react';

export const fieldId = (path: string) => `ed-${path.replace(/[/.[\]]+/g, '-').replace(/-$/, '')}`;

export function TextField(props: {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  multiline?: boolean;
  type?: string;
  error?: string | undefined;
}) {
  const id = fieldId(props.path);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const common = {
    id,
    value: props.value,
    'aria-describedby': hintId,
    'aria-invalid': props.error ? true : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <span id={hintId} className="hint">
          {props.hint}
        </span>
      ) : null}
      {props.error ? <p className="field-error">{props.error}</p> : null}
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </div>
  );
}

export function SelectField(props: {
  path: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange(value: string): void;
  empty?: string;
}) {
  const id = fieldId(props.path);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checks<T extends string>(props: {
  path: string;
  legend: string;
  options: Array<[T, string]>;
  values: T[];
  onChange(values: T[]): void;
}) {
  const id = fieldId(props.path);
  return (
    <fieldset className="field eform__choices" id={id} tabIndex={-1}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, text]) => (
        <div className="checkbox" key={value}>
          <input
            id={`${id}-${value}`}
            type="checkbox"
            checked={props.values.includes(value)}
            onChange={(e) =>
              props.onChange(
                e.target.checked ? [...props.values, value] : props.values.filter((v) => v !== value),
              )
            }
          />
          <label htmlFor={`${id}-${value}`}>{text}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Check(props: {
  path: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const id = fieldId(props.path);
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** An editable list: each item in a box with a remove button; an add button below. */
export function ListEditor<T>(props: {
  items: T[];
  render(item: T, index: number, update: (item: T) => void): ReactNode;
  onChange(items: T[]): void;
  create(): T;
  addLabel: string;
  removeLabel: string;
  itemLabel(index: number): string;
}) {
  return (
    <>
      <ol className="editor-list">
        {props.items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity until saved.
          <li key={index} className="editor-item" aria-label={props.itemLabel(index)}>
            {props.render(item, index, (next) =>
              props.onChange(props.items.map((x, i) => (i === index ? next : x))),
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => props.onChange(props.items.filter((_, i) => i !== index))}
            >
              {props.removeLabel}: {props.itemLabel(index)}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => props.onChange([...props.items, props.create()])}
      >
        {props.addLabel}
      </button>
    </>
  );
}

export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
