// Which agency settles the dossier, when a procedure is performed by several (every commune's
// people's committee, say): the server refuses such a dossier without one (AGENCY_REQUIRED). One
// component for the portal's wizard and the desk's walk-in form; nothing is shown when there is
// only one agency, since the server then chooses it.
import { useI18n } from '../i18n/i18n.tsx';

export interface AgencyOption {
  id: string;
  name: string;
  nameEn: string | null;
}

export function AgencyChoice(props: {
  id: string;
  agencies: AgencyOption[];
  value: string;
  onChange(agencyId: string): void;
  error?: string | undefined;
}) {
  const { m, lang } = useI18n();
  const t = m.intake.agencyChoice;
  if (props.agencies.length < 2) {
    return null;
  }
  const sorted = [...props.agencies].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return (
    <div className="field">
      <label htmlFor={props.id}>{t.label}</label>
      <p className="hint" id={`${props.id}-hint`}>
        {t.hint(props.agencies.length)}
      </p>
      {props.error ? <p className="field-error">{props.error}</p> : null}
      <select
        id={props.id}
        value={props.value}
        aria-describedby={`${props.id}-hint`}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t.placeholder}</option>
        {sorted.map((a) => (
          <option key={a.id} value={a.id}>
            {lang === 'en' && a.nameEn ? a.nameEn : a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The chosen agency's name, for a review step or a confirmation. */
export function agencyName(agencies: AgencyOption[], id: string, lang: 'vi' | 'en'): string {
  const agency = agencies.find((a) => a.id === id);
  return agency ? (lang === 'en' && agency.nameEn ? agency.nameEn : agency.name) : '';
}
