// Small accessible form pieces shared by the accounts screens: labelled fields with their error
// beside them, and an error summary at the top whose items link to the fields (GOV.UK pattern).
import { type ReactNode, type RefObject, useId } from 'react';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Alert } from './layout.tsx';

export type FieldErrors = Record<string, string | undefined>;

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'password' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  disabled?: boolean;
}) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        disabled={props.disabled}
        aria-invalid={Boolean(props.error)}
        aria-describedby={describedBy || undefined}
        spellCheck={props.type === 'password' || props.type === 'email' ? false : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: Array<{ value: string; label: string }>;
  error?: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.error ? <p className="field-error">{props.error}</p> : null}
      <select
        id={props.id}
        value={props.value}
        aria-invalid={Boolean(props.error)}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The summary of what is wrong, at the top of the form; focus moves here after a failed submit. */
export function ErrorSummary(props: {
  summaryRef: RefObject<HTMLDivElement | null>;
  fieldErrors: FieldErrors;
  fieldIds: Record<string, string>;
  serverError: unknown;
}) {
  const { m, lang } = useI18n();
  const entries = Object.entries(props.fieldErrors).filter(([, message]) => message);
  const show = entries.length > 0 || props.serverError;
  return (
    <div ref={props.summaryRef} tabIndex={-1}>
      {show ? (
        <Alert kind="error" title={m.accounts.common.errorSummary}>
          <ul>
            {props.serverError && !serverFieldOf(props.serverError, props.fieldIds) ? (
              <li>{errorMessage(props.serverError, lang)}</li>
            ) : null}
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${props.fieldIds[field] ?? ''}`}>{message}</a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}

/** The form field a server error names (e.g. "newPassword"), when the form has it. */
export function serverFieldOf(error: unknown, fieldIds: Record<string, string>): string | undefined {
  const field = (error as { body?: { field?: string } } | null)?.body?.field;
  if (!field) {
    return undefined;
  }
  const key =
    field
      .replace(/^body\//, '')
      .split('/')
      .pop() ?? field;
  return key in fieldIds ? key : undefined;
}

/** Server field errors merged into the field map, so they show beside their field too. */
export function withServerError(
  fieldErrors: FieldErrors,
  error: unknown,
  fieldIds: Record<string, string>,
  lang: 'vi' | 'en',
) {
  const field = serverFieldOf(error, fieldIds);
  return field ? { ...fieldErrors, [field]: errorMessage(error, lang) } : fieldErrors;
}

export function Section(props: { title: string; children: ReactNode; id?: string }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId} id={props.id}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** dd/mm/yyyy (as typed) → yyyy-mm-dd, or null when it is not a real date. */
export function parseVietnameseDate(raw: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(raw);
  if (!match) {
    return null;
  }
  const [, d = '', mo = '', y = ''] = match;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

export function formatVietnameseDate(iso: string | null): string {
  if (!iso) {
    return '';
  }
  const [y, mo, d] = iso.slice(0, 10).split('-');
  return `${d}/${mo}/${y}`;
}

/** An instant shown in Asia/Ho_Chi_Minh as dd/mm/yyyy hh:mm (hh:mm:ss with `seconds`). */
export function formatVietnamTime(iso: string | null, options: { seconds?: boolean } = {}): string {
  if (!iso) {
    return '';
  }
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).format(new Date(iso));
}
