// R16: a desk officer back-enters an action done by hand during a declared outage — which outage,
// the real time (dd/mm/yyyy hh:mm) and the reason. The server checks the window and the role again.
import { useEffect, useState } from 'react';
import { intakeApi, type Outage } from '../../api/intake.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { vnTime } from '../../ui/intake-kit.tsx';

export interface BackEntryValue {
  on: boolean;
  reference: string;
  at: string;
  reason: string;
}

export const NO_BACK_ENTRY: BackEntryValue = { on: false, reference: '', at: '', reason: '' };

export function BackEntryFields(props: {
  idPrefix: string;
  value: BackEntryValue;
  onChange(next: BackEntryValue): void;
  invalid: string[];
}) {
  const { m } = useI18n();
  const t = m.processing.backEntry;
  const [outages, setOutages] = useState<Outage[]>([]);
  useEffect(() => {
    if (props.value.on) {
      intakeApi.outages().then(
        (list) => setOutages(list.items),
        () => setOutages([]),
      );
    }
  }, [props.value.on]);
  const id = (f: string) => `${props.idPrefix}-backentry-${f}`;
  const set = (patch: Partial<BackEntryValue>) => props.onChange({ ...props.value, ...patch });
  return (
    <>
      <div className="checkbox">
        <input
          id={id('on')}
          type="checkbox"
          checked={props.value.on}
          onChange={(e) => set({ on: e.target.checked })}
        />
        <label htmlFor={id('on')}>{t.toggle}</label>
      </div>
      {props.value.on ? (
        <fieldset className="field">
          <legend>{t.legend}</legend>
          <div className="field">
            <label htmlFor={id('outage')}>{t.outage}</label>
            <select
              id={id('outage')}
              value={props.value.reference}
              aria-invalid={props.invalid.includes('outage')}
              onChange={(e) => set({ reference: e.target.value })}
            >
              <option value="">—</option>
              {outages.map((o) => (
                <option key={o.id} value={o.reference}>
                  {o.reference}: {vnTime(o.startsAt)} – {vnTime(o.endsAt)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('at')}>{t.at}</label>
            <input
              id={id('at')}
              type="text"
              placeholder="dd/mm/yyyy hh:mm"
              value={props.value.at}
              aria-invalid={props.invalid.includes('at')}
              onChange={(e) => set({ at: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={id('reason')}>{t.reason}</label>
            <input
              id={id('reason')}
              type="text"
              value={props.value.reason}
              aria-invalid={props.invalid.includes('reason')}
              onChange={(e) => set({ reason: e.target.value })}
            />
          </div>
        </fieldset>
      ) : null}
    </>
  );
}
