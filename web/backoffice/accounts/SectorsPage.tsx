// The sector and field list (ngành, lĩnh vực) for system administrators: add, stop using, reuse.
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { type AdminSector, accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextField,
  withServerError,
} from '../../ui/form-kit.tsx';
import { useGuardedCall } from '../session.ts';

export function SectorsPage() {
  const { m, lang } = useI18n();
  const t = m.accounts.sectors;
  const guarded = useGuardedCall();
  const ids = { code: useId(), name: useId(), parentId: useId() };
  const [sectors, setSectors] = useState<AdminSector[]>([]);
  const [form, setForm] = useState({ code: '', name: '', parentId: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const load = useCallback(() => {
    guarded(() => accountsApi.sectors()).then((list) => setSectors(list.items), setServerError);
  }, [guarded]);
  useEffect(load, [load]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const names = new Map(sectors.map((s) => [s.id, s.name]));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      code: /^[A-Z0-9][A-Z0-9.-]{0,39}$/.test(form.code.trim())
        ? undefined
        : m.accounts.common.required(t.code),
      name: form.name.trim() ? undefined : m.accounts.common.required(t.name),
    };
    setFieldErrors(errors);
    setServerError(null);
    if (errors.code || errors.name) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    try {
      await guarded(() =>
        accountsApi.createSector({
          code: form.code.trim(),
          name: form.name.trim(),
          parentId: form.parentId || null,
        }),
      );
      setForm({ code: '', name: '', parentId: '' });
      load();
    } catch (error) {
      setServerError(error);
      setFieldErrors(withServerError({}, error, ids, lang));
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  const toggle = async (sector: AdminSector) => {
    await guarded(() => accountsApi.updateSector(sector.id, { active: !sector.active })).catch(
      setServerError,
    );
    load();
  };

  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p className="hint">{t.lead}</p>
      <form className="card" onSubmit={onSubmit} noValidate>
        <h2>{t.add}</h2>
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
          onChange={(v) => set('code')(v.toUpperCase())}
          error={fieldErrors.code}
          hint="TP-HT"
        />
        <TextField
          id={ids.name}
          label={t.name}
          value={form.name}
          onChange={set('name')}
          error={fieldErrors.name}
        />
        <SelectField
          id={ids.parentId}
          label={t.parent}
          value={form.parentId}
          onChange={set('parentId')}
          options={[
            { value: '', label: m.accounts.common.none },
            ...sectors.filter((s) => s.parentId === null).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <button type="submit" className="button button--primary">
          {m.accounts.common.save}
        </button>
      </form>
      {sectors.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.parent}</th>
                <th scope="col">{t.active}</th>
                <th scope="col">
                  <span className="visually-hidden">{m.accounts.common.edit}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sectors.map((sector) => (
                <tr key={sector.id} className={sector.active ? undefined : 'row--closed'}>
                  <td>
                    <code>{sector.code}</code>
                  </td>
                  <th scope="row">{sector.name}</th>
                  <td>{sector.parentId ? names.get(sector.parentId) : m.accounts.common.none}</td>
                  <td>{sector.active ? m.accounts.common.yes : m.accounts.common.no}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${sector.active ? t.deactivate : t.activate}: ${sector.name}`}
                      onClick={() => void toggle(sector)}
                    >
                      {sector.active ? t.deactivate : t.activate}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
