// The submission wizard's delivery step: which agency settles it (when several perform the
// procedure), how the result comes back (desk, post with an address,
// online), which channels the citizen is told on (R37), and the fees due.
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { AgencyChoice, type AgencyOption } from '../../ui/AgencyChoice.tsx';
import { ChannelChoice } from '../../ui/ChannelChoice.tsx';
import type { WizardState } from './wizard-state.ts';

export function WizardDelivery(props: {
  state: WizardState;
  setState: Dispatch<SetStateAction<WizardState>>;
  problems: Array<{ target: string; message: string }>;
  feeList: ReactNode;
  agencies: AgencyOption[];
}) {
  const t = useI18n().m.intake;
  const { state, setState, problems, feeList } = props;
  return (
    <div>
      <AgencyChoice
        id="agency"
        agencies={props.agencies}
        value={state.agencyId}
        onChange={(agencyId) => setState((s) => ({ ...s, agencyId }))}
        error={problems.find((p) => p.target === 'agency')?.message}
      />
      <fieldset className="field">
        <legend>{t.wizard.deliveryLegend}</legend>
        {(['online', 'desk', 'post'] as const).map((method) => (
          <div className="intake-radio" key={method}>
            <input
              type="radio"
              id={`delivery-${method}`}
              name="delivery"
              checked={state.delivery.method === method}
              onChange={() => setState((s) => ({ ...s, delivery: { ...s.delivery, method } }))}
            />
            <label htmlFor={`delivery-${method}`}>{t.delivery[method]}</label>
          </div>
        ))}
      </fieldset>
      {state.delivery.method === 'post' ? (
        <div className="field">
          <label htmlFor="delivery-address">{t.wizard.postalAddress}</label>
          <p className="hint">{t.wizard.postalHint}</p>
          {problems.some((p) => p.target === 'delivery-address') ? (
            <p className="field-error">{t.wizard.postalAddressMissing}</p>
          ) : null}
          <input
            id="delivery-address"
            type="text"
            value={state.delivery.address}
            autoComplete="street-address"
            aria-invalid={problems.some((p) => p.target === 'delivery-address')}
            onChange={(event) =>
              setState((s) => ({ ...s, delivery: { ...s.delivery, address: event.target.value } }))
            }
          />
        </div>
      ) : null}
      <ChannelChoice
        id="notify"
        legend={t.wizard.notifyLegend}
        hint={t.wizard.notifyHint}
        labels={t.wizard.notifyChannel}
        channels={['email', 'sms', 'chat']}
        chosen={state.notify}
        onChange={(notify) => setState((s) => ({ ...s, notify }))}
      />
      <h3>{t.wizard.fees}</h3>
      {feeList}
    </div>
  );
}
