// The fees editor of the procedure draft (phí, lệ phí: name, amount in VND, kind, when paid, exemptions).
import type { ProcedureContent } from '../../api/catalogue.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ListEditor, SelectField, TextField } from './editor-parts.tsx';

type Fee = ProcedureContent['fees'][number];

export function FeesEditor(props: { fees: Fee[]; onChange(fees: Fee[]): void }) {
  const { m } = useI18n();
  const c = m.catalogue;
  const a = c.admin;
  return (
    <section className="card proc-section">
      <h2>{a.feesTitle}</h2>
      <ListEditor
        items={props.fees}
        onChange={props.onChange}
        create={(): Fee => ({
          name: '',
          amountVnd: null,
          kind: 'charge',
          whenPaid: 'on_submission',
          exemptions: null,
        })}
        addLabel={a.addFee}
        removeLabel={a.remove}
        itemLabel={(i) => `${a.feeName} ${i + 1}`}
        render={(fee, i, update) => (
          <div className="inline-form">
            <TextField
              path={`fees/${i}/name`}
              label={a.feeName}
              value={fee.name}
              onChange={(v) => update({ ...fee, name: v })}
            />
            <TextField
              path={`fees/${i}/amountVnd`}
              label={a.feeAmount}
              type="number"
              value={fee.amountVnd === null ? '' : String(fee.amountVnd)}
              onChange={(v) =>
                update({ ...fee, amountVnd: v === '' ? null : Math.max(0, Math.trunc(Number(v) || 0)) })
              }
            />
            <SelectField
              path={`fees/${i}/kind`}
              label={a.feeKind}
              value={fee.kind}
              options={[
                ['charge', c.feeKind.charge],
                ['fee', c.feeKind.fee],
              ]}
              onChange={(v) => update({ ...fee, kind: v as 'fee' | 'charge' })}
            />
            <SelectField
              path={`fees/${i}/whenPaid`}
              label={a.feeWhen}
              value={fee.whenPaid}
              options={[
                ['on_submission', a.whenSubmission],
                ['on_result', a.whenResult],
              ]}
              onChange={(v) => update({ ...fee, whenPaid: v as 'on_submission' | 'on_result' })}
            />
            <TextField
              path={`fees/${i}/exemptions`}
              label={a.exemptions}
              value={fee.exemptions ?? ''}
              onChange={(v) => update({ ...fee, exemptions: v || null })}
            />
          </div>
        )}
      />
    </section>
  );
}
