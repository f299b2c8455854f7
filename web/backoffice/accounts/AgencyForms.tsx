// The forms of the agency tree page: add or edit an agency, close or merge it.
import { type FormEvent, useId, useRef, useState } from 'react';
import { type Agency, accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  formatVietnameseDate,
  parseVietnameseDate,
  SelectField,
  TextField,
  withServerError,
} from '../../ui/form-kit.tsx';
import { useGuardedCall } from '../session.ts';
import { indentedLabel, treeRows } from './agency-tree.ts';

export type Panel =
  | { kind: 'create'; parentId: string | null }
  | { kind: 'edit'; agency: Agency }
  | { kind: 'close'; agency: Agency };

const todayVn = () => formatVietnameseDate(new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10));

export function AgencyForm(props: {
  panel: Panel & { kind: 'create' | 'edit' };
  agencies: Agency[];
  onDone(text: string): void;
  onCancel(): void;
}) {
  const { m, lang } = useI18n();
  const t = m.accounts.agencies;
  const guarded = useGuardedCall();
  const editing = props.panel.kind === 'edit' ? props.panel.agency : null;
  const ids = {
    code: useId(),
    name: useId(),
    nameEn: useId(),
    shortName: useId(),
    level: useId(),
    kind: useId(),
    parentId: useId(),
    address: useId(),
    hotline: useId(),
    validFrom: useId(),
  };
  const [form, setForm] = useState({
    code: editing?.code ?? '',
    name: editing?.name ?? '',
    nameEn: editing?.nameEn ?? '',
    shortName: editing?.shortName ?? '',
    level: editing?.level ?? 'province',
    kind: editing?.kind ?? 'unit',
    parentId: editing
      ? (editing.parentId ?? '')
      : props.panel.kind === 'create'
        ? (props.panel.parentId ?? '')
        : '',
    address: editing?.address ?? '',
    hotline: editing?.hotline ?? '',
    validFrom: todayVn(),
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const validFrom = parseVietnameseDate(form.validFrom);
    const errors: FieldErrors = {
      code:
        editing || /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/.test(form.code.trim())
          ? undefined
          : t.code,
      name: form.name.trim() ? undefined : m.accounts.common.required(t.name),
      validFrom: editing || validFrom ? undefined : m.accounts.profile.dateInvalid,
    };
    setFieldErrors(errors);
    setServerError(null);
    if (Object.values(errors).some(Boolean)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const common = {
      name: form.name.trim(),
      nameEn: form.nameEn.trim() || null,
      shortName: form.shortName.trim() || null,
      level: form.level as Agency['level'],
      kind: form.kind as Agency['kind'],
      parentId: form.parentId || null,
      address: form.address.trim() || null,
      hotline: form.hotline.trim() || null,
    };
    try {
      if (editing) {
        await guarded(() => accountsApi.updateAgency(editing.id, common));
      } else {
        await guarded(() =>
          accountsApi.createAgency({ ...common, code: form.code.trim(), validFrom: validFrom ?? '' }),
        );
      }
      props.onDone(m.accounts.common.saved);
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError({}, error, ids, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <h2>{editing ? `${m.accounts.common.edit}: ${editing.name}` : t.add}</h2>
      <ErrorSummary
        summaryRef={summaryRef}
        fieldErrors={fieldErrors}
        fieldIds={ids}
        serverError={serverError}
      />
      <TextField
        id={ids.code}
        label={t.code}
        value={form.code}
        onChange={set('code')}
        error={fieldErrors.code}
        disabled={Boolean(editing)}
        hint="000.00.11.H99"
      />
      <TextField
        id={ids.name}
        label={t.name}
        value={form.name}
        onChange={set('name')}
        error={fieldErrors.name}
      />
      <TextField id={ids.nameEn} label={t.nameEn} value={form.nameEn} onChange={set('nameEn')} />
      <TextField
        id={ids.shortName}
        label={t.shortName}
        value={form.shortName}
        onChange={set('shortName')}
        error={fieldErrors.shortName}
      />
      <SelectField
        id={ids.level}
        label={t.level}
        value={form.level}
        onChange={set('level')}
        options={Object.entries(t.levels).map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        id={ids.kind}
        label={t.kind}
        value={form.kind}
        onChange={set('kind')}
        options={Object.entries(t.kinds).map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        id={ids.parentId}
        label={t.parent}
        value={form.parentId}
        onChange={set('parentId')}
        error={fieldErrors.parentId}
        options={[
          { value: '', label: t.noParent },
          ...treeRows(props.agencies).map((row) => ({ value: row.agency.id, label: indentedLabel(row) })),
        ]}
      />
      <TextField id={ids.address} label={t.address} value={form.address} onChange={set('address')} />
      <TextField
        id={ids.hotline}
        label={t.hotline}
        value={form.hotline}
        onChange={set('hotline')}
        error={fieldErrors.hotline}
      />
      {editing ? null : (
        <TextField
          id={ids.validFrom}
          label={t.validFrom}
          hint={m.accounts.common.dateFormat}
          value={form.validFrom}
          onChange={set('validFrom')}
          error={fieldErrors.validFrom}
        />
      )}
      <button type="submit" className="button button--primary">
        {m.accounts.common.save}
      </button>{' '}
      <button type="button" className="button" onClick={props.onCancel}>
        {m.accounts.common.cancel}
      </button>
    </form>
  );
}

export function CloseForm(props: {
  agency: Agency;
  agencies: Agency[];
  onDone(text: string): void;
  onCancel(): void;
}) {
  const { m, lang } = useI18n();
  const t = m.accounts.agencies;
  const guarded = useGuardedCall();
  const ids = { validTo: useId(), successorId: useId() };
  const [validTo, setValidTo] = useState(todayVn());
  const [successorId, setSuccessorId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const day = parseVietnameseDate(validTo);
    setServerError(null);
    setFieldErrors({ validTo: day ? undefined : m.accounts.profile.dateInvalid });
    if (!day) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    try {
      const result = await guarded(() => accountsApi.closeAgency(props.agency.id, day, successorId || null));
      props.onDone(t.closeDone(result.movedUsers, result.movedUnits));
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError({}, error, ids, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <h2>
        {t.closeTitle}: {props.agency.name}
      </h2>
      <ErrorSummary
        summaryRef={summaryRef}
        fieldErrors={fieldErrors}
        fieldIds={ids}
        serverError={serverError}
      />
      <TextField
        id={ids.validTo}
        label={t.validTo}
        hint={m.accounts.common.dateFormat}
        value={validTo}
        onChange={setValidTo}
        error={fieldErrors.validTo}
      />
      <SelectField
        id={ids.successorId}
        label={t.successor}
        value={successorId}
        onChange={setSuccessorId}
        error={fieldErrors.successorId}
        options={[
          { value: '', label: t.noSuccessor },
          ...treeRows(props.agencies)
            .filter((row) => row.agency.id !== props.agency.id)
            .map((row) => ({ value: row.agency.id, label: indentedLabel(row) })),
        ]}
      />
      <button type="submit" className="button button--danger">
        {t.closeButton}
      </button>{' '}
      <button type="button" className="button" onClick={props.onCancel}>
        {m.accounts.common.cancel}
      </button>
    </form>
  );
}
