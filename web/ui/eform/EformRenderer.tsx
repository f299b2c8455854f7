// Renders an interactive e-form (TT 32/2017 Đ8) from its JSON Schema and layout: fields in layout
// order, labels and help in the current language, conditional fields shown only when they apply
// (same rule as the server), errors beside each field, prefill from the citizen profile. Used by
// the portal (online submission) and by the back office's live preview.
import { useId } from 'react';
import {
  type EformLayout,
  type EformSchema,
  isFieldVisible,
  type PrefillProfile,
  prefillEform,
} from '../../../src/domain/catalogue/eform.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import '../catalogue.css';

export interface EformRendererProps {
  schema: EformSchema;
  layout: EformLayout;
  data: Record<string, unknown>;
  onChange(data: Record<string, unknown>): void;
  /** Field name → message, in the current language. */
  errors?: Record<string, string>;
  /** When given, a button fills the fields that declare a prefill key. */
  profile?: PrefillProfile;
  /** Field ids are `${idPrefix}-${name}`, so an error summary can link to them. */
  idPrefix?: string;
}

export function EformRenderer(props: EformRendererProps) {
  const { m, lang, pick } = useI18n();
  const c = m.catalogue;
  const generated = useId();
  const base = props.idPrefix ?? generated;
  const set = (name: string, value: unknown) => {
    const next = { ...props.data };
    if (value === undefined || value === '') {
      delete next[name];
    } else {
      next[name] = value;
    }
    props.onChange(next);
  };
  const required = new Set(props.schema.required ?? []);
  const label = (text: { vi: string; en: string }) => (lang === 'en' && text.en ? text.en : text.vi);

  return (
    <fieldset className="eform">
      <legend>{pick(props.layout.title)}</legend>
      {props.profile ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => props.onChange(prefillEform(props.layout, props.data, props.profile ?? {}))}
          >
            {c.prefill}
          </button>
        </p>
      ) : null}
      {props.layout.fields.map((field) => {
        if (!isFieldVisible(props.layout, field.name, props.data)) {
          return null;
        }
        const schema = props.schema.properties[field.name];
        if (!schema) {
          return null;
        }
        const id = `${base}-${field.name}`;
        const helpId = field.help ? `${id}-help` : undefined;
        const error = props.errors?.[field.name];
        const errorId = error ? `${id}-error` : undefined;
        const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
        const value = props.data[field.name];
        const text = label(field.label);
        const mark = required.has(field.name) ? <span aria-hidden="true"> *</span> : null;
        const help = field.help ? (
          <span id={helpId} className="hint">
            {label(field.help)}
          </span>
        ) : null;
        const errorText = error ? (
          <p id={errorId} className="field-error">
            {error}
          </p>
        ) : null;
        const widget =
          field.widget ?? (schema.type === 'boolean' ? 'checkbox' : schema.enum ? 'select' : 'text');

        if (widget === 'checkbox' || schema.type === 'boolean') {
          return (
            <div className="field" key={field.name}>
              <div className="checkbox">
                <input
                  id={id}
                  type="checkbox"
                  name={field.name}
                  checked={value === true}
                  aria-describedby={describedBy}
                  onChange={(event) => set(field.name, event.target.checked ? true : undefined)}
                />
                <label htmlFor={id}>{text}</label>
              </div>
              {help}
              {errorText}
            </div>
          );
        }
        if (schema.enum && widget === 'radio') {
          return (
            <fieldset
              id={id}
              tabIndex={-1}
              className="field eform__choices"
              key={field.name}
              aria-describedby={describedBy}
            >
              <legend>
                {text}
                {mark}
              </legend>
              {help}
              {errorText}
              {schema.enum.map((option, index) => {
                const optionLabel = field.optionLabels?.[index];
                return (
                  <div className="checkbox" key={String(option)}>
                    <input
                      id={`${id}-${index}`}
                      type="radio"
                      name={field.name}
                      checked={value === option}
                      required={required.has(field.name)}
                      onChange={() => set(field.name, option)}
                    />
                    <label htmlFor={`${id}-${index}`}>
                      {optionLabel ? label(optionLabel) : String(option)}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          );
        }
        let control: React.ReactNode;
        const common = {
          id,
          name: field.name,
          'aria-describedby': describedBy,
          'aria-invalid': error ? true : undefined,
          required: required.has(field.name),
        };
        if (schema.enum) {
          control = (
            <select
              {...common}
              value={value === undefined ? '' : String(value)}
              onChange={(e) => set(field.name, e.target.value)}
            >
              <option value="">{c.choose}</option>
              {schema.enum.map((option, index) => {
                const optionLabel = field.optionLabels?.[index];
                return (
                  <option key={String(option)} value={String(option)}>
                    {optionLabel ? label(optionLabel) : String(option)}
                  </option>
                );
              })}
            </select>
          );
        } else if (widget === 'textarea') {
          control = (
            <textarea
              {...common}
              rows={3}
              value={String(value ?? '')}
              onChange={(e) => set(field.name, e.target.value)}
            />
          );
        } else if (schema.type === 'number' || schema.type === 'integer') {
          control = (
            <input
              {...common}
              type="number"
              inputMode={schema.type === 'integer' ? 'numeric' : 'decimal'}
              step={schema.type === 'integer' ? 1 : 'any'}
              min={schema.minimum}
              max={schema.maximum}
              value={value === undefined ? '' : String(value)}
              onChange={(e) => set(field.name, e.target.value === '' ? undefined : Number(e.target.value))}
            />
          );
        } else {
          const type =
            schema.format === 'date'
              ? 'date'
              : schema.format === 'email'
                ? 'email'
                : widget === 'tel'
                  ? 'tel'
                  : 'text';
          control = (
            <input
              {...common}
              type={type}
              maxLength={schema.maxLength}
              autoComplete={
                field.prefill === 'fullName' ? 'name' : field.prefill === 'phone' ? 'tel' : undefined
              }
              value={String(value ?? '')}
              onChange={(e) => set(field.name, e.target.value)}
            />
          );
        }
        return (
          <div className="field" key={field.name}>
            <label htmlFor={id}>
              {text}
              {mark}
            </label>
            {help}
            {errorText}
            {control}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A link from an error summary to a field: moves focus there (a bare #anchor only scrolls). */
export function FieldLink({ target, children }: { target: string; children: React.ReactNode }) {
  return (
    <a
      href={`#${target}`}
      onClick={(event) => {
        const element = document.getElementById(target);
        if (element) {
          event.preventDefault();
          element.scrollIntoView({ block: 'center' });
          element.focus();
        }
      }}
    >
      {children}
    </a>
  );
}
