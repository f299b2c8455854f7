// The submission wizard's last step: everything the citizen is about to send, read-only, so they can
// check it before submitting (the steps before it are where things are changed).
import type { ReactNode } from 'react';
import type { EformLayout, EformSchema } from '../../../src/domain/catalogue/eform.ts';
import type { ProcedureDetail } from '../../api/catalogue.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type AgencyOption, agencyName } from '../../ui/AgencyChoice.tsx';
import { EformAnswers } from '../../ui/eform/EformAnswers.tsx';
import { formatSize } from '../../ui/intake-kit.tsx';
import type { WizardState } from './wizard-state.ts';

type Component = NonNullable<ProcedureDetail['version']>['components'][number];

export function WizardReview(props: {
  state: WizardState;
  eforms: Component[];
  uploads: Component[];
  feeList: ReactNode;
  agencies: AgencyOption[];
}) {
  const { m, lang } = useI18n();
  const t = m.intake;
  const { state, eforms, uploads, feeList } = props;
  return (
    <div>
      <h3>{t.wizard.formSection}</h3>
      {eforms.map((c) => (
        <EformAnswers
          key={c.key}
          schema={c.eform?.schema as EformSchema | undefined}
          layout={c.eform?.layout as EformLayout | undefined}
          values={state.formData[c.key] ?? {}}
        />
      ))}
      <h3>{t.wizard.filesSection}</h3>
      <ul>
        {uploads.map((c) => (
          <li key={c.key}>
            {c.name}:{' '}
            {(state.files[c.key] ?? []).map((f) => `${f.name} (${formatSize(f.size)})`).join(', ') ||
              t.common.none}
          </li>
        ))}
      </ul>
      {state.agencyId ? (
        <>
          <h3>{t.agencyChoice.label}</h3>
          <p>{agencyName(props.agencies, state.agencyId, lang)}</p>
        </>
      ) : null}
      <h3>{t.wizard.deliverySection}</h3>
      <p>
        {t.delivery[state.delivery.method]}
        {state.delivery.method === 'post' ? `: ${state.delivery.address}` : ''}
      </p>
      <h3>{t.wizard.notifyLegend}</h3>
      <p>{state.notify.map((c) => t.wizard.notifyChannel[c]).join(', ') || t.common.none}</p>
      <h3>{t.wizard.fees}</h3>
      {feeList}
    </div>
  );
}
