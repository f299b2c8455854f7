// Small pieces shared by the portal's and the back office's intake screens: a file picker that
// uploads at once, status and warning badges, a summary of what is wrong linking to the fields.
import { useId, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { intakeApi, type UploadedFile } from '../api/intake.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Alert } from './layout.tsx';
import './intake.css';

export interface FileRef {
  id: string;
  name: string;
  size: number;
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A labelled file input: each chosen file is uploaded at once; the list shows what is attached. */
export function FileUpload(props: {
  id: string;
  label: string;
  hint?: string;
  files: FileRef[];
  onChange(files: FileRef[]): void;
  error?: string | undefined;
}) {
  const { m, lang } = useI18n();
  const t = m.intake.wizard;
  const errorId = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const upload = async (list: FileList | null) => {
    if (!list || list.length === 0) {
      return;
    }
    setBusy(true);
    setFailure(null);
    const added: FileRef[] = [];
    try {
      for (const file of Array.from(list)) {
        const stored: UploadedFile = await intakeApi.upload(file);
        added.push({ id: stored.id, name: stored.name, size: stored.size });
      }
    } catch (error) {
      setFailure(errorMessage(error, lang));
    } finally {
      setBusy(false);
      if (added.length) {
        props.onChange([...props.files, ...added]);
      }
    }
  };
  const error = failure ?? props.error;
  return (
    <div className="field intake-file">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        id={props.id}
        type="file"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        disabled={busy}
        onChange={(event) => {
          void upload(event.target.files);
          event.target.value = '';
        }}
      />
      <div aria-live="polite">{busy ? <p className="hint">{t.uploading}</p> : null}</div>
      {props.files.length ? (
        <ul className="intake-file__list">
          {props.files.map((file) => (
            <li key={file.id}>
              {t.uploaded(file.name, formatSize(file.size))}{' '}
              <button
                type="button"
                className="button button--link"
                onClick={() => props.onChange(props.files.filter((f) => f.id !== file.id))}
              >
                {t.removeFile}
                <span className="visually-hidden">: {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The errors at the top of the page, each linking to its field (focus lands here on failure). */
export function ProblemSummary(props: {
  summaryRef: React.RefObject<HTMLDivElement | null>;
  items: Array<{ target: string; message: string }>;
  general?: string | null;
}) {
  const { m } = useI18n();
  const show = props.items.length > 0 || props.general;
  return (
    <div ref={props.summaryRef} tabIndex={-1}>
      {show ? (
        <Alert kind="error" title={m.intake.common.errorSummary}>
          <ul>
            {props.general ? <li>{props.general}</li> : null}
            {props.items.map((item) => (
              <li key={`${item.target}-${item.message}`}>
                <a
                  href={`#${item.target}`}
                  onClick={(event) => {
                    const target = document.getElementById(item.target);
                    if (target) {
                      event.preventDefault();
                      target.focus();
                      target.scrollIntoView({ block: 'center' });
                    }
                  }}
                >
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}

export function StatusBadge(props: { status: number; name: { vi: string; en: string } }) {
  const { pick } = useI18n();
  return <span className={`intake-status intake-status--${props.status}`}>{pick(props.name)}</span>;
}

export function WarningBadge(props: { warning: 'overdue' | 'dueSoon' | 'normal' | null }) {
  const { m } = useI18n();
  if (!props.warning) {
    return null;
  }
  return (
    <span className={`intake-warning intake-warning--${props.warning}`}>
      {m.intake.desk.warning[props.warning]}
    </span>
  );
}

/** An instant in Asia/Ho_Chi_Minh as dd/mm/yyyy hh:mm. */
export function vnTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** 'dd/mm/yyyy hh:mm' typed in Viet Nam time → ISO instant, or null when it is not a real time. */
export function parseVnTime(raw: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(raw);
  if (!match) {
    return null;
  }
  const [, d = '', mo = '', y = '', h = '', mi = ''] = match;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:00+07:00`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ||
    Number(h) > 23 ||
    vnTime(date.toISOString()) !==
      `${d.padStart(2, '0')}/${mo.padStart(2, '0')}/${y} ${h.padStart(2, '0')}:${mi}`
    ? null
    : date.toISOString();
}
